using System.Collections.Immutable;

namespace KetaminePkPd.Trials;

/// <summary>
/// What <see cref="SensitivityAnalysis.Run"/> does: the hypothesis (exposure only by default), the design, the
/// observations, which assumptions to vary one at a time, an optional pair to vary together, and the Monte Carlo sizes.
/// Immutable; the defaults are the default run (exposure only, the NIMH design, Luckenbaugh 2014's two
/// observations, every assumption, 1000 replicates from pools of 2000 patients, seed 1).
/// </summary>
public sealed record SensitivitySettings
{
    private readonly TrialDesign _design = TrialDesigns.Nimh;
    private readonly Hypothesis _hypothesis = Hypothesis.ExposureOnly;
    private readonly ImmutableArray<ObservedCorrelation> _observed = [ObservedCorrelation.Luckenbaugh230Min, ObservedCorrelation.LuckenbaughDay7];
    private readonly ImmutableArray<SensitivityAssumption> _assumptions = SensitivityRanges.All;
    private readonly (SensitivityAssumption First, SensitivityAssumption Second)? _pair;
    private readonly int _replicates = 1000, _pool = 2000;

    /// <summary>The defaults.</summary>
    public static SensitivitySettings Default { get; } = new();

    /// <summary>The trial design; its current assumptions are the defaults that the ranges are built around. Default <see cref="TrialDesigns.Nimh"/>.</summary>
    public TrialDesign Design { get => _design; init => _design = value ?? throw new ArgumentNullException(nameof(Design)); }

    /// <summary>The hypothesis whose assumptions are varied. Default <see cref="Hypothesis.ExposureOnly"/>.</summary>
    public Hypothesis Hypothesis { get => _hypothesis; init => _hypothesis = value ?? throw new ArgumentNullException(nameof(Hypothesis)); }

    /// <summary>Observed correlations to compare with (each at one of the design's assessments). Default Luckenbaugh 2014 at 230 min and day 7.</summary>
    /// <exception cref="ArgumentException">Empty.</exception>
    public ImmutableArray<ObservedCorrelation> Observed
    {
        get => _observed;
        init => _observed = value.IsDefaultOrEmpty ? throw new ArgumentException("Observed must hold at least one correlation.", nameof(Observed)) : value;
    }

    /// <summary>Assumptions varied one at a time (the tornado), distinct. May be empty when <see cref="Pair"/> is set. Default all.</summary>
    /// <exception cref="ArgumentException">A repeated assumption.</exception>
    public ImmutableArray<SensitivityAssumption> Assumptions
    {
        get => _assumptions;
        init => _assumptions = value.IsDefault ? [] : value.Distinct().Count() != value.Length
            ? throw new ArgumentException("Assumptions must be distinct.", nameof(Assumptions)) : value;
    }

    /// <summary>Two different assumptions varied together over every combination of their levels (the heat map), or null for none. Default null.</summary>
    /// <exception cref="ArgumentException">The same assumption twice.</exception>
    public (SensitivityAssumption First, SensitivityAssumption Second)? Pair
    {
        get => _pair;
        init => _pair = value is { } p && p.First == p.Second
            ? throw new ArgumentException($"Pair needs two different assumptions, got {SensitivityRanges.Token(p.First)} twice.", nameof(Pair)) : value;
    }

    /// <summary>Replicate trials per setting and observation, in [100, 1 000 000]. Default 1000.</summary>
    public int Replicates
    {
        get => _replicates;
        init => _replicates = value is >= 100 and <= 1_000_000 ? value : throw new ArgumentOutOfRangeException(nameof(Replicates), value, $"Replicates must be in [100, 1000000], got {value}.");
    }

    /// <summary>Patients simulated per pharmacological setting, in [100, 10 000 000] and at least 4 times the largest observed n. Default 2000.</summary>
    public int PoolSize
    {
        get => _pool;
        init => _pool = value is >= 100 and <= 10_000_000 ? value : throw new ArgumentOutOfRangeException(nameof(PoolSize), value, $"PoolSize must be in [100, 10000000], got {value}.");
    }

    /// <summary>Seed of every random stream. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Simulate on all cores (default) or on the calling thread; the results are identical.</summary>
    public bool Parallel { get; init; } = true;

    /// <summary>Value equality: every member, sequences element by element.</summary>
    /// <param name="other">The record to compare with.</param>
    public bool Equals(SensitivitySettings? other) => ReferenceEquals(this, other) || other is not null
        && ValueEquality.Equal(Design, other.Design)
        && ValueEquality.Equal(Hypothesis, other.Hypothesis)
        && ValueEquality.Equal(Observed, other.Observed)
        && ValueEquality.Equal(Assumptions, other.Assumptions)
        && ValueEquality.Equal(Pair, other.Pair)
        && ValueEquality.Equal(Replicates, other.Replicates)
        && ValueEquality.Equal(PoolSize, other.PoolSize)
        && ValueEquality.Equal(Seed, other.Seed)
        && ValueEquality.Equal(Parallel, other.Parallel);

    /// <summary>A hash consistent with <see cref="Equals(SensitivitySettings)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(ValueEquality.Hash(Observed), ValueEquality.Hash(Assumptions), Design, Hypothesis, Pair, Replicates, PoolSize, Seed);
}
