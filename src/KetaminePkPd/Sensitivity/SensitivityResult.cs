using System.Collections.Immutable;

namespace KetaminePkPd.Sensitivity;

/// <summary>The outcome of <see cref="Run"/>. Immutable.</summary>
public sealed class SensitivityResult
{
    internal SensitivityResult(SensitivitySettings settings, SensitivityCell @default, ImmutableArray<SensitivityCell> oneAtATime,
        ImmutableArray<SensitivityCell> pairGrid, ImmutableArray<SensitivityFrontier> frontiers, long subjectSimulations, TimeSpan elapsed)
    {
        Settings = settings;
        Default = @default;
        OneAtATime = oneAtATime;
        PairGrid = pairGrid;
        Frontiers = frontiers;
        SubjectSimulations = subjectSimulations;
        Elapsed = elapsed;
    }

    /// <summary>
    /// What would it take? Varies the provisional assumptions behind a hypothesis test (PK and PD variability, dose spread,
    /// placebo response, rating noise, CADSS time, baseline severity) over documented ranges around the design's current
    /// values (<see cref="SensitivitySettings.Levels"/>), one at a time and optionally two together, and reports per setting
    /// the median r, its central 95% and the two-sided compatibility of each observation, plus the frontier: the smallest
    /// change from the default that makes the hypothesis compatible (two-sided p &gt;= 0.05), or none within the range.
    /// Every setting uses the same seed and streams (common random numbers), so differences between settings are the effect
    /// of the assumption. The method and the ranges' sources are in docs/sensitivity.md.
    /// </summary>
    /// <param name="settings">What to run; null for <see cref="SensitivitySettings.Default"/>.</param>
    /// <param name="progress">Receives the fraction done, in [0, 1] (optional).</param>
    /// <returns>Every cell, the frontiers and the timing.</returns>
    /// <exception cref="ArgumentException">No assumption and no pair; an observation at a time that is not one of the design's assessments;
    /// a pool smaller than 4 times the largest n; an assumption the design's population cannot vary; or a hypothesis the population cannot express.</exception>
    public static SensitivityResult Run(SensitivitySettings? settings = null, IProgress<double>? progress = null) =>
        SensitivityAnalysis.Run(settings, progress);

    /// <summary>
    /// Starts the analysis as a run of bounded steps (<see cref="SimulationRun{TResult}"/>), for a caller that must stay
    /// responsive (a page in a browser) or may stop early. A unit of work is one patient simulation (each pharmacological
    /// setting simulates its pool) or one replicate trial (per setting and observation). Stepped to its end, the result is
    /// <see cref="Run"/>'s, bit for bit, whatever the step sizes (tested).
    /// </summary>
    /// <param name="settings">What to run; null for <see cref="SensitivitySettings.Default"/>.</param>
    /// <returns>The run; no patient is simulated before its first step.</returns>
    /// <exception cref="ArgumentException">As <see cref="Run"/>.</exception>
    public static SimulationRun<SensitivityResult> Start(SensitivitySettings? settings = null) => SensitivityAnalysis.Start(settings);

    /// <summary>The settings (with the seed) that reproduce this result.</summary>
    public SensitivitySettings Settings { get; }

    /// <summary>The default setting (every assumption at the design's current value).</summary>
    public SensitivityCell Default { get; }

    /// <summary>One cell per level of each assumption of <see cref="SensitivitySettings.Assumptions"/>, default levels included (they repeat <see cref="Default"/>), assumptions in the settings' order, levels lowest first.</summary>
    public ImmutableArray<SensitivityCell> OneAtATime { get; }

    /// <summary>Every combination of the levels of <see cref="SensitivitySettings.Pair"/>, first assumption outer; empty without a pair.</summary>
    public ImmutableArray<SensitivityCell> PairGrid { get; }

    /// <summary>Per assumption varied one at a time: one frontier per observation, then one for all observations at once (Observed null).</summary>
    public ImmutableArray<SensitivityFrontier> Frontiers { get; }

    /// <summary>The one-at-a-time cells of <paramref name="assumption"/>, lowest level first.</summary>
    public IEnumerable<SensitivityCell> CellsOf(SensitivityAssumption assumption) => OneAtATime.Where(c => c.Levels[0].Assumption == assumption);

    /// <summary>Patient simulations run (pool size times pharmacological settings).</summary>
    public long SubjectSimulations { get; }

    /// <summary>Wall-clock time of the run.</summary>
    public TimeSpan Elapsed { get; }
}
