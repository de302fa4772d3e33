namespace KetaminePkPd;

/// <summary>
/// A simulation of virtual patients in steps of bounded size, for callers that must stay responsive between steps (a page
/// in a browser has one thread): <see cref="Comparisons.PopulationRun"/> and <see cref="Trials.VirtualTrialRun"/>. Patient i's
/// result depends only on i, so the result is the same, bit for bit, whatever the step sizes and whether a step runs on
/// all cores.
/// </summary>
/// <typeparam name="TResult">What the run computes once every patient is simulated.</typeparam>
/// <remarks>Not thread-safe: call <see cref="Step"/> from one thread at a time. The last step also computes <see cref="Result"/>.</remarks>
public abstract class SubjectRun<TResult>
    where TResult : class
{
    private readonly bool _parallel;

    /// <summary>True when each step simulates its patients on all cores.</summary>
    private protected bool IsParallel => _parallel;
    private readonly string _what;
    private TResult? _result;

    private protected SubjectRun(int totalSubjects, bool parallel, string what)
    {
        TotalSubjects = totalSubjects;
        _parallel = parallel;
        _what = what;
    }

    /// <summary>Patients in the run.</summary>
    public int TotalSubjects { get; }

    /// <summary>Patients simulated so far, in [0, <see cref="TotalSubjects"/>].</summary>
    public int CompletedSubjects { get; private set; }

    /// <summary>Fraction of the patients simulated, in [0, 1].</summary>
    public double Progress => (double)CompletedSubjects / TotalSubjects;

    /// <summary>True once every patient is simulated and <see cref="Result"/> is available.</summary>
    public bool IsComplete => _result is not null;

    /// <summary>The result, once <see cref="IsComplete"/>.</summary>
    /// <exception cref="InvalidOperationException">The run is not complete.</exception>
    public TResult Result => _result ?? throw new InvalidOperationException(
        $"The {_what} is not complete ({CompletedSubjects} of {TotalSubjects} patients simulated): call Step until it returns true.");

    /// <summary>Simulates at most <paramref name="maxSubjects"/> more patients; after the last one, computes <see cref="Result"/>.</summary>
    /// <param name="maxSubjects">Largest number of patients to simulate, at least 1.</param>
    /// <returns>True when the run is complete (then further calls do nothing and return true).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxSubjects"/> is below 1.</exception>
    public bool Step(int maxSubjects)
    {
        if (maxSubjects < 1) throw new ArgumentOutOfRangeException(nameof(maxSubjects), maxSubjects, $"maxSubjects must be at least 1, got {maxSubjects}.");
        if (_result is not null) return true;
        int from = CompletedSubjects, to = (int)Math.Min(TotalSubjects, (long)from + maxSubjects);
        BeginStep(from, to);
        if (_parallel) Parallel.For(from, to, Simulate);
        else for (int i = from; i < to; i++) Simulate(i);
        EndStep(from, to);
        CompletedSubjects = to;
        if (to == TotalSubjects) _result = Finish();
        return _result is not null;
    }

    /// <summary>Called before the patients <paramref name="from"/> .. <paramref name="to"/> - 1 of a step are simulated.</summary>
    private protected virtual void BeginStep(int from, int to)
    {
    }

    /// <summary>Called on the stepping thread once the patients <paramref name="from"/> .. <paramref name="to"/> - 1 of a step are simulated.</summary>
    private protected virtual void EndStep(int from, int to)
    {
    }

    /// <summary>Simulates patient <paramref name="i"/> and stores what <see cref="Finish"/> needs (called once per patient, possibly in parallel).</summary>
    private protected abstract void Simulate(int i);

    /// <summary>Computes the result from every patient's.</summary>
    private protected abstract TResult Finish();
}
