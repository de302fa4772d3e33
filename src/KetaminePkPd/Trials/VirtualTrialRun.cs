using System.Collections.Immutable;

namespace KetaminePkPd.Trials;

/// <summary>
/// One <see cref="VirtualTrial"/> that simulates its patients in steps of bounded size, for callers that must stay
/// responsive between steps (a page in a browser has one thread). <see cref="VirtualTrial.Run"/> is this run stepped
/// to the end, so the result is the same, bit for bit, whatever the step sizes: patient i always uses the random streams
/// (seed, i, 0..2) (tested).
/// </summary>
/// <remarks>Not thread-safe: call <see cref="Step"/> from one thread at a time. The last step also summarises the trial
/// (<see cref="TrialResult"/>: arm summaries and, per assessment, the associations with their mediation bootstrap).</remarks>
public sealed class VirtualTrialRun
{
    private readonly TrialDesign _design;
    private readonly Hypothesis _hypothesis;
    private readonly ulong _seed;
    private readonly bool _parallel;
    private readonly TrialSimulator _simulator;
    private readonly TrialSubjectResult[] _subjects;
    private TrialResult? _result;

    /// <summary>Prepares the trial; no patient is simulated until the first <see cref="Step"/>.</summary>
    /// <param name="design">The design.</param>
    /// <param name="hypothesis">What links the two effects; null for <see cref="Hypothesis.ExposureOnly"/>.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="parallel">Simulate each step's patients on all cores, or on the calling thread (the result is the same).</param>
    /// <exception cref="ArgumentException">A hypothesis the population cannot express (shared sensitivity without variability on C50_D and EC50_A).</exception>
    public VirtualTrialRun(TrialDesign design, Hypothesis? hypothesis, ulong seed, bool parallel = false)
    {
        ArgumentNullException.ThrowIfNull(design);
        _design = design;
        _hypothesis = hypothesis ?? Hypothesis.ExposureOnly;
        _seed = seed;
        _parallel = parallel;
        _simulator = new TrialSimulator(design, _hypothesis, seed);
        _subjects = new TrialSubjectResult[design.TotalSubjects];
    }

    /// <summary>Patients in the trial.</summary>
    public int TotalSubjects => _subjects.Length;

    /// <summary>Patients simulated so far, in [0, <see cref="TotalSubjects"/>].</summary>
    public int CompletedSubjects { get; private set; }

    /// <summary>Fraction of the patients simulated, in [0, 1].</summary>
    public double Progress => (double)CompletedSubjects / TotalSubjects;

    /// <summary>True once every patient is simulated and <see cref="Result"/> is available.</summary>
    public bool IsComplete => _result is not null;

    /// <summary>The trial, once <see cref="IsComplete"/>.</summary>
    /// <exception cref="InvalidOperationException">The run is not complete.</exception>
    public TrialResult Result => _result ?? throw new InvalidOperationException(
        $"The trial is not complete ({CompletedSubjects} of {TotalSubjects} patients simulated): call Step until it returns true.");

    /// <summary>Simulates at most <paramref name="maxSubjects"/> more patients; after the last one, summarises the trial.</summary>
    /// <param name="maxSubjects">Largest number of patients to simulate, at least 1.</param>
    /// <returns>True when the trial is complete (then further calls do nothing and return true).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxSubjects"/> is below 1.</exception>
    public bool Step(int maxSubjects)
    {
        if (maxSubjects < 1) throw new ArgumentOutOfRangeException(nameof(maxSubjects), maxSubjects, $"maxSubjects must be at least 1, got {maxSubjects}.");
        if (_result is not null) return true;
        int from = CompletedSubjects, to = (int)Math.Min(_subjects.Length, (long)from + maxSubjects);
        var subjects = _subjects;
        var simulator = _simulator;
        if (_parallel) Parallel.For(from, to, i => subjects[i] = simulator.Rate(simulator.Simulate(i), 2));
        else for (int i = from; i < to; i++) subjects[i] = simulator.Rate(simulator.Simulate(i), 2);
        CompletedSubjects = to;
        if (to == _subjects.Length) _result = new TrialResult(_design, _hypothesis, _seed, ImmutableArray.Create(_subjects));
        return _result is not null;
    }
}
