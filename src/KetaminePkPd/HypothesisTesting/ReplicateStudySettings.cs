using System.Collections.Immutable;
using KetaminePkPd.Sensitivity;
using KetaminePkPd.Strengths;
using KetaminePkPd.Trials;
using static KetaminePkPd.HypothesisTesting.HypothesisTestSettings;

namespace KetaminePkPd.HypothesisTesting;

/// <summary>
/// What the studies built from replicate trials share (<see cref="SensitivitySettings"/>, <see cref="StrengthScanSettings"/>):
/// the design, the observations to compare with, the Monte Carlo sizes (replicate trials and the pool they enrol from)
/// and the seed. Immutable; each property validates on its own, and <see cref="Validate"/> checks the rules that tie
/// them together (the ranges and the pool rule are those of <see cref="HypothesisTestSettings"/>) (every observation at one of the design's assessments; a pool of at least
/// <see cref="HypothesisTestSettings.PoolPerObservedSubject"/> times the largest observed n), which every run checks before it simulates.
/// </summary>
public abstract record ReplicateStudySettings
{
    /// <summary>The default number of replicate trials: 1000.</summary>
    public const int DefaultReplicates = 1000;

    /// <summary>The default pool: 2000 patients.</summary>
    public const int DefaultPoolSize = 2000;

    /// <summary>The default seed: 1.</summary>
    public const ulong DefaultSeed = 1;

    private readonly TrialDesign _design = TrialDesign.Nimh;
    private readonly EquatableArray<ObservedCorrelation> _observed = [ObservedCorrelation.Luckenbaugh230Min, ObservedCorrelation.LuckenbaughDay7];
    private readonly int _replicates = DefaultReplicates, _pool = DefaultPoolSize;

    /// <summary>The trial design; patients are drawn as it allocates them. Default <see cref="TrialDesign.Nimh"/>.</summary>
    /// <exception cref="ArgumentNullException">Null.</exception>
    public TrialDesign Design { get => _design; init => _design = value ?? throw new ArgumentNullException(nameof(Design)); }

    /// <summary>Observed correlations to compare with, each at one of the design's assessments (see <see cref="Validate"/>).
    /// Default Luckenbaugh 2014 at 230 min and day 7.</summary>
    /// <exception cref="ArgumentException">Empty, or holding null.</exception>
    public EquatableArray<ObservedCorrelation> Observed
    {
        get => _observed;
        init => _observed = value.IsDefaultOrEmpty ? throw new ArgumentException("Observed must hold at least one correlation.", nameof(Observed))
            : value.Contains(null!) ? throw new ArgumentException("Observed must not contain null.", nameof(Observed)) : value;
    }

    /// <summary>Replicate trials per setting and observation, in [<see cref="HypothesisTestSettings.MinReplicates"/>, <see cref="HypothesisTestSettings.MaxReplicates"/>].
    /// Default <see cref="DefaultReplicates"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Out of range.</exception>
    public int Replicates
    {
        get => _replicates;
        init => _replicates = value is >= MinReplicates and <= MaxReplicates ? value
            : throw new ArgumentOutOfRangeException(nameof(Replicates), value, $"Replicates must be in [{MinReplicates}, {MaxReplicates}], got {value}.");
    }

    /// <summary>Patients simulated per pool, in [<see cref="HypothesisTestSettings.MinPoolSize"/>, <see cref="HypothesisTestSettings.MaxPoolSize"/>] and at least
    /// <see cref="HypothesisTestSettings.PoolPerObservedSubject"/> times the largest observed n (see <see cref="Validate"/>). Default <see cref="DefaultPoolSize"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Out of range.</exception>
    public int PoolSize
    {
        get => _pool;
        init => _pool = value is >= MinPoolSize and <= MaxPoolSize ? value
            : throw new ArgumentOutOfRangeException(nameof(PoolSize), value, $"PoolSize must be in [{MinPoolSize}, {MaxPoolSize}], got {value}.");
    }

    /// <summary>Seed of every random stream (the same in every setting: common random numbers). Default <see cref="DefaultSeed"/>.</summary>
    public ulong Seed { get; init; } = DefaultSeed;

    /// <summary>Simulate on all cores (default) or on the calling thread; the results are identical.</summary>
    public bool Parallel { get; init; } = true;

    /// <summary>
    /// One observation given by its parts (e.g. three command-line options), or null when none of them is given.
    /// </summary>
    /// <param name="r">The observed correlation, in (-1, 1), or null.</param>
    /// <param name="n">Patients behind it, or null.</param>
    /// <param name="time">Its assessment time (after the first dose), or null.</param>
    /// <param name="source">Where it comes from, for reports.</param>
    /// <param name="names">The three parts as the caller calls them, for the message when only some are given.</param>
    /// <exception cref="ArgumentException">Some but not all parts given, or a value <see cref="ObservedCorrelation"/> rejects.</exception>
    public static ImmutableArray<ObservedCorrelation>? Observation(double? r, int? n, TimeSpan? time, string source = "given",
        string names = "r, n and time")
    {
        if (r is null && n is null && time is null) return null;
        if (r is not { } value || n is not { } count || time is not { } at) throw new ArgumentException($"{names} go together: give all three.");
        return [new ObservedCorrelation(at, value, count, source)];
    }

    /// <summary>
    /// Checks the rules that tie the properties together: every observation is at one of the design's assessments, and
    /// the pool holds at least <see cref="HypothesisTestSettings.PoolPerObservedSubject"/> times the largest observed n. Every run calls this first.
    /// </summary>
    /// <exception cref="ArgumentException">A rule is broken; the message says which and by how much.</exception>
    public virtual void Validate() => ReplicateTrials.TimeIndices(Design, Observed, PoolSize, "settings");
}
