using System.Collections.Immutable;

namespace KetaminePkPd.HypothesisTesting;

/// <summary>The outcome of <see cref="HypothesisTest.Run"/>. Immutable.</summary>
public sealed class HypothesisTestResult
{
    internal HypothesisTestResult(HypothesisTestSettings settings, ImmutableArray<HypothesisComparison> comparisons,
        ImmutableArray<SampleSizeComparison> sampleSizes, long subjectSimulations, long replicateTrials, TimeSpan elapsed)
    {
        Settings = settings;
        Comparisons = comparisons;
        SampleSizes = sampleSizes;
        SubjectSimulations = subjectSimulations;
        ReplicateTrials = replicateTrials;
        Elapsed = elapsed;
    }

    /// <summary>The settings (with the seed) that reproduce this result.</summary>
    public HypothesisTestSettings Settings { get; }

    /// <summary>One comparison per hypothesis and observation, hypotheses outer.</summary>
    public ImmutableArray<HypothesisComparison> Comparisons { get; }

    /// <summary>Patients needed to tell each hypothesis from exposure only, per observation time.</summary>
    public ImmutableArray<SampleSizeComparison> SampleSizes { get; }

    /// <summary>Patient simulations run: the distinct patients of each hypothesis's pool that some replicate enrols (at most pool size times hypotheses).</summary>
    public long SubjectSimulations { get; }

    /// <summary>Replicate trials analysed (replicates x hypotheses x observations).</summary>
    public long ReplicateTrials { get; }

    /// <summary>Wall-clock time of the run.</summary>
    public TimeSpan Elapsed { get; }
}
