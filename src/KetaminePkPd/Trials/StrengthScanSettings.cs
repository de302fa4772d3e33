using System.Collections.Immutable;

namespace KetaminePkPd.Trials;

/// <summary>
/// What <see cref="StrengthScan.Run"/> does: the design and observations, which strengths to scan over which grids, how to
/// combine observations, and the Monte Carlo sizes. Immutable; the defaults scan rho over -1 to 1 in steps of 0.1, the
/// mediated share over 0 to 1 in steps of 0.1, the expectancy boost over 0 to 12 MADRS in steps of 1 and its threshold over
/// 0 to 40 CADSS in steps of 5, against Luckenbaugh 2014's two observations (combined by Bonferroni: they share patients).
/// </summary>
public sealed record StrengthScanSettings
{
    private readonly TrialDesign _design = TrialDesigns.Nimh;
    private readonly ImmutableArray<ObservedCorrelation> _observed = [ObservedCorrelation.Luckenbaugh230Min, ObservedCorrelation.LuckenbaughDay7];
    private readonly ImmutableArray<StrengthParameter> _parameters = [.. Enum.GetValues<StrengthParameter>()];
    private readonly int _replicates = 1000, _pool = 2000;

    /// <summary>The defaults.</summary>
    public static StrengthScanSettings Default { get; } = new();

    /// <summary>The trial design. Default <see cref="TrialDesigns.Nimh"/>.</summary>
    public TrialDesign Design { get => _design; init => _design = value ?? throw new ArgumentNullException(nameof(Design)); }

    /// <summary>Observed correlations (each at one of the design's assessments). Default Luckenbaugh 2014 at 230 min and day 7.</summary>
    /// <exception cref="ArgumentException">Empty.</exception>
    public ImmutableArray<ObservedCorrelation> Observed
    {
        get => _observed;
        init => _observed = value.IsDefaultOrEmpty ? throw new ArgumentException("Observed must hold at least one correlation.", nameof(Observed)) : value;
    }

    /// <summary>The strengths to scan, distinct and at least one. Default all four.</summary>
    /// <exception cref="ArgumentException">Empty or repeated.</exception>
    public ImmutableArray<StrengthParameter> Parameters
    {
        get => _parameters;
        init => _parameters = value.IsDefaultOrEmpty ? throw new ArgumentException("Parameters must hold at least one strength.", nameof(Parameters))
            : value.Distinct().Count() != value.Length ? throw new ArgumentException("Parameters must be distinct.", nameof(Parameters)) : value;
    }

    /// <summary>How the observations' p are combined. Default <see cref="PValueCombination.Bonferroni"/> (valid when they share patients).</summary>
    public PValueCombination Combination { get; init; } = PValueCombination.Bonferroni;

    /// <summary>Replicate trials per grid point and observation, in [100, 1 000 000]. Default 1000.</summary>
    public int Replicates
    {
        get => _replicates;
        init => _replicates = value is >= 100 and <= 1_000_000 ? value : throw new ArgumentOutOfRangeException(nameof(Replicates), value, $"Replicates must be in [100, 1000000], got {value}.");
    }

    /// <summary>Patients simulated per grid point, in [100, 10 000 000] and at least 4 times the largest observed n. Default 2000.</summary>
    public int PoolSize
    {
        get => _pool;
        init => _pool = value is >= 100 and <= 10_000_000 ? value : throw new ArgumentOutOfRangeException(nameof(PoolSize), value, $"PoolSize must be in [100, 10000000], got {value}.");
    }

    /// <summary>Seed of every random stream (the same at every grid point: common random numbers). Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Simulate on all cores (default) or on the calling thread; the results are identical.</summary>
    public bool Parallel { get; init; } = true;

    /// <summary>Value equality: every member, sequences element by element.</summary>
    /// <param name="other">The record to compare with.</param>
    public bool Equals(StrengthScanSettings? other) => ReferenceEquals(this, other) || other is not null
        && ValueEquality.Equal(Design, other.Design)
        && ValueEquality.Equal(Observed, other.Observed)
        && ValueEquality.Equal(Parameters, other.Parameters)
        && ValueEquality.Equal(Combination, other.Combination)
        && ValueEquality.Equal(Replicates, other.Replicates)
        && ValueEquality.Equal(PoolSize, other.PoolSize)
        && ValueEquality.Equal(Seed, other.Seed)
        && ValueEquality.Equal(Parallel, other.Parallel);

    /// <summary>A hash consistent with <see cref="Equals(StrengthScanSettings)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(ValueEquality.Hash(Observed), ValueEquality.Hash(Parameters), Design, Combination, Replicates, PoolSize, Seed, Parallel);

    /// <summary>The grid of a strength: rho -1..1 step 0.1; share 0..1 step 0.1; boost 0..12 step 1 MADRS; threshold 0..40 step 5 CADSS.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An undefined value.</exception>
    public static ImmutableArray<double> Grid(StrengthParameter parameter) => parameter switch
    {
        StrengthParameter.SensitivityCorrelation => [.. Enumerable.Range(-10, 21).Select(i => i / 10.0)],
        StrengthParameter.MediationShare => [.. Enumerable.Range(0, 11).Select(i => i / 10.0)],
        StrengthParameter.ExpectancyBoost => [.. Enumerable.Range(0, 13).Select(i => (double)i)],
        StrengthParameter.ExpectancyThreshold => [.. Enumerable.Range(0, 9).Select(i => 5.0 * i)],
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "Undefined strength."),
    };
}
