using System.Collections.Immutable;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Evidence;

/// <summary>What <see cref="EvidenceResult.Run"/> runs: the entries, the hypotheses, replicates, pool size and seed. Immutable; validated on set.</summary>
public sealed record EvidenceSettings
{
    private EquatableArray<EvidenceEntry> _entries = EvidenceEntry.All;
    private EquatableArray<Hypothesis> _hypotheses = [.. Hypothesis.All];
    private int _replicates = DefaultReplicates, _poolFactor = DefaultPoolFactor;
    private double _alpha = 0.05;

    /// <summary>Replicate trials per entry and hypothesis by default: 1000.</summary>
    public const int DefaultReplicates = 1000;

    /// <summary>Fewest replicates: 200 (the joint rule multiplies the smallest p by up to the number of entries).</summary>
    public const int MinReplicates = 200;

    /// <summary>Most replicates: 100 000.</summary>
    public const int MaxReplicates = 100_000;

    /// <summary>Patients simulated per design and hypothesis, as a multiple of the largest analysis n on that design (at least
    /// <see cref="MinPoolSize"/>): 4 by default (the hypothesis test's minimum), so that replicates enrolling n of them are nearly independent.</summary>
    public const int DefaultPoolFactor = 4;

    /// <summary>Fewest patients simulated per design and hypothesis: 1000 (a small trial's replicates then share few patients).</summary>
    public const int MinPoolSize = 1000;

    /// <summary>The defaults: the whole catalogue, the four built-in hypotheses at their default strengths, 1000 replicates, pools of 4 n, seed 1.</summary>
    public static EvidenceSettings Default { get; } = new();

    /// <summary>The entries to test (at least one; keys unique).</summary>
    public EquatableArray<EvidenceEntry> Entries
    {
        get => _entries;
        init
        {
            if (value.IsDefaultOrEmpty) throw new ArgumentException("At least one entry is needed.", nameof(Entries));
            var dup = value.GroupBy(e => e.Key, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (dup is not null) throw new ArgumentException($"Entry key '{dup.Key}' appears twice; keys must be unique.", nameof(Entries));
            _entries = value;
        }
    }

    /// <summary>The hypotheses (at least one; names unique).</summary>
    public EquatableArray<Hypothesis> Hypotheses
    {
        get => _hypotheses;
        init
        {
            if (value.IsDefaultOrEmpty) throw new ArgumentException("At least one hypothesis is needed.", nameof(Hypotheses));
            if (value.Select(h => h.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != value.Length)
                throw new ArgumentException("Hypothesis names must be unique.", nameof(Hypotheses));
            _hypotheses = value;
        }
    }

    /// <summary>The effect parameters of every entry's design, or null (default) for each design's own.</summary>
    public Pharmacodynamics.EffectParameterSet? Effects { get; init; }

    /// <summary>Replicate trials per entry and hypothesis, in [<see cref="MinReplicates"/>, <see cref="MaxReplicates"/>].</summary>
    public int Replicates { get => _replicates; init => _replicates = Guard.InRange(value, MinReplicates, MaxReplicates, nameof(Replicates)); }

    /// <summary>Pool size as a multiple of the largest analysis n on a design, 1 to 20.</summary>
    public int PoolFactor { get => _poolFactor; init => _poolFactor = Guard.InRange(value, 1, 20, nameof(PoolFactor)); }

    /// <summary>Seed of every random draw.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The level at which an entry or the joint rule counts as incompatible, in (0, 0.5).</summary>
    public double Alpha { get => _alpha; init => _alpha = Guard.InRangeExclusiveMin(value, 0, 0.5, nameof(Alpha)); }

    /// <summary>Run on all cores (the results are the same either way).</summary>
    public bool Parallel { get; init; } = true;
}
