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
public sealed record AssociationSummary
{
    /// <summary>Creates the record; every value is checked as its property is set, so a <c>with</c> expression is checked too.</summary>
    /// <param name="time">Assessment time from the first dose.</param>
    /// <param name="raw">Pearson r of CADSS and % change, with Fisher-z 95% CI and p-value.</param>
    /// <param name="spearman">Spearman rho of CADSS and % change.</param>
    /// <param name="partialGivenExposure">Partial r given the concentration at the CADSS time.</param>
    /// <param name="partialGivenDose">Partial r given the dose in mg.</param>
    /// <param name="mediation">Simple mediation exposure -> CADSS -> % improvement (X = concentration at the CADSS time, M = rated CADSS,
/// Y = -% change): the indirect effect a x b with a 95% percentile bootstrap interval (1000 resamples); null where undefined.</param>
    /// <exception cref="ArgumentException">A value outside its range (<see cref="ArgumentOutOfRangeException"/>), a null (<see cref="ArgumentNullException"/>) or a malformed array.</exception>
    public AssociationSummary(TimeSpan time, CorrelationResult raw, CorrelationResult spearman, CorrelationResult? partialGivenExposure, CorrelationResult? partialGivenDose, MediationResult? mediation)
    {
        Time = time;
        Raw = raw;
        Spearman = spearman;
        PartialGivenExposure = partialGivenExposure;
        PartialGivenDose = partialGivenDose;
        Mediation = mediation;
    }

    /// <summary>Assessment time from the first dose.</summary>
    public TimeSpan Time { get; init; }

    /// <summary>Pearson r of CADSS and % change, with Fisher-z 95% CI and p-value.</summary>
    public CorrelationResult Raw { get; init => field = Guard.NotNull(value, nameof(Raw)); }

    /// <summary>Spearman rho of CADSS and % change.</summary>
    public CorrelationResult Spearman { get; init => field = Guard.NotNull(value, nameof(Spearman)); }

    /// <summary>Partial r given the concentration at the CADSS time.</summary>
    public CorrelationResult? PartialGivenExposure { get; init; }

    /// <summary>Partial r given the dose in mg.</summary>
    public CorrelationResult? PartialGivenDose { get; init; }

    /// <summary>Simple mediation exposure -> CADSS -> % improvement (X = concentration at the CADSS time, M = rated CADSS,
/// Y = -% change): the indirect effect a x b with a 95% percentile bootstrap interval (1000 resamples); null where undefined.</summary>
    public MediationResult? Mediation { get; init; }

    /// <summary>r of dissociation with improvement (= -<see cref="Raw"/>.R): positive = more dissociation, more improvement.</summary>
    public double ImprovementR => -Raw.R;

    /// <summary>Bootstrap resamples of the mediation analysis.</summary>
    public const int MediationResamples = 1000;

    internal static AssociationSummary? Of(TimeSpan time, TrialColumns columns, int k, int seed) => All([time], columns, [seed], parallel: false)[0];

    /// <summary>
    /// The associations at every assessment: the correlations one assessment at a time (each allocates a few arrays of n
    /// numbers, released before the next when the trial is large), then the mediation bootstraps, which only read the
    /// columns, on all cores when <paramref name="parallel"/> (each has its own seed: the same result either way).
    /// </summary>
    internal static AssociationSummary?[] All(IReadOnlyList<TimeSpan> times, TrialColumns columns, IReadOnlyList<int> seeds, bool parallel)
    {
        int count = times.Count;
        var summaries = new AssociationSummary?[count];
        var improvements = new double[]?[count];
        var cadss = columns.Cadss;
        var exposure = columns.Exposure;
        var dose = columns.Dose;
        for (int k = 0; k < count; k++)
        {
            var change = columns.PercentChange[k];
            // Each statistic's temporary arrays (ranks, residuals, copies) are released before the next one allocates its own.
            T? Released<T>(Func<T> f) where T : class
            {
                var value = Try(f);
                LargeArrays.Release(columns.Count);
                return value;
            }
            var raw = Try(() => Correlation.Pearson(cadss, change));
            var spearman = Released(() => Correlation.Spearman(cadss, change));
            if (raw is null || spearman is null) continue;
            var partialGivenExposure = Released(() => Correlation.Partial(cadss, change, exposure));
            var partialGivenDose = Released(() => Correlation.Partial(cadss, change, dose));
            improvements[k] = change.Select(c => -c).ToArray();
            summaries[k] = new AssociationSummary(times[k], raw, spearman, partialGivenExposure, partialGivenDose, null);
        }
        var mediation = new MediationResult?[count];
        void Mediate(int k)
        {
            if (improvements[k] is { } improvement) mediation[k] = Try(() => Statistics.Mediation.Estimate(exposure, cadss, improvement, MediationResamples, seeds[k]));
        }
        if (parallel) System.Threading.Tasks.Parallel.For(0, count, Mediate);
        else for (int k = 0; k < count; k++) Mediate(k);
        for (int k = 0; k < count; k++)
            if (summaries[k] is { } a) summaries[k] = new AssociationSummary(a.Time, a.Raw, a.Spearman, a.PartialGivenExposure, a.PartialGivenDose, mediation[k]);
        return summaries;
    }

    private static T? Try<T>(Func<T> f) where T : class
    {
        try { return f(); }
        catch (ArgumentException) { return null; }
    }
}
