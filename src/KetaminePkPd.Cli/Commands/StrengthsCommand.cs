using System.Collections.Immutable;
using KetaminePkPd.Strengths;
using static KetaminePkPd.HypothesisTesting.HypothesisTestSettings;
using static KetaminePkPd.HypothesisTesting.ReplicateStudySettings;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd strengths</c>: which strengths of each alternative hypothesis are compatible with the observed
/// correlations, and how often trials of various sizes find p &lt; 0.05. Declares the options and hands them to
/// <see cref="StrengthScanResult.Run"/> and <see cref="StrengthsReport"/>.
/// </summary>
internal sealed class StrengthsCommand : CliCommand
{
    private readonly Option<string[]> _strength = SharedOptions.NoEmptyNames(new("--strength")
    {
        HelpName = string.Join('|', Enum.GetValues<StrengthParameter>().Select(StrengthScanSettings.Token)), Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = true,
        Description = "Strengths to scan (repeat, or list separated by spaces or commas): rho of shared-sensitivity over -1..1 (step 0.1), share of " +
            "mediation over 0..1 (step 0.1), boost of expectancy over 0..12 MADRS (step 1) and its threshold over 0..40 CADSS (step 5). [default: all four]",
    }, Vocabulary.OrList([.. Enum.GetValues<StrengthParameter>().Select(StrengthScanSettings.Token)]));
    private readonly Option<PValueCombination?> _combine = SharedOptions.Parsed<PValueCombination?>("--combine", "bonferroni|fisher",
        "How several observations combine into one interval: bonferroni = min(1, J min p), valid when they share patients (Luckenbaugh's " +
        "two times do); fisher = Fisher's method, more powerful, only for independent observations (different trials). [default: bonferroni]",
        (t, n) => StrengthScanSettings.ParseCombination(t, n), "bonferroni|fisher");
    private readonly ObservedOptions _observed = new("[default: Luckenbaugh 2014's two]");
    private readonly Option<int?> _replicates = ObservedOptions.Replicates("grid point");
    private readonly Option<int?> _pool = SharedOptions.Subjects($"Patients per grid point, {MinPoolSize} to {MaxPoolSize} and at least {PoolPerObservedSubject} times the largest observed n. Alias: --pool. [default: {DefaultPoolSize}]", MinPoolSize, MaxPoolSize, "--pool");
    private readonly Option<ulong?> _seed = SharedOptions.Seed();
    private readonly Option<string?> _design = SharedOptions.Design();
    private readonly Option<string?> _parameters = SharedOptions.Parameters();
    private readonly Option<bool> _noDetection = new("--no-detection")
    {
        Description = $"Skip the table of how often trials of {string.Join(", ", StrengthScanResult.DetectionTrialSizes)} patients find p < 0.05 under each hypothesis (at the first observation's time).",
    };
    private readonly Option<string?> _out = SharedOptions.Out("file.csv", "Write one CSV row per grid point and observation, and one per grid point for the combined p (docs/outputs.md).");
    private readonly Option<string?> _plot = PlotOptions.Create("--plot",
        "Write the compatibility curves (p against strength), one file per strength (--plot s.png writes s-rho.png, s-share.png, ...).");
    private readonly Option<bool> _json = SharedOptions.Json("Print one JSON object instead of the report. Timing is left out.");
    private readonly Option<bool> _quiet = SharedOptions.Quiet();
    private readonly Option<bool> _allowLongRun = TrialCommand.AllowLongRun();

    public StrengthsCommand()
        : base("strengths",
            "Which strengths fit? For shared-sensitivity (rho), mediation (share) and expectancy (boost, threshold), scan the strength over a grid " +
            "and show the two-sided compatibility p of each observation, their combination and the compatibility interval (p >= 0.05); then how " +
            $"often trials of {StrengthScanResult.DetectionTrialSizes.Min()} to {StrengthScanResult.DetectionTrialSizes.Max()} patients find a 'significant' association (p < 0.05) under each hypothesis. Without options: the NIMH " +
            $"design, Luckenbaugh 2014's two observations (Bonferroni), {DefaultReplicates} replicates from pools of {DefaultPoolSize} per grid point, seed {DefaultSeed}.")
    {
        Add(_strength, _combine, _replicates, _pool, _seed, _design, _parameters, _noDetection, _out, _plot, _json, _quiet, _allowLongRun);
        _observed.AddTo(Command);
    }

    protected override int Execute(CommandContext ctx)
    {
        var d = StrengthScanSettings.Default;
        string? plot = PlotOptions.Check(ctx.Get(_plot), "--plot");
        var choice = DesignChoice.Resolve(ctx.Get(_design)).WithParameters(ctx.Get(_parameters));
        var settings = d with
        {
            Design = choice.Design, Observed = _observed.Resolve(ctx.Parse) ?? d.Observed,
            Parameters = StrengthScanSettings.ParseParameters(ctx.Get(_strength), "--strength"), Combination = ctx.Get(_combine) ?? d.Combination,
            Replicates = ctx.Get(_replicates) ?? d.Replicates, PoolSize = ctx.Get(_pool) ?? d.PoolSize, Seed = ctx.Get(_seed) ?? d.Seed,
        };
        settings.Validate();
        WorkBudget.CheckStrengths(settings, !ctx.Get(_noDetection), ctx.Get(_allowLongRun));
        bool json = ctx.Get(_json), show = ctx.ShowProgress(ctx.Get(_quiet), json);

        using var files = ctx.Outputs();
        var csv = files.Open(ctx.Get(_out), "--out");
        var plots = plot is null ? [] : settings.Parameters.Select(x => (x, File: files.Open(PlotOptions.WithSuffix(plot, StrengthScanSettings.Token(x)), "--plot")!)).ToList();
        var result = ProgressDisplay.Run(ctx.Stderr, show, "Scanning strengths", progress => StrengthScanResult.Run(settings, progress));
        var rates = ctx.Get(_noDetection) ? [] : ProgressDisplay.Run(ctx.Stderr, show, "Trial sizes", _ => StrengthScanResult.DetectionRatesFor(settings));
        string text = StrengthsReport.ToJson(result, rates, choice.Token, plots.Select(p => p.File.Path));
        if (csv is not null) StrengthsReport.GridTable(result).WriteCsv(csv.Stream);
        foreach (var (x, file) in plots) OutputFiles.WritePlot(file, StrengthCharts.Compatibility(result, x));
        files.CommitAll();
        ctx.Emit(json, () => text, () => StrengthsReport.Build(result, rates, choice.Origin), files.Paths);
        return CliErrors.Success;
    }
}
