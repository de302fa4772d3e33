using System.Diagnostics;

namespace KetaminePkPd;

/// <summary>The work behind a <see cref="SimulationRun{TResult}"/>: one implementation per feature.</summary>
internal abstract class SteppedWork<TResult>
    where TResult : class
{
    /// <summary>What the run is, for messages ("trial", "hypothesis test").</summary>
    internal abstract string What { get; }

    /// <summary>How the progress reads in messages ("units done", "patients simulated").</summary>
    internal virtual string Units => "units done";

    /// <summary>Units of work in the whole run.</summary>
    internal abstract long TotalWork { get; }

    /// <summary>Units of work done so far.</summary>
    internal abstract long CompletedWork { get; }

    /// <summary>Does at most <paramref name="maxUnits"/> (at least 1) more units; returns the result once all the work is done, else null.</summary>
    /// <param name="maxUnits">Largest number of units to do.</param>
    /// <param name="clock">The run's compute clock (running during the step), for a result that records its run time.</param>
    internal abstract TResult? Step(int maxUnits, Stopwatch clock);

    /// <summary>This work as a public run.</summary>
    internal SimulationRun<TResult> AsRun() => new(this);
}
