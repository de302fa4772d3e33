using Spectre.Console;

namespace KetaminePkPd.Cli.Output;

/// <summary>
/// Shows the progress of a long computation on stderr: a Spectre.Console bar when stderr is a terminal, otherwise
/// plain lines (<c>Simulating: 40%</c>) at every 10%. Never writes to stdout, so it cannot corrupt JSON output.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, passing it a progress sink (fraction done, 0 to 1) or null when <paramref name="show"/> is false.</summary>
    /// <param name="stderr">Where progress goes.</param>
    /// <param name="show">False to run without progress.</param>
    /// <param name="label">What is in progress, e.g. <c>Simulating</c>.</param>
    /// <param name="work">The computation; it may report from several threads at once.</param>
    public static T Run<T>(TextWriter stderr, bool show, string label, Func<IProgress<double>?, T> work)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(work);
        if (!show) return work(null);
        if (IsTerminal(stderr)) return RunWithBar(stderr, label, work);
        var plain = new PlainProgress(stderr, label);
        var result = work(plain);
        plain.Complete();
        return result;
    }

    /// <summary>True when <paramref name="writer"/> is this process's stderr and stderr is a terminal.</summary>
    public static bool IsTerminal(TextWriter writer) => ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>Adapts a count of items done (as <c>TrialDesign.Simulate</c> reports it) to a fraction of <paramref name="total"/>.</summary>
    public static IProgress<int>? Counting(IProgress<double>? fraction, int total) =>
        fraction is null || total <= 0 ? null : new CountProgress(fraction, total);

    private static T RunWithBar<T>(TextWriter stderr, string label, Func<IProgress<double>?, T> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stderr),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
        });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(label, maxValue: 1000);
                var result = work(new BarProgress(task));
                task.Value = task.MaxValue;
                return result;
            });
    }

    /// <summary>Moves a Spectre task; reports from several threads are serialised.</summary>
    private sealed class BarProgress(ProgressTask task) : IProgress<double>
    {
        private readonly Lock _gate = new();

        public void Report(double value)
        {
            lock (_gate) task.Value = Math.Max(task.Value, Math.Clamp(value, 0, 1) * task.MaxValue);
        }
    }

    /// <summary>Prints <c>label: 10%</c>, <c>20%</c>, ... once each, in order, from any thread.</summary>
    private sealed class PlainProgress(TextWriter writer, string label) : IProgress<double>
    {
        private readonly Lock _gate = new();
        private int _printed;

        public void Report(double value)
        {
            int tenths = (int)Math.Floor(Math.Clamp(value, 0, 1) * 10 + 1e-9);
            lock (_gate)
            {
                if (tenths <= _printed) return;
                _printed = tenths;
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {tenths * 10}%"));
                writer.Flush();
            }
        }

        public void Complete() => Report(1);
    }

    private sealed class CountProgress(IProgress<double> inner, int total) : IProgress<int>
    {
        public void Report(int value) => inner.Report((double)value / total);
    }
}
