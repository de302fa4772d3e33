namespace KetaminePkPd.Trials;

public sealed partial record TrialDesign
{
    /// <summary>
    /// Runs a virtual trial of this design: samples its patients, simulates each one's PK, dissociation and antidepressant
    /// response under a hypothesis, adds placebo response and rating noise, and summarises.
    /// </summary>
    /// <remarks>
    /// Reproducible: patient i's covariates and parameters come from the random stream (seed, i, 0), baseline and placebo
    /// from (seed, i, 1), rating noise from (seed, i, 2). The result is bit-identical whether patients are simulated in
    /// parallel or not, and on any number of cores. <see cref="Start"/> simulates the same trial in steps.
    /// </remarks>
    /// <param name="hypothesis">What links the two effects; null for <see cref="Hypothesis.ExposureOnly"/>.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="parallel">Simulate patients on all cores (default) or on the calling thread.</param>
    /// <param name="progress">Receives the number of patients simulated so far (optional).</param>
    /// <exception cref="ArgumentException">A hypothesis the population cannot express (shared sensitivity without variability on C50_D and EC50_A).</exception>
    public TrialResult Simulate(Hypothesis? hypothesis, ulong seed, bool parallel = true, IProgress<int>? progress = null) =>
        VirtualTrial.Run(this, hypothesis, seed, parallel, progress);

    /// <summary>Prepares the trial of <see cref="Simulate"/> as a run of bounded steps (a unit of work is one patient); no
    /// patient is simulated until the first <see cref="SimulationRun{TResult}.Step"/>. Stepped to the end, it gives the result
    /// of <see cref="Simulate"/>, bit for bit, whatever the step sizes.</summary>
    /// <param name="hypothesis">What links the two effects; null for <see cref="Hypothesis.ExposureOnly"/>.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="parallel">Simulate each step's patients on all cores, or on the calling thread (default; the result is the same).</param>
    /// <exception cref="ArgumentException">A hypothesis the population cannot express (shared sensitivity without variability on C50_D and EC50_A).</exception>
    public SimulationRun<TrialResult> Start(Hypothesis? hypothesis, ulong seed, bool parallel = false) =>
        VirtualTrial.Start(this, hypothesis, seed, parallel);
}
