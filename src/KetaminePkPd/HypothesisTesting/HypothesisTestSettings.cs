using System.Collections.Immutable;
using KetaminePkPd.Trials;

namespace KetaminePkPd.HypothesisTesting;

/// <summary>
/// What <see cref="HypothesisTestResult.Run"/> does: the design, the hypotheses, the observed correlations to compare with,
/// how many replicate trials, and the seed. Immutable; the defaults are the project's main job (the NIMH design, the four
/// hypotheses of docs/model.md section 5, Luckenbaugh 2014's two correlations, 2000 replicates, a pool of 10 000 patients, seed 1).
/// </summary>
public sealed record HypothesisTestSettings
{
    private readonly TrialDesign _design = TrialDesign.Nimh;
    private readonly EquatableArray<Hypothesis> _hypotheses = [.. Hypothesis.All];
    private readonly EquatableArray<ObservedCorrelation> _observed = [ObservedCorrelation.Luckenbaugh230Min, ObservedCorrelation.LuckenbaughDay7];
    private readonly int _replicates = 2000, _pool = 10_000;
    private readonly double _alpha = 0.05, _power = 0.8;

    /// <summary>The defaults.</summary>
    public static HypothesisTestSettings Default { get; } = new();

    /// <summary>The trial design patients are drawn from. Default <see cref="TrialDesign.Nimh"/>. Set with <see cref="WithDesign"/>
    /// (together with the observations, whose times must be among its assessments).</summary>
    public TrialDesign Design => _design;

    /// <summary>A copy drawing patients from <paramref name="design"/> and comparing with <paramref name="observed"/>; the two
    /// are checked together (and against <see cref="PoolSize"/>), so a settings object is always runnable.</summary>
    /// <param name="design">The design.</param>
    /// <param name="observed">One or more observed correlations, each at one of the design's assessment times.</param>
    /// <param name="poolSize">A new <see cref="PoolSize"/> checked against the new observations, or null to keep the current one.</param>
    /// <exception cref="ArgumentException">No observation, one at a time that is not an assessment of the design, or a
    /// pool smaller than 4 times the largest observed n.</exception>
    public HypothesisTestSettings WithDesign(TrialDesign design, IEnumerable<ObservedCorrelation> observed, int? poolSize = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(observed);
        ImmutableArray<ObservedCorrelation> list = [.. observed];
        if (list.IsEmpty) throw new ArgumentException("observed must hold at least one correlation.", nameof(observed));
        foreach (var o in list)
            if (o is null) throw new ArgumentException("observed must not contain null.", nameof(observed));
            else if (design.Assessments.IndexOf(o.Time) < 0)
                throw new ArgumentException($"Observation at {Durations.Format(o.Time)} is not an assessment of design '{design.Name}' ({string.Join(", ", design.Assessments.Select(Durations.Format))}).", nameof(observed));
        int pool = poolSize ?? _pool;
        if (pool is < MinPoolSize or > MaxPoolSize) throw new ArgumentOutOfRangeException(nameof(poolSize), pool, $"PoolSize must be in [{MinPoolSize}, {MaxPoolSize}], got {pool}.");
        CheckPool(pool, list);
        return this with { DesignSetter = design, ObservedSetter = list, PoolSetter = pool };
    }

    private TrialDesign DesignSetter { init => _design = value; }

    private int PoolSetter { init => _pool = value; }

    private EquatableArray<ObservedCorrelation> ObservedSetter { init => _observed = value; }

    private static int CheckPool(int pool, ImmutableArray<ObservedCorrelation> observed)
    {
        int min = MinimumPoolSize(observed);
        return pool >= min ? pool
            : throw new ArgumentOutOfRangeException(nameof(PoolSize), pool, $"PoolSize ({pool}) must be at least {PoolPerObservedSubject} times the largest observed n ({min / PoolPerObservedSubject}), i.e. at least {min}.");
    }

    /// <summary>A pool holds at least this many times the largest observed n, so that replicate trials drawn without replacement differ.</summary>
    public const int PoolPerObservedSubject = 4;

    /// <summary>The smallest pool: 100 patients.</summary>
    public const int MinPoolSize = 100;

    /// <summary>The largest pool: 10 000 000 patients.</summary>
    public const int MaxPoolSize = 10_000_000;

    /// <summary>The fewest replicate trials: 100.</summary>
    public const int MinReplicates = 100;

    /// <summary>The most replicate trials: 1 000 000.</summary>
    public const int MaxReplicates = 1_000_000;

    /// <summary>The smallest pool allowed for <paramref name="observed"/>: <see cref="PoolPerObservedSubject"/> times the largest n (and at least <see cref="MinPoolSize"/>).</summary>
    /// <exception cref="ArgumentException">No observation.</exception>
    public static int MinimumPoolSize(IEnumerable<ObservedCorrelation> observed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        int maxN = observed.Select(o => o.N).DefaultIfEmpty(0).Max();
        if (maxN == 0) throw new ArgumentException("observed must hold at least one correlation.", nameof(observed));
        return Math.Max(MinPoolSize, PoolPerObservedSubject * maxN);
    }

    /// <summary>Hypotheses to compare (names unique). Default the four of docs/model.md section 5.</summary>
    /// <exception cref="ArgumentException">Empty, or a repeated name.</exception>
    public EquatableArray<Hypothesis> Hypotheses
    {
        get => _hypotheses;
        init => _hypotheses = value.IsDefaultOrEmpty ? throw new ArgumentException("Hypotheses must hold at least one hypothesis.", nameof(Hypotheses))
            : value.Select(h => h.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != value.Length
                ? throw new ArgumentException("Hypothesis names must be unique.", nameof(Hypotheses)) : value;
    }

    /// <summary>Observed correlations (each at one of the design's assessment times). Default Luckenbaugh 2014 at 230 min and day 7.
    /// Set with <see cref="WithDesign"/>.</summary>
    public EquatableArray<ObservedCorrelation> Observed => _observed;

    /// <summary>Replicate trials per hypothesis and observation, in [100, 1 000 000]. Default 2000.</summary>
    public int Replicates
    {
        get => _replicates;
        init => _replicates = value is >= MinReplicates and <= MaxReplicates ? value : throw new ArgumentOutOfRangeException(nameof(Replicates), value, $"Replicates must be in [{MinReplicates}, {MaxReplicates}], got {value}.");
    }

    /// <summary>
    /// Patients simulated once per hypothesis, from which each replicate trial enrols its n without replacement (rating
    /// noise is drawn afresh per replicate). In [100, 10 000 000] and at least 4 times the largest observed n. Default 10 000.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Out of range, or below 4 times the largest observed n.</exception>
    public int PoolSize
    {
        get => _pool;
        init => _pool = value is >= MinPoolSize and <= MaxPoolSize ? CheckPool(value, _observed) : throw new ArgumentOutOfRangeException(nameof(PoolSize), value, $"PoolSize must be in [{MinPoolSize}, {MaxPoolSize}], got {value}.");
    }

    /// <summary>The seed. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Two-sided alpha for the sample sizes, in (0, 0.5]. Default 0.05.</summary>
    public double Alpha { get => _alpha; init => _alpha = Guard.InRangeExclusiveMin(value, 0, 0.5, nameof(Alpha)); }

    /// <summary>Power for the sample sizes, in [0.5, 0.999]. Default 0.8.</summary>
    public double Power { get => _power; init => _power = Guard.InRange(value, 0.5, 0.999, nameof(Power)); }

    /// <summary>Simulate on all cores (default) or on the calling thread; the results are identical.</summary>
    public bool Parallel { get; init; } = true;
}
