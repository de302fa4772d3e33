namespace KetaminePkPd.Numerics;

/// <summary>
/// One adaptive one-step method, as <see cref="OdeSolverCore.Solve{TStepper}"/> drives it: the trial step with its error
/// estimate, the dense output and the step size controller. Implemented by a struct per solver, so the driver is
/// specialised per method and its stepping loop costs no interface calls.
/// </summary>
/// <remarks>
/// The driver owns the work space; its first five vectors of length n are shared by convention: 0 the state y at the
/// start of the step, 1 the new state y1, 2 f(t, y) (evaluated by the driver at t0), 3 and 4 scratch (the stage state
/// and a stage derivative; the driver's starting step formula uses them before the first step).
/// </remarks>
internal interface IAdaptiveStepper
{
    /// <summary>The solver's name, for exception messages.</summary>
    string Name { get; }

    /// <summary>Order used by Hairer's starting step formula.</summary>
    int Order { get; }

    /// <summary>The step is stretched to the end time when <c>t + LastStepReach * h</c> reaches it.</summary>
    double LastStepReach { get; }

    /// <summary>Jacobian evaluations so far (0 for an explicit method).</summary>
    int Jacobians { get; }

    /// <summary>LU factorisations so far (0 for an explicit method).</summary>
    int Factorizations { get; }

    /// <summary>Doubles of work space for a system of dimension <paramref name="n"/>.</summary>
    int WorkLength(int n);

    /// <summary>Pivot indices of work space for a system of dimension <paramref name="n"/> (0 for an explicit method).</summary>
    int PivotLength(int n);

    /// <summary>
    /// Attempts the step from (t, y) to <paramref name="tNew"/> = t + h, writing the new state to vector 1 of <paramref name="work"/>.
    /// </summary>
    /// <param name="system">The right-hand side.</param>
    /// <param name="n">System dimension.</param>
    /// <param name="t">Start of the step.</param>
    /// <param name="h">Step size.</param>
    /// <param name="tNew">End of the step (exactly the end time on the last step).</param>
    /// <param name="work">The work space (see the remarks for the shared vectors).</param>
    /// <param name="pivots">Pivot work space.</param>
    /// <param name="tolerances">Tolerances defining the error norm.</param>
    /// <param name="fixedStep">True in the fixed-step test mode, where no retry is possible.</param>
    /// <param name="evaluations">Incremented by the evaluations of f made.</param>
    /// <param name="err">The scaled error norm of the step (accept when &lt;= 1), or NaN when the state or derivative is not finite.</param>
    /// <returns>False when the step could not be attempted (a singular iteration matrix): the driver halves the step.</returns>
    bool TryStep(IOdeSystem system, int n, double t, double h, double tNew, Span<double> work, Span<int> pivots, OdeTolerances tolerances,
        bool fixedStep, ref int evaluations, out double err);

    /// <summary>Writes the dense output at t + <paramref name="theta"/> h, theta in [0, 1), of the step just accepted.</summary>
    void Interpolate(int n, ReadOnlySpan<double> work, double theta, double h, Span<double> target);

    /// <summary>Moves the method's state to the start of the next step (the driver has already copied y1 to y).</summary>
    void Advance(int n, Span<double> work);

    /// <summary>h / h_new after an accepted step with error <paramref name="err"/> (the <paramref name="accepted"/>-th).</summary>
    double AcceptedStepDivisor(double err, double h, int accepted);

    /// <summary>h / h_new after a step rejected with error <paramref name="err"/> &gt; 1.</summary>
    double RejectedStepDivisor(double err);
}
