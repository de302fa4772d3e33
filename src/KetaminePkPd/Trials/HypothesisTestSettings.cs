using System.Collections.Immutable;

namespace KetaminePkPd.Trials;

/// <summary>
/// What <see cref="HypothesisTest.Run"/> does: the design, the hypotheses, the observed correlations to compare with,
/// how many replicate trials, and the seed. Immutable; the defaults are the project's main job (the NIMH design, the four
/// hypotheses of docs/model.md section 5, Luckenbaugh 2014's two correlations, 2000 replicates, a pool of 10 000 patients, seed 1).
/// </summary>
public sealed record HypothesisTestSettings
{
    private readonly TrialDesign _design = TrialDesigns.Nimh;
    private readonly ImmutableArray<Hypothesis> _hypotheses = [.. Hypothesis.All];
    private readonly ImmutableArray<ObservedCorrelation> _observed = [ObservedCorrelation.Luckenbaugh230Min, ObservedCorrelation.LuckenbaughDay7];
    private readonly int _replicates = 2000, _pool = 10_000;
    private readonly double _alpha = 0.05, _power = 0.8;

    /// <summary>The defaults.</summary>
    public static HypothesisTestSettings Default { get; } = new();

    /// <summary>The trial design patients are drawn from. Default <see cref="TrialDesigns.Nimh"/>.</summary>
    public TrialDesign Design { get => _design; init => _design = value ?? throw new ArgumentNullException(nameof(Design)); }

    /// <summary>Hypotheses to compare (names unique). Default the four of docs/model.md section 5.</summary>
    /// <exception cref="ArgumentException">Empty, or a repeated name.</exception>
    public ImmutableArray<Hypothesis> Hypotheses
    {
        get => _hypotheses;
        init => _hypotheses = value.IsDefaultOrEmpty ? throw new ArgumentException("Hypotheses must hold at least one hypothesis.", nameof(Hypotheses))
            : value.Select(h => h.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != value.Length
                ? throw new ArgumentException("Hypothesis names must be unique.", nameof(Hypotheses)) : value;
    }

    /// <summary>Observed correlations (each at one of the design's assessment times). Default Luckenbaugh 2014 at 230 min and day 7.</summary>
    /// <exception cref="ArgumentException">Empty.</exception>
    public ImmutableArray<ObservedCorrelation> Observed
    {
        get => _observed;
        init => _observed = value.IsDefaultOrEmpty ? throw new ArgumentException("Observed must hold at least one correlation.", nameof(Observed)) : value;
    }

    /// <summary>Replicate trials per hypothesis and observation, in [100, 1 000 000]. Default 2000.</summary>
    public int Replicates
    {
        get => _replicates;
        init => _replicates = value is >= 100 and <= 1_000_000 ? value : throw new ArgumentOutOfRangeException(nameof(Replicates), value, $"Replicates must be in [100, 1000000], got {value}.");
    }

    /// <summary>
    /// Patients simulated once per hypothesis, from which each replicate trial enrols its n without replacement (rating
    /// noise is drawn afresh per replicate). In [100, 10 000 000] and at least 4 times the largest observed n. Default 10 000.
    /// </summary>
    public int PoolSize
    {
        get => _pool;
        init => _pool = value is >= 100 and <= 10_000_000 ? value : throw new ArgumentOutOfRangeException(nameof(PoolSize), value, $"PoolSize must be in [100, 10000000], got {value}.");
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
