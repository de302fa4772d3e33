using System.Collections.Immutable;

namespace KetaminePkPd.Sensitivity;

/// <summary>The outcome of <see cref="SensitivityAnalysis.Run"/>. Immutable.</summary>
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
