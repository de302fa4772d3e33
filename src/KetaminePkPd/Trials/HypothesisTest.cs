namespace KetaminePkPd.Trials;

/// <summary>
/// The project's main question: does shared exposure alone produce the correlation between dissociation and
/// antidepressant response that trials report, or does it take a shared mechanism, mediation or expectancy?
/// For each hypothesis, replicate trials of the observed size give the sampling distribution of r; the observed r is
/// placed in it.
/// </summary>
/// <remarks>
/// <para>Method. For each hypothesis a pool of patients is simulated once (<see cref="HypothesisTestSettings.PoolSize"/>,
/// allocated to arms as the design allocates them). Each replicate trial enrols n patients from the pool without
/// replacement and rates them with fresh rating noise (CADSS and depression scores), then computes r of CADSS and
/// % change at the observation's time and the partial r given the plasma concentration at the CADSS time. With a pool
/// much larger than n, replicates are nearly independent draws from the population; the pool only saves simulating the
/// same pharmacology again.</para>
/// <para>Reproducibility. Patients use the streams of <see cref="VirtualTrial"/> (the same seed gives the same patients
/// under every hypothesis, apart from what the hypothesis changes). Replicate r enrols with stream (seed, r, -1 - j) for
/// observation j and rates patient i with stream (seed, i, 3 + r x J + j). Results are identical serial or parallel.</para>
/// <para>Stepping. <see cref="HypothesisTestRun"/> does the same work in bounded steps (for a page that must stay
/// responsive); this method steps one to the end.</para>
/// </remarks>
public static class HypothesisTest
{
    /// <summary>Runs the comparison.</summary>
    /// <param name="settings">What to run; null for <see cref="HypothesisTestSettings.Default"/>.</param>
    /// <param name="progress">Receives the fraction done, in [0, 1] (optional).</param>
    /// <exception cref="ArgumentException">A hypothesis the population cannot express.</exception>
    public static HypothesisTestResult Run(HypothesisTestSettings? settings = null, IProgress<double>? progress = null)
    {
        var run = new HypothesisTestRun(settings);
        while (!run.Step(StepSize)) progress?.Report(run.Progress);
        progress?.Report(1);
        return run.Result;
    }

    /// <summary>Units of work (patient simulations or replicate trials) per step of <see cref="Run"/>: large enough to keep every core busy.</summary>
    private const int StepSize = 4096;
}
