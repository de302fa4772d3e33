using System.Diagnostics;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd report</c>: runs <see cref="HtmlReportStory.Simulate"/> for the default <c>hypothesis</c> settings and
/// writes the library's <see cref="HtmlReport"/> page atomically.
/// </summary>
internal sealed class ReportCommand : CliCommand
{
    /// <summary>The default output file.</summary>
    public const string DefaultOut = "report.html";

    private static readonly HypothesisTestSettings Defaults = HypothesisTestSettings.Default;

    private readonly Option<string?> _out = FileRoles.Output(SharedOptions.Parsed<string?>("--out", "file.html",
        "The HTML file to write (.html or .htm): one self-contained page with inline SVG figures and CSS, no scripts, no network " +
        $"access. Replaced atomically; a failed run leaves no file. [default: {DefaultOut}]", CheckHtml));
    private readonly Option<int?> _replicates = SharedOptions.Parsed<int?>("--replicates", "count",
        $"Replicate trials per hypothesis and observation, {HypothesisTestSettings.MinReplicates} to {HypothesisTestSettings.MaxReplicates}, as in 'hypothesis'. [default: {Defaults.Replicates}]",
        (t, n) => Parsing.ParseCount(t, n, HypothesisTestSettings.MinReplicates, HypothesisTestSettings.MaxReplicates));
    private readonly Option<int?> _pool = SharedOptions.Subjects(
        $"Patients simulated once per hypothesis, {HypothesisTestSettings.MinimumPoolSize(Defaults.Observed)} to {HypothesisTestSettings.MaxPoolSize} (at least " +
        $"{HypothesisTestSettings.PoolPerObservedSubject} times the largest observed n, {Defaults.Observed.Max(o => o.N)}), as in 'hypothesis'. Alias: --pool. [default: {Defaults.PoolSize}]",
        HypothesisTestSettings.MinimumPoolSize(Defaults.Observed), HypothesisTestSettings.MaxPoolSize, "--pool");
    private readonly Option<ulong?> _seed = SharedOptions.Seed();
    private readonly Option<string?> _parameters = SharedOptions.Parameters();
    private readonly Option<bool> _quiet = SharedOptions.Quiet();

    public ReportCommand()
        : base("report",
            "Write one self-contained HTML report of the default 'hypothesis' run for a reader new to the project: the " +
            "question (the letter's argument and the reply's), the model (PK, the two effect models, the four hypotheses, " +
            "what is provisional), concentration and effect time courses of the NIMH infusion with 5-95% bands of " +
            $"{HtmlReportStory.BandPatients} virtual patients, one simulated NIMH trial's dissociation-improvement scatter, the histograms of " +
            "simulated r under each hypothesis with the observed r marked (230 min and day 7), the hypothesis table with " +
            "plain-language readings, the sample sizes, and the command and seed that reproduce it. Without options: " +
            $"{Defaults.Replicates} replicates, a pool of {Defaults.PoolSize} patients, seed {Defaults.Seed}, {DefaultOut} (about 1-2 s on two cores; docs/benchmarks.md). Progress goes to stderr.")
    {
        Add(_out, _replicates, _pool, _seed, _parameters, _quiet);
    }

    protected override int Execute(CommandContext ctx)
    {
        var settings = Defaults with
        {
            Replicates = ctx.Get(_replicates) ?? Defaults.Replicates,
            PoolSize = ctx.Get(_pool) ?? Defaults.PoolSize,
            Seed = ctx.Get(_seed) ?? Defaults.Seed,
        };
        settings = ParameterFile.Apply(settings, ParameterFile.ReadOptional(ctx.Get(_parameters)));
        using var files = ctx.Outputs();
        var file = files.Open(ctx.Get(_out) ?? DefaultOut, "--out")!;
        var clock = Stopwatch.StartNew();
        var story = ProgressDisplay.Run(ctx.Stderr, !ctx.Get(_quiet), "Simulating", progress => HtmlReportStory.Simulate(settings, progress));
        string html = HtmlReport.Build(story, CommandLine("report", settings, ctx.Get(_out)) + ParameterFile.Argument(ctx.Get(_parameters)),
            CommandLine("hypothesis", settings, null) + ParameterFile.Argument(ctx.Get(_parameters)));
        var bytes = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(html);
        file.Stream.Write(bytes);
        files.CommitAll();
        ctx.Stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {file.Path} ({bytes.Length / 1024.0:0} KB, {story.Hypotheses.ReplicateTrials:N0} replicate trials) in {clock.Elapsed.TotalSeconds:0.0} s."));
        ctx.Stdout.WriteLine($"Reproduce with: {CommandLine("report", settings, ctx.Get(_out))}{ParameterFile.Argument(ctx.Get(_parameters))}");
        return CliErrors.Success;
    }

    /// <summary>The command line of <paramref name="command"/> with the settings that differ from the defaults, and the seed.</summary>
    internal static string CommandLine(string command, HypothesisTestSettings s, string? outPath)
    {
        var parts = new List<string> { CliApp.Name, command };
        if (outPath is not null) parts.Add($"--out {CommandLineText.Quote(outPath)}");
        if (s.Replicates != Defaults.Replicates) parts.Add($"--replicates {s.Replicates.ToString(CultureInfo.InvariantCulture)}");
        if (s.PoolSize != Defaults.PoolSize) parts.Add($"--pool {s.PoolSize.ToString(CultureInfo.InvariantCulture)}");
        parts.Add($"--seed {s.Seed.ToString(CultureInfo.InvariantCulture)}");
        return string.Join(' ', parts);
    }

    private static string CheckHtml(string path, string option)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        return ext is ".html" or ".htm" ? path
            : throw new ArgumentException($"{option} '{path}': the report is HTML, so the file must end in .html or .htm, got {(ext.Length == 0 ? "no extension" : $"'{ext}'")}.");
    }
}
