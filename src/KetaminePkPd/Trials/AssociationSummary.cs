using KetaminePkPd.Statistics;

namespace KetaminePkPd.Trials;

/// <summary>
/// The association between rated dissociation (CADSS at the CADSS time) and the % change of the depression score at one
/// assessment. Sign convention: <see cref="Raw"/> is r against % change, as Luckenbaugh et al. 2014 report it (negative =
/// more dissociation, more improvement); <see cref="ImprovementR"/> is r against improvement (positive = more dissociation,
/// more improvement). Partial correlations control for the plasma concentration at the CADSS time (the exposure a
/// trial would measure) and for the dose in mg; they are null where undefined (too few patients, or a constant
/// covariate such as a fixed dose). Immutable.
/// </summary>
/// <param name="Time">Assessment time from the first dose.</param>
/// <param name="Raw">Pearson r of CADSS and % change, with Fisher-z 95% CI and p-value.</param>
/// <param name="Spearman">Spearman rho of CADSS and % change.</param>
/// <param name="PartialGivenExposure">Partial r given the concentration at the CADSS time.</param>
/// <param name="PartialGivenDose">Partial r given the dose in mg.</param>
/// <param name="Mediation">Simple mediation exposure -> CADSS -> % improvement (X = concentration at the CADSS time, M = rated CADSS,
/// Y = -% change): the indirect effect a x b with a 95% percentile bootstrap interval (1000 resamples); null where undefined.</param>
public sealed record AssociationSummary(TimeSpan Time, CorrelationResult Raw, CorrelationResult Spearman,
    CorrelationResult? PartialGivenExposure, CorrelationResult? PartialGivenDose, MediationResult? Mediation)
{
    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = Guard.NotNull(Raw, nameof(Raw)) is not null && Guard.NotNull(Spearman, nameof(Spearman)) is not null;

    /// <summary>r of dissociation with improvement (= -<see cref="Raw"/>.R): positive = more dissociation, more improvement.</summary>
    public double ImprovementR => -Raw.R;

    /// <summary>Bootstrap resamples of the mediation analysis.</summary>
    public const int MediationResamples = 1000;

    internal static AssociationSummary? Of(TimeSpan time, TrialColumns columns, int k, int seed)
    {
        var cadss = columns.Cadss;
        var change = columns.PercentChange[k];
        var exposure = columns.Exposure;
        var dose = columns.Dose;
        var raw = Try(() => Correlation.Pearson(cadss, change));
        var spearman = Try(() => Correlation.Spearman(cadss, change));
        if (raw is null || spearman is null) return null;
        var improvement = change.Select(c => -c).ToArray();
        return new AssociationSummary(time, raw, spearman, Try(() => Correlation.Partial(cadss, change, exposure)), Try(() => Correlation.Partial(cadss, change, dose)),
            Try(() => Statistics.Mediation.Estimate(exposure, cadss, improvement, MediationResamples, seed)));
    }

    private static T? Try<T>(Func<T> f) where T : class
    {
        try { return f(); }
        catch (ArgumentException) { return null; }
    }
}
