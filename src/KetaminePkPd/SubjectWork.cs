using System.Diagnostics;

namespace KetaminePkPd;

/// <summary>
/// Stepped work of one simulation per virtual patient (a unit is a patient): the population bands and the virtual trial.
/// Patient i's result depends only on i, so the result is the same, bit for bit, whatever the step sizes and whether a
/// step runs on all cores.
/// </summary>
internal abstract class SubjectWork<TResult> : SteppedWork<TResult>
    where TResult : class
{
    private protected SubjectWork(int totalSubjects, bool parallel)
    {
        TotalSubjects = totalSubjects;
        IsParallel = parallel;
    }

    /// <summary>True when each step simulates its patients on all cores.</summary>
    private protected bool IsParallel { get; }

    /// <summary>Patients in the run.</summary>
    internal int TotalSubjects { get; }

    /// <summary>Patients simulated so far.</summary>
    internal int CompletedSubjects { get; private set; }

    internal override string Units => "patients simulated";

    internal override long TotalWork => TotalSubjects;

    internal override long CompletedWork => CompletedSubjects;

    internal override TResult? Step(int maxUnits, Stopwatch clock)
    {
        int from = CompletedSubjects, to = (int)Math.Min(TotalSubjects, (long)from + maxUnits);
        BeginStep(from, to);
        if (IsParallel) Parallel.For(from, to, Simulate);
        else for (int i = from; i < to; i++) Simulate(i);
        EndStep(from, to);
        CompletedSubjects = to;
        return to == TotalSubjects ? Finish() : null;
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
