
namespace KetaminePkPd.Trials;

/// <summary>
/// Runs a virtual trial: samples the design's patients, simulates each one's PK, dissociation and antidepressant
/// response under a hypothesis, adds placebo response and rating noise, and summarises.
/// </summary>
/// <remarks>
/// Reproducible: patient i's covariates and parameters come from the random stream (seed, i, 0), baseline and placebo
/// from (seed, i, 1), rating noise from (seed, i, 2) (see <c>SubjectRandom</c>). The result is bit-identical whether
/// patients are simulated in parallel or not, and on any number of cores. <see cref="VirtualTrialRun"/> simulates the
/// same trial in steps (for a page that must stay responsive); this method steps one to the end.
/// </remarks>
public static class VirtualTrial
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

    /// <summary>Runs the trial, optionally without keeping the patients and handing each one, in index order, to <paramref name="sink"/>
    /// as the steps (at most 256 patients each when parallel) finish: memory then holds a few numbers per patient, not the patients.</summary>
    internal static TrialResult RunStreamed(TrialDesign design, Hypothesis? hypothesis, ulong seed, bool parallel, IProgress<int>? progress, bool keepSubjects, Action<TrialSubjectResult>? sink)
    {
        var run = new VirtualTrialRun(design, hypothesis, seed, parallel, keepSubjects, sink);
        // Serial runs report every patient, as before; parallel runs report after each 1% of the patients (blocks of at
        // most 256, enough to keep every core busy).
        int step = parallel ? Math.Clamp(run.TotalSubjects / 100, 1, 256) : 1;
        while (!run.Step(step)) progress?.Report(run.CompletedSubjects);
        progress?.Report(run.CompletedSubjects);
        return run.Result;
    }
}
