using System.Buffers;

namespace KetaminePkPd.Numerics;

/// <summary>
/// The adaptive step loop shared by the solvers (<see cref="Solve{TStepper}"/>) and its pieces: argument validation,
/// the initial outputs at <c>t0</c>, the scaled error norm, Hairer's starting step size and the failure exceptions.
/// </summary>
internal static class OdeSolverCore
{
    /// <summary>Largest work space (in doubles) taken from the stack; larger systems rent from the shared array pool.</summary>
    public const int StackAllocLimit = 2048;

    /// <summary>Unit roundoff of double precision, 2^-52 (not <see cref="double.Epsilon"/>, the smallest subnormal).</summary>
    public const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Shrink factor of the step after a trial step with a non-finite state or derivative.</summary>
    private const double NonFiniteShrink = 0.25;

    /// <summary>
    /// Solves as <see cref="OdeSolver.Solve"/> with the method <paramref name="stepper"/>: validates, writes the outputs at
    /// <c>t0</c>, takes the work space from the stack (or the shared pool) and runs the adaptive step loop.
    /// </summary>
    /// <param name="stepper">The method, in its initial state.</param>
    /// <param name="tolerances">Tolerances and step budget.</param>
    /// <param name="fixedStepSize">0 for adaptive steps; otherwise the test hook's fixed step, every step accepted.</param>
    /// <param name="system">The right-hand side.</param>
    /// <param name="t0">Initial time.</param>
    /// <param name="y0">Initial state.</param>
    /// <param name="outputTimes">Output times.</param>
    /// <param name="outputStates">Receives the states, row-major.</param>
    public static OdeStatistics Solve<TStepper>(TStepper stepper, OdeTolerances tolerances, double fixedStepSize, IOdeSystem system, double t0,
        ReadOnlySpan<double> y0, ReadOnlySpan<double> outputTimes, Span<double> outputStates)
        where TStepper : struct, IAdaptiveStepper
    {
        int n = Validate(system, t0, y0, outputTimes, outputStates);
        int next = WriteInitialOutputs(t0, y0, outputTimes, outputStates);
        if (next == outputTimes.Length)
            return default;

        int size = stepper.WorkLength(n), pivotCount = stepper.PivotLength(n);
        double[]? rented = null;
        int[]? rentedPivots = null;
        Span<double> work = size <= StackAllocLimit
            ? stackalloc double[size]
            : (rented = ArrayPool<double>.Shared.Rent(size));
        Span<int> pivots = size <= StackAllocLimit || pivotCount == 0
            ? stackalloc int[pivotCount]
            : (rentedPivots = ArrayPool<int>.Shared.Rent(pivotCount));
        try
        {
            return Integrate(ref stepper, tolerances, fixedStepSize, system, t0, y0, outputTimes, outputStates, next, work, pivots);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<double>.Shared.Return(rented);
            if (rentedPivots is not null)
                ArrayPool<int>.Shared.Return(rentedPivots);
        }
    }

    private static OdeStatistics Integrate<TStepper>(ref TStepper stepper, OdeTolerances tolerances, double fixedStepSize, IOdeSystem system,
        double t0, ReadOnlySpan<double> y0, ReadOnlySpan<double> outputTimes, Span<double> outputStates, int next, Span<double> work, Span<int> pivots)
        where TStepper : struct, IAdaptiveStepper
    {
        int n = y0.Length;
        Span<double> y = work.Slice(0, n);
        Span<double> y1 = work.Slice(n, n);
        Span<double> f0 = work.Slice(2 * n, n);

        int maxSteps = tolerances.MaxSteps;
        bool fixedStep = fixedStepSize > 0;
        double tEnd = outputTimes[^1];
        double hMax = tEnd - t0;
        int accepted = 0, rejected = 0, evaluations = 0;

        y0.CopyTo(y);
        system.Evaluate(t0, y, f0);
        evaluations++;
        if (!AllFinite(f0))
            throw NonFiniteInitialDerivative(stepper.Name, t0);

        double h = fixedStep
            ? Math.Min(fixedStepSize, hMax)
            : InitialStepSize(system, t0, y, f0, hMax, stepper.Order, tolerances, work.Slice(3 * n, n), work.Slice(4 * n, n), ref evaluations);
        double t = t0;
        bool lastRejected = false, lastFailureNonFinite = false;

        while (true)
        {
            if (accepted + rejected >= maxSteps)
                throw TooManySteps(stepper.Name, maxSteps, t, tEnd);
            if (h < MinimumStepSize(t, tEnd))
                throw StepSizeUnderflow(stepper.Name, h, t, lastFailureNonFinite);

            bool last = false;
            if (fixedStep ? t + h * (1 + 1e-9) >= tEnd : t + stepper.LastStepReach * h >= tEnd)
            {
                h = tEnd - t;
                last = true;
            }

            double tNew = last ? tEnd : t + h;
            if (!stepper.TryStep(system, n, t, h, tNew, work, pivots, tolerances, fixedStep, ref evaluations, out double err))
            {
                rejected++;
                lastRejected = true;
                h *= 0.5;
                continue;
            }

            if (double.IsNaN(err))
            {
                if (fixedStep)
                    throw NonFiniteState(stepper.Name, t);
                rejected++;
                lastRejected = true;
                lastFailureNonFinite = true;
                h *= NonFiniteShrink;
                continue;
            }

            if (fixedStep || err <= 1)
            {
                accepted++;
                lastFailureNonFinite = false;

                for (; next < outputTimes.Length && outputTimes[next] <= tNew; next++)
                {
                    Span<double> target = outputStates.Slice(next * n, n);
                    double tOut = outputTimes[next];
                    if (tOut == tNew)
                        y1.CopyTo(target);
                    else
                        stepper.Interpolate(n, work, (tOut - t) / h, h, target);
                }

                if (last)
                    return new OdeStatistics(accepted, rejected, evaluations, stepper.Jacobians, stepper.Factorizations);

                y1.CopyTo(y);
                stepper.Advance(n, work);
                t = tNew;

                if (fixedStep)
                {
                    h = fixedStepSize;
                    continue;
                }

                double hNew = h / stepper.AcceptedStepDivisor(err, h, accepted);
                if (lastRejected)
                    hNew = Math.Min(hNew, h);
                lastRejected = false;
                h = Math.Min(hNew, hMax);
            }
            else
            {
                rejected++;
                lastRejected = true;
                lastFailureNonFinite = false;
                h /= stepper.RejectedStepDivisor(err);
            }
        }
    }

    /// <summary>
    /// Checks the arguments of <see cref="OdeSolver.Solve"/> and returns the system dimension n.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> is null.</exception>
    /// <exception cref="ArgumentException">Any other argument is invalid; the message names the parameter, the value and the rule.</exception>
    public static int Validate(IOdeSystem system, double t0, ReadOnlySpan<double> y0, ReadOnlySpan<double> outputTimes, Span<double> outputStates)
    {
        ArgumentNullException.ThrowIfNull(system);
        int n = system.Dimension;
        if (n < 1)
            throw new ArgumentException($"system.Dimension must be at least 1, got {n}.", nameof(system));
        if (!double.IsFinite(t0))
            throw new ArgumentException($"t0 must be finite, got {F(t0)}.", nameof(t0));
        if (y0.Length != n)
            throw new ArgumentException($"y0 must have length system.Dimension = {n}, got {y0.Length}.", nameof(y0));
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(y0[i]))
                throw new ArgumentException($"y0[{i}] must be finite, got {F(y0[i])}.", nameof(y0));
        }

        if (outputTimes.IsEmpty)
            throw new ArgumentException("outputTimes must contain at least one time, got none.", nameof(outputTimes));
        double previous = t0;
        for (int k = 0; k < outputTimes.Length; k++)
        {
            double tk = outputTimes[k];
            if (!double.IsFinite(tk))
                throw new ArgumentException($"outputTimes[{k}] must be finite, got {F(tk)}.", nameof(outputTimes));
            if (tk < t0)
                throw new ArgumentException($"outputTimes[{k}] must be >= t0 = {F(t0)}, got {F(tk)}.", nameof(outputTimes));
            if (tk < previous)
                throw new ArgumentException(
                    $"outputTimes must be non-decreasing, got outputTimes[{k}] = {F(tk)} after outputTimes[{k - 1}] = {F(previous)}.",
                    nameof(outputTimes));
            previous = tk;
        }

        long required = (long)outputTimes.Length * n;
        if (outputStates.Length < required)
            throw new ArgumentException(
                $"outputStates must have length at least outputTimes.Length * n = {outputTimes.Length} * {n} = {required}, got {outputStates.Length}.",
                nameof(outputStates));
        return n;
    }

    /// <summary>Writes <paramref name="y0"/> for every leading output time equal to <paramref name="t0"/>; returns the index of the first output still to do.</summary>
    public static int WriteInitialOutputs(double t0, ReadOnlySpan<double> y0, ReadOnlySpan<double> outputTimes, Span<double> outputStates)
    {
        int n = y0.Length;
        int k = 0;
        while (k < outputTimes.Length && outputTimes[k] == t0)
        {
            y0.CopyTo(outputStates.Slice(k * n, n));
            k++;
        }

        return k;
    }

    /// <summary>One component's error over its scale, treating 0/0 as 0 (a zero component under a purely relative tolerance).</summary>
    public static double Ratio(double error, double scale) =>
        scale > 0 ? error / scale : (error == 0 ? 0 : double.PositiveInfinity);

    /// <summary>
    /// The scaled RMS norm sqrt(mean_i (e_i / sc_i)^2) with sc_i = atol + rtol * max(|a_i|, |b_i|) (Hairer, Norsett and Wanner, Solving ODEs I, eq. II.4.11).
    /// </summary>
    public static double ErrorNorm(ReadOnlySpan<double> error, ReadOnlySpan<double> a, ReadOnlySpan<double> b, double atol, double rtol)
    {
        double sum = 0;
        for (int i = 0; i < error.Length; i++)
        {
            double r = Ratio(error[i], atol + rtol * Math.Max(Math.Abs(a[i]), Math.Abs(b[i])));
            sum += r * r;
        }

        return Math.Sqrt(sum / error.Length);
    }

    /// <summary>True if every element is finite.</summary>
    public static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
                return false;
        }

        return true;
    }

    /// <summary>
    /// Hairer's automatic starting step (Solving ODEs I, section II.4, "Starting step size"; routine HINIT of dopri5.f),
    /// with RMS norms: h0 = 0.01 ||y0|| / ||f0||, one explicit Euler step to estimate ||y''||, then
    /// h1 = (0.01 / max(||f0||, ||y''||))^(1/order) and h = min(100 h0, h1, hMax).
    /// </summary>
    /// <param name="system">The right-hand side.</param>
    /// <param name="t0">Initial time.</param>
    /// <param name="y0">Initial state.</param>
    /// <param name="f0">f(t0, y0).</param>
    /// <param name="hMax">Largest allowed step (the integration span).</param>
    /// <param name="order">Order used in the formula (5 for Dormand-Prince, 4 for RODAS4).</param>
    /// <param name="tolerances">Tolerances defining the norm.</param>
    /// <param name="yScratch">Scratch of length n.</param>
    /// <param name="fScratch">Scratch of length n.</param>
    /// <param name="functionEvaluations">Incremented by the one evaluation made.</param>
    public static double InitialStepSize(IOdeSystem system, double t0, ReadOnlySpan<double> y0, ReadOnlySpan<double> f0, double hMax, int order,
        OdeTolerances tolerances, Span<double> yScratch, Span<double> fScratch, ref int functionEvaluations)
    {
        int n = y0.Length;
        double atol = tolerances.AbsoluteTolerance, rtol = tolerances.RelativeTolerance;
        double dnf = 0, dny = 0;
        for (int i = 0; i < n; i++)
        {
            double sk = atol + rtol * Math.Abs(y0[i]);
            double rf = Ratio(f0[i], sk), ry = Ratio(y0[i], sk);
            dnf += rf * rf;
            dny += ry * ry;
        }

        dnf = Math.Sqrt(dnf / n);
        dny = Math.Sqrt(dny / n);
        double h = dnf <= 1e-5 || dny <= 1e-5 || !double.IsFinite(dnf) || !double.IsFinite(dny) ? 1e-6 : 0.01 * dny / dnf;
        h = Math.Min(h, hMax);

        for (int i = 0; i < n; i++)
            yScratch[i] = y0[i] + h * f0[i];
        system.Evaluate(t0 + h, yScratch, fScratch);
        functionEvaluations++;

        double der2 = 0;
        for (int i = 0; i < n; i++)
        {
            double r = Ratio(fScratch[i] - f0[i], atol + rtol * Math.Abs(y0[i]));
            der2 += r * r;
        }

        der2 = Math.Sqrt(der2 / n) / h;
        double der12 = Math.Max(Math.Abs(der2), dnf);
        double h1 = double.IsFinite(der12)
            ? (der12 <= 1e-15 ? Math.Max(1e-6, h * 1e-3) : Math.Pow(0.01 / der12, 1.0 / order))
            : h * 1e-3;
        return Math.Min(Math.Min(100 * h, h1), hMax);
    }

    /// <summary>Smallest step allowed near time t: ten units of roundoff of the largest time involved.</summary>
    public static double MinimumStepSize(double t, double tEnd) => 10 * MachineEpsilon * Math.Max(Math.Abs(t), Math.Abs(tEnd));

    /// <summary>The exception for a right-hand side that is not finite at the initial point.</summary>
    public static OdeSolverException NonFiniteInitialDerivative(string solver, double t0) =>
        new($"{solver}: the right-hand side is not finite at t0 = {F(t0)} for the initial state.") { Time = t0 };

    /// <summary>The exception for an exhausted step budget.</summary>
    public static OdeSolverException TooManySteps(string solver, int maxSteps, double t, double tEnd) =>
        new($"{solver}: exceeded MaxSteps = {maxSteps} (accepted plus rejected) at t = {F(t)} before reaching {F(tEnd)}; "
            + "the problem may be stiff for this solver, or the tolerances too tight.") { Time = t };

    /// <summary>The exception for a step size below roundoff level.</summary>
    public static OdeSolverException StepSizeUnderflow(string solver, double h, double t, bool nonFinite) =>
        new(nonFinite
            ? $"{solver}: the state or derivative became non-finite near t = {F(t)} and the step size shrank to {F(h)}, below roundoff."
            : $"{solver}: step size underflow at t = {F(t)}: h = {F(h)} is below roundoff; the solution may have a singularity there.") { Time = t };

    /// <summary>The exception for a non-finite state in a fixed-step (test) run, where no retry is possible.</summary>
    public static OdeSolverException NonFiniteState(string solver, double t) =>
        new($"{solver}: the state or derivative became non-finite in the step from t = {F(t)}.") { Time = t };

    private static string F(double value) => Guard.F(value);
}
