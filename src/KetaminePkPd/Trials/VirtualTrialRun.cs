using System.Collections.Immutable;

namespace KetaminePkPd.Trials;

/// <summary>
/// One <see cref="VirtualTrial"/> that simulates its patients in steps of bounded size, for callers that must stay
/// responsive between steps (a page in a browser has one thread). <see cref="VirtualTrial.Run"/> is this run stepped
/// to the end, so the result is the same, bit for bit, whatever the step sizes: patient i always uses the random streams
/// (seed, i, 0..2) (tested).
/// </summary>
/// <remarks>Not thread-safe: call <see cref="SubjectRun{TResult}.Step"/> from one thread at a time. The last step also summarises the trial
/// (<see cref="TrialResult"/>: arm summaries and, per assessment, the associations with their mediation bootstrap).</remarks>
public sealed class VirtualTrialRun : SubjectRun<TrialResult>
{
    private readonly TrialDesign _design;
    private readonly Hypothesis _hypothesis;
    private readonly ulong _seed;
    private readonly TrialSimulator _simulator;
    private readonly TrialSubjectResult[] _subjects;

    /// <summary>Prepares the trial; no patient is simulated until the first <see cref="SubjectRun{TResult}.Step"/>.</summary>
    /// <param name="design">The design.</param>
    /// <param name="hypothesis">What links the two effects; null for <see cref="Hypothesis.ExposureOnly"/>.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="parallel">Simulate each step's patients on all cores, or on the calling thread (the result is the same).</param>
    /// <exception cref="ArgumentException">A hypothesis the population cannot express (shared sensitivity without variability on C50_D and EC50_A).</exception>
    public VirtualTrialRun(TrialDesign design, Hypothesis? hypothesis, ulong seed, bool parallel = false)
        : base((design ?? throw new ArgumentNullException(nameof(design))).TotalSubjects, parallel, "trial")
    {
        _design = design;
        _hypothesis = hypothesis ?? Hypothesis.ExposureOnly;
        _seed = seed;
        _simulator = new TrialSimulator(design, _hypothesis, seed);
        _subjects = new TrialSubjectResult[design.TotalSubjects];
    }

    private protected override void Simulate(int i) => _subjects[i] = _simulator.Rate(_simulator.Simulate(i), 2);

    private protected override TrialResult Finish() => new(_design, _hypothesis, _seed, ImmutableArray.Create(_subjects));
}
