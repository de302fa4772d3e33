using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using KetaminePkPd.Cli.Output;
using KetaminePkPd.Comparisons;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd report</c>: one self-contained HTML file that tells the story of the default <c>hypothesis</c> run
/// for a reader who has not seen the project: the question, the model, the time courses, one simulated trial, the
/// sampling distributions of r under each hypothesis and what they mean.
/// </summary>
internal sealed class ReportCommand
{
    /// <summary>Virtual patients behind the time-course bands.</summary>
    public const int BandPatients = 300;

    /// <summary>The default output file.</summary>
    public const string DefaultOut = "report.html";

    /// <summary>Examples shown at the end of <c>report --help</c>.</summary>
    public static readonly string[] Examples =
    [
        "ketamine-pkpd report",
        "ketamine-pkpd report --out docs/report.html --seed 7",
        "ketamine-pkpd report --replicates 500 --pool 2000 --quiet",
    ];

    private readonly Option<string?> _out = new("--out")
    {
        HelpName = "file.html",
        Description = "The HTML file to write (.html or .htm): one self-contained page with inline SVG figures and CSS, no " +
            "scripts, no network access. Replaced atomically; a failed run leaves no file. [default: report.html]",
    };
    private readonly Option<string?> _replicates = new("--replicates")
    {
        HelpName = "count",
        Description = "Replicate trials per hypothesis and observation, 100 to 1000000, as in 'hypothesis'. [default: 2000]",
    };
    private readonly Option<string?> _pool = new("--pool")
    {
        HelpName = "count",
        Description = "Patients simulated once per hypothesis, 232 to 10000000 (at least 4 times the largest observed n, 58), " +
            "as in 'hypothesis'. [default: 10000]",
    };
    private readonly Option<string?> _seed = CommonOptions.Seed();
    private readonly Option<bool> _quiet = new("--quiet", "-q")
    {
        Description = "Do not show progress. Progress goes to stderr only, never to stdout or the report.",
    };

    public ReportCommand()
    {
        Command = new Command("report",
            "Write one self-contained HTML report of the default 'hypothesis' run for a reader new to the project: the " +
            "question (the letter's argument and the reply's), the model (PK, the two effect models, the four hypotheses, " +
            "what is provisional), concentration and effect time courses of the NIMH infusion with 5-95% bands of " +
            $"{BandPatients} virtual patients, one simulated NIMH trial's dissociation-improvement scatter, the histograms of " +
            "simulated r under each hypothesis with the observed r marked (230 min and day 7), the hypothesis table with " +
            "plain-language readings, the sample sizes, and the command and seed that reproduce it. Without options: " +
            "2000 replicates, a pool of 10000 patients, seed 1, report.html (10-40 s on two cores). Progress goes to stderr.")
        {
            _out, _replicates, _pool, _seed, _quiet,
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
            var inputs = Resolve(parseResult);
            using var files = new OutputFiles();
            var file = files.Open(inputs.OutPath, "--out")!;
            var clock = Stopwatch.StartNew();
            var story = ProgressDisplay.Run(stderr, !inputs.Quiet, "Simulating", progress => Simulate(inputs, progress));
            string html = HtmlReport.Build(inputs, story);
            var bytes = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(html);
            file.Stream.Write(bytes);
            files.CommitAll();
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {file.Path} ({bytes.Length / 1024.0:0} KB, {story.Hypotheses.ReplicateTrials:N0} replicate trials) in {clock.Elapsed.TotalSeconds:0.0} s."));
            stdout.WriteLine($"Reproduce with: {inputs.Reproduce()}");
            return CliErrors.Success;
        }
        catch (Exception ex) when (CliErrors.IsReported(ex))
        {
            return CliErrors.Report(stderr, ex);
        }
    }

    /// <summary>Reads, defaults and checks the options before anything is simulated or written.</summary>
    /// <exception cref="ArgumentException">A bad value; the message names the option.</exception>
    internal ReportInputs Resolve(ParseResult p)
    {
        var defaults = HypothesisTestSettings.Default;
        string outPath = p.GetValue(_out) ?? DefaultOut;
        string ext = Path.GetExtension(outPath).ToLowerInvariant();
        if (ext is not (".html" or ".htm"))
            throw new ArgumentException($"--out '{outPath}': the report is HTML, so the file must end in .html or .htm, got {(ext.Length == 0 ? "no extension" : $"'{ext}'")}.");
        int replicates = p.GetValue(_replicates) is { } r ? Parsing.ParseCount(r, "--replicates", 100, 1_000_000) : defaults.Replicates;
        int largest = defaults.Observed.Max(o => o.N);
        int pool = p.GetValue(_pool) is { } pl ? Parsing.ParseCount(pl, "--pool", 4 * largest, 10_000_000) : defaults.PoolSize;
        ulong seed = p.GetValue(_seed) is { } s ? Parsing.ParseSeed(s) : defaults.Seed;
        var settings = defaults with { Replicates = replicates, PoolSize = pool, Seed = seed };
        return new ReportInputs(settings, outPath, p.GetValue(_out) is not null, p.GetValue(_quiet));
    }

    /// <summary>Runs everything the report shows: the bands, one trial and the hypothesis test (95% of the progress).</summary>
    internal static ReportStory Simulate(ReportInputs inputs, IProgress<double>? progress)
    {
        var s = inputs.Settings;
        var nimh = ComparisonArm.Parse("drug=racemic route=iv dose=0.5mg/kg infusion=40min name=NIMH_0.5_mg/kg_over_40_min");
        var bands = RouteComparison.Run([nimh], ComparisonOptions.Default with { PopulationSize = BandPatients, Seed = s.Seed }, Part(progress, 0, 0.04));
        var trial = VirtualTrial.Run(s.Design, Hypothesis.ExposureOnly, s.Seed);
        progress?.Report(0.05);
        var test = HypothesisTest.Run(s, Part(progress, 0.05, 0.95));
        return new ReportStory(bands.Arms[0], trial, test);
    }

    private static Progress? Part(IProgress<double>? inner, double start, double width) => inner is null ? null : new Progress(inner, start, width);

    /// <summary>Maps a part's progress (0 to 1) onto its share of the whole.</summary>
    private sealed class Progress(IProgress<double> inner, double start, double width) : IProgress<double>
    {
        public void Report(double value) => inner.Report(start + width * Math.Clamp(value, 0, 1));
    }
}

/// <summary>Everything <c>report</c> needs, parsed, defaulted and checked; built by <see cref="ReportCommand.Resolve"/>.</summary>
/// <param name="Settings">The hypothesis test settings (the defaults with the given replicates, pool and seed).</param>
/// <param name="OutPath">The HTML file.</param>
/// <param name="OutGiven">True when --out was given.</param>
/// <param name="Quiet">True to hide progress.</param>
internal sealed record ReportInputs(HypothesisTestSettings Settings, string OutPath, bool OutGiven, bool Quiet)
{
    /// <summary>The command line that reproduces this report.</summary>
    public string Reproduce()
    {
        var d = HypothesisTestSettings.Default;
        var parts = new List<string> { CliApp.Name, "report" };
        if (OutGiven) parts.Add($"--out {TrialInputs.Quote(OutPath)}");
        if (Settings.Replicates != d.Replicates) parts.Add($"--replicates {Settings.Replicates.ToString(CultureInfo.InvariantCulture)}");
        if (Settings.PoolSize != d.PoolSize) parts.Add($"--pool {Settings.PoolSize.ToString(CultureInfo.InvariantCulture)}");
        parts.Add($"--seed {Settings.Seed.ToString(CultureInfo.InvariantCulture)}");
        return string.Join(' ', parts);
    }

    /// <summary>The equivalent <c>hypothesis</c> command, whose numbers the report shows.</summary>
    public string HypothesisCommand()
    {
        var d = HypothesisTestSettings.Default;
        var parts = new List<string> { CliApp.Name, "hypothesis" };
        if (Settings.Replicates != d.Replicates) parts.Add($"--replicates {Settings.Replicates.ToString(CultureInfo.InvariantCulture)}");
        if (Settings.PoolSize != d.PoolSize) parts.Add($"--pool {Settings.PoolSize.ToString(CultureInfo.InvariantCulture)}");
        parts.Add($"--seed {Settings.Seed.ToString(CultureInfo.InvariantCulture)}");
        return string.Join(' ', parts);
    }
}

/// <summary>The simulations behind the report.</summary>
/// <param name="Nimh">The NIMH infusion: typical patient and population bands.</param>
/// <param name="Trial">One simulated NIMH trial under exposure only.</param>
/// <param name="Hypotheses">The hypothesis test.</param>
internal sealed record ReportStory(ArmComparison Nimh, TrialResult Trial, HypothesisTestResult Hypotheses);
