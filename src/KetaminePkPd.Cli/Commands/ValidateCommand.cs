using System.CommandLine;
using System.Globalization;
using KetaminePkPd.Cli.Output;
using KetaminePkPd.Validation;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd validate</c>: simulates every calibration and check target of the library's catalogue and prints the
/// validation table (hit, miss or explained miss), as text, JSON or the Markdown of docs/validation.md.
/// </summary>
internal sealed class ValidateCommand
{
    /// <summary>Examples shown at the end of <c>validate --help</c>.</summary>
    public static readonly string[] Examples =
    [
        "ketamine-pkpd validate",
        "ketamine-pkpd validate --json",
        "ketamine-pkpd validate --markdown > docs/validation.md",
        "ketamine-pkpd validate --subjects 2000 --seed 7",
    ];

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print one JSON object instead of the table: settings, counts (hits, misses, explainedMisses, reported) and one row " +
            "per target (key, quantity, design, unit, published, publishedText, low, high, tolerance, source, use, knownMiss, simulated, " +
            "deviation, status).",
    };
    private readonly Option<bool> _markdown = new("--markdown")
    {
        Description = "Print the Markdown page docs/validation.md instead of the table (" + ValidationMarkdown.RegenerateCommand + ").",
    };
    private readonly Option<string?> _subjects = new("--subjects")
    {
        HelpName = "count",
        Description = "Patients per arm of every virtual trial, 20 to 100000; the tolerances state the Monte Carlo error at the default. [default: 500]",
    };
    private readonly Option<string?> _seed = CommonOptions.Seed();

    public ValidateCommand()
    {
        Command = new Command("validate",
            "Simulate every published target the model is calibrated to or checked against (Perez-Ruixo 2021 Table 4, the racemic IV " +
            "course, esketamine day 1 and day 28, placebo, dissociation timing and distribution, norketamine, racemic intranasal) and the " +
            "hypothesis test's headline numbers, and print each with its source, acceptance interval, simulated value and hit or miss. " +
            "Takes a few seconds.")
        {
            _json, _markdown, _subjects, _seed,
        };
        Command.SetAction(Execute);
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    private int Execute(ParseResult parseResult)
    {
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;
        try
        {
            var settings = ValidationSettings.Default;
            if (parseResult.GetValue(_subjects) is { } subjects) settings = settings with { SubjectsPerArm = Parsing.ParseCount(subjects, "--subjects", 20, 100_000) };
            if (parseResult.GetValue(_seed) is { } seed) settings = settings with { Seed = Parsing.ParseSeed(seed) };
            bool json = parseResult.GetValue(_json), markdown = parseResult.GetValue(_markdown);
            if (json && markdown) throw new ArgumentException("--json and --markdown cannot be combined; choose one output.");
            var report = ValidationSuite.Run(settings);
            if (json) ValidationJson.Write(ValidationJson.Of(report), stdout);
            else if (markdown) stdout.Write(ValidationMarkdown.ToMarkdown(report));
            else WriteText(stdout, report);
            stdout.Flush();
            return CliErrors.Success;
        }
        catch (Exception ex) when (CliErrors.IsReported(ex))
        {
            return CliErrors.Report(stderr, ex);
        }
    }

    private static void WriteText(TextWriter w, ValidationReport report)
    {
        w.WriteLine("ketamine-pkpd validate: the model against published targets");
        w.WriteLine();
        int keyWidth = report.Rows.Max(r => r.Target.Key.Length);
        w.WriteLine($"{"status",-15} {"key".PadRight(keyWidth)} {"simulated",12} {"accept",-22} {"use",-11} published / quantity");
        foreach (var r in report.Rows)
        {
            var t = r.Target;
            string simulated = ValidationMarkdown.Number(r.Simulated);
            w.WriteLine($"{ValidationMarkdown.Word(r.Status),-15} {t.Key.PadRight(keyWidth)} {simulated,12} {ValidationMarkdown.Acceptance(t),-22} {ValidationMarkdown.Word(t.Use),-11} {t.PublishedText}{(t.Unit == "-" || t.PublishedText.EndsWith(t.Unit, StringComparison.Ordinal) ? "" : " " + t.Unit)}: {t.Quantity}");
        }
        w.WriteLine();
        w.WriteLine(ValidationMarkdown.Summary(report));
        var explained = report.Rows.Where(r => r.Status == ValidationStatus.ExplainedMiss).ToList();
        if (explained.Count > 0)
        {
            w.WriteLine("Explained misses:");
            foreach (var r in explained) w.WriteLine($"  {r.Target.Key}: {r.Target.KnownMiss}.");
        }
        w.WriteLine("Sources, designs and tolerances: --markdown (docs/validation.md) or --json. Effect parameters and the clinical model are PROVISIONAL calibrations.");
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Run time {report.Elapsed.TotalSeconds:0.0} s."));
    }
}
