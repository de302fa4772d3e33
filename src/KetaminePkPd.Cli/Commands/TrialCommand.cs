using TrialReport = KetaminePkPd.Application.Reporting.TrialReport;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd trial</c>: one virtual trial under one hypothesis. Parses the options into a library
/// <see cref="TrialRequest"/> and writes what <see cref="TrialReport"/> returns (report or JSON, per-patient CSV) and a
/// <see cref="TrialCharts.Scatter"/> figure.
/// </summary>
internal sealed class TrialCommand : CliCommand
{
    /// <summary>Runs with more patients than this show progress on stderr (unless --quiet).</summary>
    public const int ProgressThreshold = 500;

    /// <summary>The hypothesis names as the help shows them.</summary>
    public static string HypothesisTokens => string.Join('|', Hypothesis.Names);

    /// <summary>What each hypothesis means, for the help of <c>--hypothesis</c>.</summary>
    public const string HypothesisHelp = "exposure-only = the effects share only the drug concentration; shared-sensitivity = correlated dissociation " +
        "propensity and antidepressant responsiveness (--rho); mediation = part of the responsiveness comes from the patient's own dissociation (--share); " +
        "expectancy = patients who notice dissociation get a larger placebo response (--threshold-cadss, --boost).";

    private readonly Option<string?> _design = SharedOptions.Design();
    private readonly Option<string?> _parameters = SharedOptions.Parameters();
    private readonly Option<int?> _subjects = SharedOptions.Subjects($"Patients in the trial, 1 to {TrialRequest.MaxSubjects} (at least one per arm), shared among the " +
        $"arms in the design's proportions. [default: the design's own: {string.Join(", ", TrialDesign.ByKey.Select(d => $"{d.Value.TotalSubjects} for {d.Key}"))}]", 1, TrialRequest.MaxSubjects);
    private readonly Option<string?> _hypothesis = new("--hypothesis")
    {
        HelpName = "name",
        Description = $"What links dissociation and the antidepressant response besides exposure ({HypothesisTokens}): {HypothesisHelp} " +
            "[default: exposure-only, or the hypothesis of a scenario file]",
    };
    private readonly Option<double?> _rho = SharedOptions.Rho();
    private readonly Option<double?> _share = SharedOptions.Share();
    private readonly Option<double?> _threshold = SharedOptions.ThresholdCadss();
    private readonly Option<double?> _boost = SharedOptions.Boost();
    private readonly Option<ulong?> _seed = SharedOptions.Seed();
    private readonly Option<string?> _out = SharedOptions.Out("file.csv",
        "Also write one row per patient to this CSV file: index, arm, weight_kg, age_y, dose_mg, clearance_l_per_h, central_volume_l, " +
        "c50_cadss_ng_per_ml, ec50_ng_per_ml, effect_scale, conc_at_cadss_ng_per_ml, cmax_ng_per_ml, auc0_24_ng_h_per_ml, cadss, cadss_peak, noticed, " +
        "baseline_<scale>, then for each assessment t score_<scale>_<t>, change_<scale>_<t>, pct_change_<scale>_<t>, responder_<scale>_<t>, " +
        "remitter_<scale>_<t> (scale madrs or hdrs17, e.g. change_hdrs17_230min; changes negative = improvement). hypothesis --observed reads " +
        "the file as it is. Invariant culture; replaced atomically, a failed run leaves no file. [default: none]");
    private readonly Option<bool> _json = SharedOptions.Json(
        "Print one JSON object to stdout instead of the readable summary: design, hypothesis (name and strengths), seed, " +
        "modelVersion, subjects, per-arm summaries, overall, associations per assessment (r, CI, p, spearman, partial r given exposure and " +
        "given dose, improvementR), settings, the settings that differ from the defaults and a command line that reproduces the run.");
    private readonly Option<bool> _quiet = SharedOptions.Quiet();
    private readonly Option<string?> _plot = PlotOptions.Create("--plot",
        "Write a scatter figure: each patient's CADSS (at the design's CADSS time) against their improvement (% of " +
        "baseline, positive = better) at the --plot-at assessment, with the least-squares line and its r.");
    private readonly Option<TimeSpan?> _plotAt = SharedOptions.Parsed<TimeSpan?>("--plot-at", "time", "Assessment of the --plot figure, with its unit " +
        "(e.g. 230min, 1d, 7d); one of the design's assessments. Needs --plot. [default: the design's first assessment, 230min for nimh]",
        (t, n) => Parsing.ParseDuration(t, n));
    private readonly Option<bool> _allowLongRun = AllowLongRun();

    public TrialCommand()
        : base("trial",
            "Run one virtual trial: sample patients (covariates, PK and effect variability), simulate each one's plasma " +
            "concentrations, dissociation (CADSS) and antidepressant response, add baseline severity, placebo response and " +
            "rating noise, and report per-arm outcomes and how CADSS correlates with % improvement. Without options: the " +
            "NIMH design (racemic ketamine 0.5 mg/kg over 40 min, 108 patients, HDRS-17), exposure-only hypothesis, seed 1. " +
            $"Progress goes to stderr for runs of more than {ProgressThreshold} patients.")
    {
        Add(_design, _parameters, _subjects, _hypothesis, _rho, _share, _threshold, _boost, _seed, _out, _json, _quiet, _plot, _plotAt, _allowLongRun);
    }

    /// <summary>The option that lifts the <see cref="WorkBudget"/>.</summary>
    public static Option<bool> AllowLongRun() => new(WorkBudget.AllowOption)
    {
        Description = $"Run even when the estimated time or memory is above the budget ({WorkBudget.Description}); without it such a run is refused before any work, in one line with the estimate.",
    };

    /// <summary>The strengths given with --rho, --share, --threshold-cadss and --boost.</summary>
    public static KetaminePkPd.Application.HypothesisStrengths Strengths(CommandContext ctx, Option<double?> rho, Option<double?> share, Option<double?> threshold, Option<double?> boost) =>
        new(ctx.Get(rho), ctx.Get(share), ctx.Get(threshold), ctx.Get(boost));

    protected override int Execute(CommandContext ctx)
    {
        string? plotPath = PlotOptions.Check(ctx.Get(_plot), "--plot");
        if (ctx.Get(_plotAt) is not null && plotPath is null)
            throw new ArgumentException("--plot-at chooses the assessment of the --plot figure; give --plot file.png (or .svg) too.");
        var request = new TrialRequest(DesignChoice.Resolve(ctx.Get(_design)).WithParameters(ctx.Get(_parameters)), ctx.Get(_subjects), ctx.Get(_hypothesis),
            Strengths(ctx, _rho, _share, _threshold, _boost), ctx.Get(_seed) ?? TrialRequest.DefaultSeed);
        TimeSpan? plotAt = plotPath is null ? null : TrialCharts.ScatterTime(request.Design, ctx.Get(_plotAt));
        // Open every output first: a bad path fails before any work, and a failure later leaves no file.
        using var files = ctx.Outputs();
        var csv = files.Open(ctx.Get(_out), "--out");
        var plot = files.Open(plotPath, "--plot");
        request.CheckWork(ctx.Get(_allowLongRun));
        bool json = ctx.Get(_json);
        int total = request.Design.TotalSubjects;
        bool show = total > ProgressThreshold && ctx.ShowProgress(ctx.Get(_quiet), json);
        // The per-patient rows are written as the patients are simulated (bounded memory whatever --subjects).
        var result = ProgressDisplay.Run(ctx.Stderr, show, "Simulating", progress => TrialReport.RunStreamed(request, csv?.Stream, ProgressDisplay.Counting(progress, total)));
        string? plotFile = plot?.Path;
        string text = TrialReport.ToJson(request, result, csv?.Path, plotFile is null ? [] : [plotFile]);
        if (plot is not null) OutputFiles.WritePlot(plot, TrialCharts.Scatter(result, plotAt!.Value));
        files.CommitAll();
        ctx.Emit(json, () => text, () => TrialReport.Build(request, result, csv?.Path), plotFile is null ? [] : [plotFile]);
        return CliErrors.Success;
    }
}

