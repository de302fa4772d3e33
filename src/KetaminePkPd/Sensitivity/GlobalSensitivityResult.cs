using System.Collections.Immutable;
using KetaminePkPd.Validation;

namespace KetaminePkPd.Sensitivity;

/// <summary>
/// The result of a global analysis (<see cref="Run"/>): every world's summary in index order, the
/// plausibility targets, and per hypothesis and observation the summary over the plausible worlds. Immutable.
/// </summary>
public sealed class GlobalSensitivityResult
{
    internal GlobalSensitivityResult(GlobalSensitivitySettings settings, EquatableArray<ValidationTarget> targets, EquatableArray<GlobalWorld> worlds,
        EquatableArray<GlobalOutcome> outcomes, long subjectSimulations, TimeSpan elapsed)
    {
        Settings = settings;
        Targets = targets;
        Worlds = worlds;
        Outcomes = outcomes;
        SubjectSimulations = subjectSimulations;
        Elapsed = elapsed;
    }

    /// <summary>
    /// The global analysis: samples the assumptions of <see cref="SensitivityResult.Run"/> jointly over the same ranges (a
    /// scrambled Halton sequence; log-uniform for the CADSS time and the dose spread), keeps the worlds that still hit the
    /// calibration targets of <see cref="GlobalSensitivitySettings.PlausibilityTargets"/>, tests every hypothesis in each kept
    /// world and reports per hypothesis and observation the share of plausible worlds in which the observation is compatible,
    /// the distribution of the median r and which assumptions decide it (partial rank correlations). docs/sensitivity.md.
    /// </summary>
    /// <param name="settings">What to run; null for <see cref="GlobalSensitivitySettings.Default"/>.</param>
    /// <param name="progress">Receives the fraction done, in [0, 1] (optional).</param>
    /// <exception cref="ArgumentException">Settings that break a rule of <see cref="GlobalSensitivitySettings.Validate"/>.</exception>
    public static GlobalSensitivityResult Run(GlobalSensitivitySettings? settings = null, IProgress<double>? progress = null) =>
        SensitivityAnalysis.RunGlobal(settings, progress);

    /// <summary>
    /// Runs shard <paramref name="shard"/> of <paramref name="shards"/>: the worlds whose index is congruent to shard - 1
    /// modulo shards. Each world depends only on the seed and its index, so <see cref="Merge"/> of every shard's worlds gives
    /// exactly <see cref="Run"/>'s result.
    /// </summary>
    /// <param name="settings">What to run (the same for every shard).</param>
    /// <param name="shard">This shard, in [1, <paramref name="shards"/>].</param>
    /// <param name="shards">Number of shards, in [1, 10000].</param>
    /// <param name="progress">Receives the fraction of this shard done (optional).</param>
    /// <returns>The shard's worlds, by index.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A shard number out of range.</exception>
    /// <exception cref="ArgumentException">As <see cref="Run"/>.</exception>
    public static ImmutableArray<GlobalWorld> RunShard(GlobalSensitivitySettings settings, int shard, int shards, IProgress<double>? progress = null) =>
        SensitivityAnalysis.RunGlobalShard(settings, shard, shards, progress);

    /// <summary>Combines the worlds of every shard of one analysis into its result, exactly as <see cref="Run"/> gives it (timing zero).</summary>
    /// <param name="settings">The settings every shard ran.</param>
    /// <param name="worlds">Every world 0 .. <see cref="GlobalSensitivitySettings.Worlds"/> - 1 exactly once, in any order.</param>
    /// <exception cref="ArgumentException">A world missing, repeated or out of range, or a world whose arrays do not fit the settings.</exception>
    public static GlobalSensitivityResult Merge(GlobalSensitivitySettings settings, IEnumerable<GlobalWorld> worlds) =>
        SensitivityAnalysis.MergeGlobal(settings, worlds);

    /// <summary>The settings run.</summary>
    public GlobalSensitivitySettings Settings { get; }

    /// <summary>The calibration targets of the validation catalogue a world must hit to be plausible (<see cref="GlobalSensitivitySettings.PlausibilityTargets"/>).</summary>
    public EquatableArray<ValidationTarget> Targets { get; }

    /// <summary>Every world, by index.</summary>
    public EquatableArray<GlobalWorld> Worlds { get; }

    /// <summary>Worlds that hit every target.</summary>
    public int PlausibleWorlds => Worlds.Count(w => w.IsPlausible);

    /// <summary>Per hypothesis (the settings' order) and observation, the summary over the plausible worlds.</summary>
    public EquatableArray<GlobalOutcome> Outcomes { get; }

    /// <summary>Patient simulations run (plausibility trials and hypothesis pools).</summary>
    public long SubjectSimulations { get; }

    /// <summary>Wall-clock time (the sum over shards for a merged run; zero for shards read from files).</summary>
    public TimeSpan Elapsed { get; }
}
