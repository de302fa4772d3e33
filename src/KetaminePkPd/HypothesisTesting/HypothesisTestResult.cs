using System.Collections.Immutable;

namespace KetaminePkPd.HypothesisTesting;

/// <summary>The outcome of <see cref="HypothesisTestResult.Run"/>. Immutable.</summary>
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

    /// <summary>
    /// The project's main question: does shared exposure alone produce the correlation between dissociation and
    /// antidepressant response that trials report, or does it take a shared mechanism, mediation or expectancy? For each
    /// hypothesis a pool of patients is simulated once, replicate trials of each observed n enrol from it and rate with fresh
    /// noise, and the observed r is placed in the replicates' distribution (<see cref="HypothesisComparison.Compatibility"/>,
    /// <see cref="HypothesisComparison.Verdict"/>). Results are identical serial or parallel. The method is described in
    /// docs/model.md.
    /// </summary>
    /// <param name="settings">What to run; null for <see cref="HypothesisTestSettings.Default"/>.</param>
    /// <param name="progress">Receives the fraction done, in [0, 1] (optional).</param>
    /// <returns>One comparison per hypothesis and observation, and the sample sizes.</returns>
    /// <exception cref="ArgumentException">A hypothesis the population cannot express, or a statistic undefined in every replicate trial.</exception>
    public static HypothesisTestResult Run(HypothesisTestSettings? settings = null, IProgress<double>? progress = null) =>
        HypothesisTest.Run(settings, progress);

    /// <summary>
    /// Prepares the comparison as a run of bounded steps, for a caller that must stay responsive between steps (a page in a
    /// browser, which has one thread) or that wants to stop early; no patient is simulated until the first step. A unit of
    /// work is one patient simulation or one replicate trial. Stepped to the end, it gives the result of <see cref="Run"/>,
    /// bit for bit, whatever the step sizes; the result's <see cref="Elapsed"/> is the run's
    /// <see cref="SimulationRun{TResult}.Elapsed"/>.
    /// </summary>
    /// <param name="settings">What to run; null for <see cref="HypothesisTestSettings.Default"/>.</param>
    /// <exception cref="ArgumentException">A hypothesis the population cannot express.</exception>
    public static SimulationRun<HypothesisTestResult> Start(HypothesisTestSettings? settings = null) => HypothesisTest.Start(settings);

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
