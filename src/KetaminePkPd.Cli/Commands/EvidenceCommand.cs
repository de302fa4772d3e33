using KetaminePkPd.Evidence;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd evidence</c>: every built-in hypothesis against the library's catalogue of published dissociation-response
/// findings (<see cref="EvidenceEntry"/>), each on its own design, and against the catalogue as a whole
/// (<see cref="EvidenceResult.Run"/>); or the catalogue itself as a table or as docs/evidence.md (<see cref="EvidenceMarkdown"/>).
/// </summary>
internal sealed class EvidenceCommand : CliCommand
{
    private readonly Option<string?> _studies = FileRoles.Input(new Option<string?>("--studies")
    {
        HelpName = "file.json",
        Description = "Add the studies of a JSON study file to the catalogue (format: docs/evidence.md, \"Adding studies\").",
    });
    private readonly Option<string[]> _exclude = SharedOptions.NoEmptyNames(new("--exclude")
    {
        HelpName = "key,...", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = true,
        Description = "Leave out these catalogue entries (keys as in --catalogue; repeat, or list separated by spaces or commas).",
    }, "catalogue keys");
    private readonly Option<int?> _replicates = SharedOptions.Parsed<int?>("--replicates", "count",
        $"Replicate trials per entry and hypothesis, {EvidenceSettings.MinReplicates} to {EvidenceSettings.MaxReplicates}. [default: {EvidenceSettings.DefaultReplicates}]",
        (t, n) => Parsing.ParseCount(t, n, EvidenceSettings.MinReplicates, EvidenceSettings.MaxReplicates));
    private readonly Option<ulong?> _seed = SharedOptions.Seed();
    private readonly Option<string?> _parameters = SharedOptions.Parameters();
    private readonly Option<double?> _rho = SharedOptions.Rho(), _share = SharedOptions.Share(), _threshold = SharedOptions.ThresholdCadss(), _boost = SharedOptions.Boost();
    private readonly Option<string?> _out = SharedOptions.Out("file.csv", "Write one CSV row per entry and hypothesis (docs/evidence.md lists the columns).");
    private readonly Option<string?> _plot = PlotOptions.Create("--plot",
        "Write the figure of the run: one row per entry, each hypothesis' compatibility p on a log axis, the alpha line, the joint p in the legend.");
    private readonly Option<bool> _json = SharedOptions.Json("Print one JSON object instead of the report: settings (with the entries), one row per entry and hypothesis, the joint verdicts. Timing is left out.");
    private readonly Option<bool> _catalogue = new("--catalogue")
    {
        Description = "Print the catalogue (one row per entry: key, n, the statistic as reported, overlap group, study) and stop.",
    };
    private readonly Option<bool> _markdown = new("--markdown")
    {
        Description = "Print the Markdown page docs/evidence.md (every entry with its citation, design as a scenario file, statistic and sources) " +
            "instead of running (" + EvidenceMarkdown.RegenerateCommand + ").",
    };
    private readonly Option<bool> _quiet = SharedOptions.Quiet();
    private readonly Option<bool> _allowLongRun = TrialCommand.AllowLongRun();

    public EvidenceCommand()
        : base("evidence",
            "Which explanations of the dissociation-response correlation fit the whole published evidence? For each catalogue entry " +
            $"({EvidenceEntry.All.Length}: Luckenbaugh 2014, Niciu 2018, the esketamine phase-3 analyses, Echegaray 2025, the Mathai 2020 and Grabski 2020 " +
            "reviews) simulate its own design (drug, route, dose, sessions, n, timing, scale, test) under each built-in hypothesis (at its default strength, or as " +
            "--rho, --share, --threshold-cadss and --boost set it), and " +
            "show where the reported statistic falls (two-sided compatibility p; for a review, the binomial p of its share of significant tests), then one joint " +
            "p per hypothesis by a weighted Bonferroni rule over the overlap groups, valid whatever the dependence between entries. Without options: the catalogue, " +
            $"{EvidenceSettings.DefaultReplicates} replicates per entry and hypothesis, seed 1 (about 30-60 s on 2 cores).")
    {
        Add(_studies, _exclude, _replicates, _seed, _parameters, _rho, _share, _threshold, _boost, _out, _plot, _json, _catalogue, _markdown, _quiet, _allowLongRun);
    }

    private static System.Collections.Immutable.ImmutableArray<EvidenceEntry> LoadStudies(string path)
    {
        try { return EvidenceEntry.Load(path); }
        catch (FormatException ex)   // a malformed studies file (the library's ScenarioException)
        {
            throw new ArgumentException($"--studies '{path}': {ErrorText.OneLine(ex)}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"--studies '{path}': cannot read the file ({ErrorText.OneLine(ex).TrimEnd('.')}).", ex);
        }
    }

    protected override int Execute(CommandContext ctx)
    {
        bool catalogue = ctx.Get(_catalogue), markdown = ctx.Get(_markdown), json = ctx.Get(_json);
        if (catalogue && markdown) throw new ArgumentException("--catalogue and --markdown cannot be combined; choose one output.");
        var entries = EvidenceEntry.Select(EvidenceEntry.All, ctx.Get(_exclude), "--exclude");
        if (ctx.Get(_studies) is { } path) entries = EvidenceEntry.Combine(entries, LoadStudies(path), "--studies");
        if (markdown)
        {
            if (json || ctx.Get(_out) is not null || ctx.Get(_plot) is not null || ctx.Get(_parameters) is not null) throw new ArgumentException("--markdown prints the page only; leave out --json, --out, --plot and --parameters.");
            ctx.Stdout.Write(EvidenceMarkdown.ToMarkdown(entries));
            ctx.Stdout.Flush();
            return CliErrors.Success;
        }
        if (catalogue)
        {
            if (json || ctx.Get(_out) is not null || ctx.Get(_plot) is not null || ctx.Get(_parameters) is not null) throw new ArgumentException("--catalogue prints the table only; leave out --json, --out, --plot and --parameters.");
            ctx.Emit(false, () => "", () => EvidenceOutput.Catalogue(entries));
            return CliErrors.Success;
        }
        var strengths = TrialCommand.Strengths(ctx, _rho, _share, _threshold, _boost);
        var settings = EvidenceSettings.Default with { Entries = entries, Hypotheses = [.. KetaminePkPd.Trials.Hypothesis.All.Select(strengths.Apply)] };
        if (ctx.Get(_replicates) is { } replicates) settings = settings with { Replicates = replicates };
        if (ctx.Get(_seed) is { } seed) settings = settings with { Seed = seed };
        settings = ParameterFile.Apply(settings, ParameterFile.ReadOptional(ctx.Get(_parameters)));
        settings.CheckWork(ctx.Get(_allowLongRun));
        using var files = ctx.Outputs();
        var csv = files.Open(ctx.Get(_out), "--out");
        var figure = files.Open(PlotOptions.Check(ctx.Get(_plot), "--plot"), "--plot");
        var result = ProgressDisplay.Run(ctx.Stderr, ctx.ShowProgress(ctx.Get(_quiet), json), "Simulating the studies", progress => EvidenceResult.Run(settings, progress));
        if (csv is not null) EvidenceOutput.Table(result).WriteCsv(csv.Stream);
        if (figure is not null) OutputFiles.WritePlot(figure, KetaminePkPd.Plotting.EvidenceCharts.Compatibility(result));
        files.CommitAll();
        ctx.Emit(json, () => EvidenceOutput.ToJson(result), () => EvidenceOutput.Build(result), files.Paths);
        return CliErrors.Success;
    }
}
