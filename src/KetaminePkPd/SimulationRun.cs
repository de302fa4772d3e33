using System.Diagnostics;

namespace KetaminePkPd;

/// <summary>
/// A simulation that advances in steps of bounded work, for callers that must stay responsive between steps (a page in a
/// browser has one thread: it renders progress between steps) or that want to stop early. Each feature starts one:
/// <see cref="Trials.VirtualTrial.Start"/>, <see cref="HypothesisTesting.HypothesisTestResult.Start"/>,
/// <see cref="Comparisons.PopulationBands.Start"/>, <see cref="Sensitivity.SensitivityResult.Start"/> and <see cref="Evidence.EvidenceResult.Start"/>. The feature's
/// <c>Run</c> is its run stepped to the end, so the result is the same, bit for bit, whatever the step sizes and whether a
/// step uses all cores: every patient and replicate has its own random stream (tested).
/// </summary>
/// <typeparam name="TResult">What the run computes once all its work is done.</typeparam>
/// <remarks>A unit of work is one patient simulation or one replicate trial (the starting method says which); a step does
/// at most the units asked for and may do fewer (it never crosses from one phase of the work into the next). Not
/// thread-safe: call <see cref="Step"/> from one thread at a time. The last step also computes <see cref="Result"/>.</remarks>
public sealed class SimulationRun<TResult>
    where TResult : class
{
    private readonly SteppedWork<TResult> _work;
    private readonly Stopwatch _clock = new();
    private TResult? _result;

    internal SimulationRun(SteppedWork<TResult> work) => _work = work;

    /// <summary>Units of work in the whole run (patient simulations and replicate trials), at least 1.</summary>
    public long TotalWork => _work.TotalWork;

    /// <summary>Units of work done so far, in [0, <see cref="TotalWork"/>].</summary>
    public long CompletedWork => _work.CompletedWork;

    /// <summary>Fraction of the work done, in [0, 1]; 1 once <see cref="IsComplete"/>.</summary>
    public double Progress => _result is not null ? 1 : Math.Min(1, (double)CompletedWork / TotalWork);

    /// <summary>True once all the work is done and <see cref="Result"/> is available.</summary>
    public bool IsComplete => _result is not null;

    /// <summary>Time spent inside <see cref="Step"/> so far (the compute time, without the pauses between steps).</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>The result, once <see cref="IsComplete"/>.</summary>
    /// <exception cref="InvalidOperationException">The run is not complete.</exception>
    public TResult Result => _result ?? throw new InvalidOperationException(
        $"The {_work.What} is not complete ({CompletedWork} of {TotalWork} {_work.Units}): call Step until it returns true.");

    /// <summary>Does at most <paramref name="maxUnits"/> more units of work; after the last one, computes <see cref="Result"/>.</summary>
    /// <param name="maxUnits">Largest number of units to do, at least 1.</param>
    /// <returns>True when the run is complete (then further calls do nothing and return true).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxUnits"/> is below 1.</exception>
    /// <exception cref="ArgumentException">A hypothesis a design's population cannot express, or a statistic undefined in every
    /// replicate trial (thrown by the step that meets it).</exception>
    public bool Step(int maxUnits)
    {
        if (maxUnits < 1) throw new ArgumentOutOfRangeException(nameof(maxUnits), maxUnits, $"maxUnits must be at least 1, got {maxUnits}.");
        if (_result is not null) return true;
        _clock.Start();
        try
        {
            _result = _work.Step(maxUnits, _clock);
        }
        finally
        {
            _clock.Stop();
        }
        return _result is not null;
    }
}
