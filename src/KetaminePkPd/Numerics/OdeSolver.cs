namespace KetaminePkPd.Numerics;

/// <summary>
/// An adaptive initial-value solver for <see cref="IOdeSystem"/>: integrates from <c>t0</c> and reports the state at
/// requested output times through dense output, so output times never force small steps.
/// </summary>
/// <remarks>
/// Instances are immutable and thread-safe: all work space lives on the stack or is rented per call.
/// </remarks>
internal abstract class OdeSolver
{
    private protected OdeSolver(OdeTolerances tolerances, double fixedStepSize = 0)
    {
        ArgumentNullException.ThrowIfNull(tolerances);
        Tolerances = tolerances;
        FixedStepSize = fixedStepSize;
    }

    /// <summary>The error tolerances the solver steers by.</summary>
    public OdeTolerances Tolerances { get; }

    /// <summary>0 for adaptive steps; otherwise the test hook's fixed step size, every step accepted.</summary>
    private protected double FixedStepSize { get; }

    /// <summary>Integrates <paramref name="system"/> from <paramref name="t0"/> with initial state <paramref name="y0"/>.</summary>
    /// <param name="system">The right-hand side.</param>
    /// <param name="t0">Initial time.</param>
    /// <param name="y0">Initial state, length <see cref="IOdeSystem.Dimension"/>.</param>
    /// <param name="outputTimes">Non-decreasing output times, all &gt;= <paramref name="t0"/>; the integration ends at the last one.
    /// A time equal to <paramref name="t0"/> returns <paramref name="y0"/>.</param>
    /// <param name="outputStates">Receives the states row-major: <c>outputStates[k * n + i]</c> is component i at
    /// <c>outputTimes[k]</c>; length at least <c>outputTimes.Length * n</c>.</param>
    /// <returns>Step and evaluation counts.</returns>
    /// <exception cref="ArgumentException">Mismatched lengths, unsorted or non-finite output times, or times before <paramref name="t0"/>.</exception>
    /// <exception cref="OdeSolverException">The step size underflowed, the step budget was exhausted, or the state became non-finite.</exception>
    public abstract OdeStatistics Solve(IOdeSystem system, double t0, ReadOnlySpan<double> y0, ReadOnlySpan<double> outputTimes, Span<double> outputStates);
}
