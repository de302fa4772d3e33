
namespace KetaminePkPd.Trials;

/// <summary>
/// Runs a virtual trial: samples the design's patients, simulates each one's PK, dissociation and antidepressant
/// response under a hypothesis, adds placebo response and rating noise, and summarises.
/// </summary>
/// <remarks>
/// Reproducible: patient i's covariates and parameters come from the random stream (seed, i, 0), baseline and placebo
/// from (seed, i, 1), rating noise from (seed, i, 2) (see <c>SubjectRandom</c>). The result is bit-identical whether
/// patients are simulated in parallel or not, and on any number of cores. <see cref="Start"/> simulates the
/// same trial in steps (for a page that must stay responsive); <see cref="Run"/> steps one to the end.
/// </remarks>
internal static class VirtualTrial
{
    /// <summary>Runs the trial.</summary>
    /// <param name="design">The design.</param>
    /// <param name="hypothesis">What links the two effects; null for <see cref="Hypothesis.ExposureOnly"/>.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="parallel">Simulate patients on all cores (default) or on the calling thread.</param>
    /// <param name="progress">Receives the number of patients simulated so far (optional).</param>
    /// <exception cref="ArgumentException">A hypothesis the population cannot express (shared sensitivity without variability on C50_D and EC50_A).</exception>
    public static TrialResult Run(TrialDesign design, Hypothesis? hypothesis, ulong seed, bool parallel = true, IProgress<int>? progress = null) =>
        RunStreamed(design, hypothesis, seed, parallel, progress, keepSubjects: true, sink: null);

    /// <summary>Prepares the trial as a run of bounded steps (a unit of work is one patient); no patient is simulated until the first
    /// <see cref="SimulationRun{TResult}.Step"/>. Stepped to the end, it gives the result of <see cref="Run"/>, bit for bit, whatever the
    /// step sizes.</summary>
    /// <param name="design">The design.</param>
    /// <param name="hypothesis">What links the two effects; null for <see cref="Hypothesis.ExposureOnly"/>.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="parallel">Simulate each step's patients on all cores, or on the calling thread (default; the result is the same).</param>
    /// <exception cref="ArgumentException">A hypothesis the population cannot express (shared sensitivity without variability on C50_D and EC50_A).</exception>
    public static SimulationRun<TrialResult> Start(TrialDesign design, Hypothesis? hypothesis, ulong seed, bool parallel = false) =>
        new VirtualTrialWork(design, hypothesis, seed, parallel, keepSubjects: true, sink: null).AsRun();

    /// <summary>Runs the trial, optionally without keeping the patients and handing each one, in index order, to <paramref name="sink"/>
    /// as the steps (at most 256 patients each when parallel) finish: memory then holds a few numbers per patient, not the patients.</summary>
    internal static TrialResult RunStreamed(TrialDesign design, Hypothesis? hypothesis, ulong seed, bool parallel, IProgress<int>? progress, bool keepSubjects, Action<TrialSubjectResult>? sink)
    {
        var run = new VirtualTrialWork(design, hypothesis, seed, parallel, keepSubjects, sink);
        // Serial runs report every patient, as before; parallel runs report after each 1% of the patients (blocks of at
        // most 256, enough to keep every core busy).
        int step = parallel ? Math.Clamp(run.TotalSubjects / 100, 1, 256) : 1;
        TrialResult? result;
        while ((result = run.Step(step, Clock)) is null) progress?.Report(run.CompletedSubjects);
        progress?.Report(run.CompletedSubjects);
        return result;
    }

    /// <summary>A clock for stepping work whose result records no run time.</summary>
    private static readonly System.Diagnostics.Stopwatch Clock = new();
}
