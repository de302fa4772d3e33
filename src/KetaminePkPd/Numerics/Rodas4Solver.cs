using System.Buffers;

namespace KetaminePkPd.Numerics;

/// <summary>
/// The linearly implicit Rosenbrock method RODAS4 of Hairer and Wanner, for stiff systems: L-stable, stiffly accurate,
/// order 4 with an embedded order-3 error estimate and a third-order dense output.
/// </summary>
/// <remarks>
/// <para>
/// Each step solves six linear systems with the single matrix <c>E = I / (gamma h) - J</c>, <c>gamma = 1/4</c>, where J is
/// the Jacobian df/dy at the start of the step: stage i solves
/// <c>E k_i = f(t + c_i h, y + sum_j a_ij k_j) + sum_j (c_ij / h) k_j + h d_i df/dt</c>, the embedded solution is
/// <c>y + sum a_5j k_j + k_5</c> and the new solution adds <c>k_6</c>, which is therefore the local error estimate.
/// Coefficients are those of rodas.f (ROCOE, METH = 1). The Jacobian comes from
/// <see cref="IOdeSystemWithJacobian.EvaluateJacobian"/> when the system implements it, otherwise from forward differences
/// with increments <c>sqrt(eps * max(1e-5, |y_j|))</c>; df/dt is always a forward difference with increment
/// <c>sqrt(eps * max(1e-5, |t|))</c> (exactly zero for an autonomous system). E is factorised by a dense LU with partial
/// pivoting, once per attempted step; the Jacobian is kept when a step is rejected.
/// </para>
/// <para>
/// The error is measured in the RMS norm <c>sqrt(mean_i (k6_i / sc_i)^2)</c>, <c>sc_i = atol + rtol * max(|y0_i|, |y1_i|)</c>,
/// and the step size follows rodas.f: <c>h_new = h / clamp(err^(1/4) / 0.9, 1/6, 5)</c>, with Gustafsson's predictive
/// controller after acceptances. The first step is chosen by Hairer's HINIT formula with order 4. The last step is clamped
/// to end exactly at the last output time. Output times inside a step come from the method's dense output
/// <c>y(t + s h) = (1 - s) y0 + s (y1 + (1 - s) (g_1 + s g_2))</c>, <c>g = sum_j d_j k_j</c>, which costs no evaluations.
/// If E is exactly singular the step is halved; five consecutive failures stop the solve. A non-finite state in a trial
/// step rejects it and retries at a quarter of the step (until the step falls below roundoff); a non-finite Jacobian or
/// df/dt stops the solve at once.
/// </para>
/// <para>
/// Cost per step: one Jacobian (n + 1 evaluations by differences, or the analytic one plus 1 for df/dt), one LU of an n-by-n
/// matrix, and six evaluations of f.
/// </para>
/// <para>
/// References: E. Hairer and G. Wanner, Solving Ordinary Differential Equations II: Stiff and Differential-Algebraic
/// Problems, 2nd rev. ed., Springer (1996), section IV.7 (Rosenbrock methods, RODAS, dense output) and their Fortran code
/// rodas.f; K. Gustafsson, "Control-theoretic techniques for stepsize selection in implicit Runge-Kutta methods",
/// ACM Trans. Math. Softw. 20 (1994) 496-517.
/// </para>
/// <para>
/// Instances are immutable and thread-safe. A solve allocates nothing: its work space (12 n + 2 n^2 doubles and n pivots)
/// is on the stack for up to 29 states and rented from <see cref="ArrayPool{T}.Shared"/> beyond that.
/// </para>
/// </remarks>
internal sealed class Rodas4Solver : OdeSolver
{
    private const string Name = "RODAS4";

    // rodas.f, ROCOE with METH = 1.
    private const double Gamma = 0.25;
    private const double C2 = 0.386, C3 = 0.21, C4 = 0.63;
    private const double D1 = 0.25, D2 = -0.1043, D3 = 0.1035, D4 = -0.3620000000000023e-01;
    private const double A21 = 0.1544000000000000e+01;
    private const double A31 = 0.9466785280815826e+00, A32 = 0.2557011698983284e+00;
    private const double A41 = 0.3314825187068521e+01, A42 = 0.2896124015972201e+01, A43 = 0.9986419139977817e+00;
    private const double A51 = 0.1221224509226641e+01, A52 = 0.6019134481288629e+01, A53 = 0.1253708332932087e+02, A54 = -0.6878860361058950e+00;
    private const double C21 = -0.5668800000000000e+01;
    private const double C31 = -0.2430093356833875e+01, C32 = -0.2063599157091915e+00;
    private const double C41 = -0.1073529058151375e+00, C42 = -0.9594562251023355e+01, C43 = -0.2047028614809616e+02;
    private const double C51 = 0.7496443313967647e+01, C52 = -0.1024680431464352e+02, C53 = -0.3399990352819905e+02, C54 = 0.1170890893206160e+02;
    private const double C61 = 0.8083246795921522e+01, C62 = -0.7981132988064893e+01, C63 = -0.3152159432874371e+02, C64 = 0.1631930543123136e+02,
        C65 = -0.6058818238834054e+01;

    // Dense output (rodas.f, ROCOE: D21..D35).
    private const double D21 = 0.1012623508344586e+02, D22 = -0.7487995877610167e+01, D23 = -0.3480091861555747e+02, D24 = -0.7992771707568823e+01,
        D25 = 0.1025137723295662e+01;
    private const double D31 = -0.6762803392801253e+00, D32 = 0.6087714651680015e+01, D33 = 0.1643084320892478e+02, D34 = 0.2476722511418386e+02,
        D35 = -0.6594389125716872e+01;

    // Step size control (rodas.f defaults): safety 0.9, 0.2 <= h_new / h <= 6.
    private const double Safety = 0.9;
    private const double MaxShrinkFactor = 5.0; // fac = h / h_new is at most 1 / 0.2
    private const double MaxGrowthFactor = 1.0 / 6.0; // and at least 1 / 6
    private const int MaxConsecutiveSingular = 5;

    // y, y1, f(t, y), stage state, f at a stage, df/dt, k1..k6 (the layout of IAdaptiveStepper), then J and the LU of E.
    private const int Vectors = 12;

    /// <summary>Creates the solver with <see cref="OdeTolerances.Default"/> (relative 1e-6, absolute 1e-9, 100 000 steps).</summary>
    public Rodas4Solver()
        : this(OdeTolerances.Default)
    {
    }

    /// <summary>Creates the solver with the given tolerances.</summary>
    /// <param name="tolerances">Relative and absolute tolerances and the step budget.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tolerances"/> is null.</exception>
    public Rodas4Solver(OdeTolerances tolerances)
        : base(tolerances)
    {
    }

    /// <summary>
    /// Test hook: a solver that takes steps of exactly <paramref name="fixedStepSize"/> (the last one clamped to the end time)
    /// and accepts every step, to measure the order of the underlying scheme.
    /// </summary>
    internal Rodas4Solver(OdeTolerances tolerances, double fixedStepSize)
        : base(tolerances, Guard.Positive(fixedStepSize, nameof(fixedStepSize)))
    {
    }

    /// <inheritdoc />
    public override OdeStatistics Solve(IOdeSystem system, double t0, ReadOnlySpan<double> y0, ReadOnlySpan<double> outputTimes, Span<double> outputStates) =>
        OdeSolverCore.Solve(new Stepper(), Tolerances, FixedStepSize, system, t0, y0, outputTimes, outputStates);

    /// <summary>The RODAS4 step (Jacobian, factorisation, six stages), its dense output and the rodas.f controller.</summary>
    private struct Stepper : IAdaptiveStepper
    {
        private double _hAccepted, _errAccepted;
        private bool _haveJacobian, _haveDerivative;
        private int _consecutiveSingular;

        public Stepper()
        {
            _errAccepted = 0.01;
            _haveDerivative = true;
        }

        public readonly string Name => Rodas4Solver.Name;

        public readonly int Order => 4;

        public readonly double LastStepReach => 1.0001;

        public int Jacobians { get; private set; }

        public int Factorizations { get; private set; }

        public readonly int WorkLength(int n) => Vectors * n + 2 * n * n;

        public readonly int PivotLength(int n) => n;

        public bool TryStep(IOdeSystem system, int n, double t, double h, double tNew, Span<double> work, Span<int> pivots, OdeTolerances tolerances,
            bool fixedStep, ref int evaluations, out double err)
        {
            ReadOnlySpan<double> y = work.Slice(0, n);
            Span<double> y1 = work.Slice(n, n), dy1 = work.Slice(2 * n, n), ys = work.Slice(3 * n, n);
            Span<double> dy = work.Slice(4 * n, n), fx = work.Slice(5 * n, n);
            Span<double> k1 = work.Slice(6 * n, n), k2 = work.Slice(7 * n, n), k3 = work.Slice(8 * n, n);
            Span<double> k4 = work.Slice(9 * n, n), k5 = work.Slice(10 * n, n), k6 = work.Slice(11 * n, n);
            Span<double> jacobian = work.Slice(Vectors * n, n * n), lu = work.Slice(Vectors * n + n * n, n * n);

            if (!_haveJacobian)
            {
                if (!_haveDerivative)
                {
                    system.Evaluate(t, y, dy1);
                    evaluations++;
                    _haveDerivative = true;
                }

                if (system is IOdeSystemWithJacobian analytic)
                {
                    analytic.EvaluateJacobian(t, y, jacobian);
                }
                else
                {
                    evaluations += FiniteDifferenceJacobian(system, t, y, dy1, jacobian, ys, dy);
                }

                evaluations += FiniteDifferenceTimeDerivative(system, t, y, dy1, fx, dy);
                Jacobians++;
                _haveJacobian = true;
                if (!OdeSolverCore.AllFinite(jacobian) || !OdeSolverCore.AllFinite(fx) || !OdeSolverCore.AllFinite(dy1))
                    throw OdeSolverCore.NonFiniteState(Name, t);
            }

            // E = I / (gamma h) - J, factorised.
            double diagonal = 1.0 / (Gamma * h);
            for (int q = 0; q < n * n; q++)
                lu[q] = -jacobian[q];
            for (int i = 0; i < n; i++)
                lu[i * n + i] += diagonal;
            Factorizations++;
            if (!DenseLu.Factor(lu, n, pivots))
            {
                if (fixedStep || ++_consecutiveSingular >= MaxConsecutiveSingular)
                    throw new OdeSolverException(
                        $"{Name}: the matrix I/(gamma h) - J was singular {_consecutiveSingular} times in a row at t = {Guard.F(t)}, h = {Guard.F(h)}.")
                    { Time = t };
                err = double.NaN;
                return false;
            }

            _consecutiveSingular = 0;
            double hc21 = C21 / h, hc31 = C31 / h, hc32 = C32 / h, hc41 = C41 / h, hc42 = C42 / h, hc43 = C43 / h;
            double hc51 = C51 / h, hc52 = C52 / h, hc53 = C53 / h, hc54 = C54 / h;
            double hc61 = C61 / h, hc62 = C62 / h, hc63 = C63 / h, hc64 = C64 / h, hc65 = C65 / h;
            double hd1 = h * D1, hd2 = h * D2, hd3 = h * D3, hd4 = h * D4;

            for (int i = 0; i < n; i++)
                k1[i] = dy1[i] + hd1 * fx[i];
            DenseLu.Solve(lu, n, pivots, k1);

            for (int i = 0; i < n; i++)
                ys[i] = y[i] + A21 * k1[i];
            system.Evaluate(t + C2 * h, ys, dy);
            for (int i = 0; i < n; i++)
                k2[i] = dy[i] + hc21 * k1[i] + hd2 * fx[i];
            DenseLu.Solve(lu, n, pivots, k2);

            for (int i = 0; i < n; i++)
                ys[i] = y[i] + A31 * k1[i] + A32 * k2[i];
            system.Evaluate(t + C3 * h, ys, dy);
            for (int i = 0; i < n; i++)
                k3[i] = dy[i] + hc31 * k1[i] + hc32 * k2[i] + hd3 * fx[i];
            DenseLu.Solve(lu, n, pivots, k3);

            for (int i = 0; i < n; i++)
                ys[i] = y[i] + A41 * k1[i] + A42 * k2[i] + A43 * k3[i];
            system.Evaluate(t + C4 * h, ys, dy);
            for (int i = 0; i < n; i++)
                k4[i] = dy[i] + hc41 * k1[i] + hc42 * k2[i] + hc43 * k3[i] + hd4 * fx[i];
            DenseLu.Solve(lu, n, pivots, k4);

            for (int i = 0; i < n; i++)
                y1[i] = y[i] + A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i];
            system.Evaluate(tNew, y1, dy);
            for (int i = 0; i < n; i++)
                k5[i] = dy[i] + hc51 * k1[i] + hc52 * k2[i] + hc53 * k3[i] + hc54 * k4[i];
            DenseLu.Solve(lu, n, pivots, k5);

            // Embedded third-order solution, then the fourth-order one; k6 is their difference.
            for (int i = 0; i < n; i++)
                y1[i] += k5[i];
            system.Evaluate(tNew, y1, dy);
            for (int i = 0; i < n; i++)
                k6[i] = dy[i] + hc61 * k1[i] + hc62 * k2[i] + hc63 * k3[i] + hc64 * k4[i] + hc65 * k5[i];
            DenseLu.Solve(lu, n, pivots, k6);
            for (int i = 0; i < n; i++)
                y1[i] += k6[i];
            evaluations += 5;

            err = OdeSolverCore.ErrorNorm(k6, y, y1, tolerances.AbsoluteTolerance, tolerances.RelativeTolerance);
            if (!OdeSolverCore.AllFinite(y1))
                err = double.NaN;
            return true;
        }

        public readonly void Interpolate(int n, ReadOnlySpan<double> work, double s, double h, Span<double> target)
        {
            ReadOnlySpan<double> y = work.Slice(0, n), y1 = work.Slice(n, n);
            ReadOnlySpan<double> k1 = work.Slice(6 * n, n), k2 = work.Slice(7 * n, n), k3 = work.Slice(8 * n, n);
            ReadOnlySpan<double> k4 = work.Slice(9 * n, n), k5 = work.Slice(10 * n, n);
            double s1 = 1 - s;
            for (int i = 0; i < n; i++)
            {
                double g1 = D21 * k1[i] + D22 * k2[i] + D23 * k3[i] + D24 * k4[i] + D25 * k5[i];
                double g2 = D31 * k1[i] + D32 * k2[i] + D33 * k3[i] + D34 * k4[i] + D35 * k5[i];
                target[i] = s1 * y[i] + s * (y1[i] + s1 * (g1 + s * g2));
            }
        }

        // A new Jacobian and f(t, y) at the start of every step.
        public void Advance(int n, Span<double> work)
        {
            _haveJacobian = false;
            _haveDerivative = false;
        }

        public double AcceptedStepDivisor(double err, double h, int accepted)
        {
            double fac = RejectedStepDivisor(err);
            if (accepted > 1)
            {
                // Gustafsson's predictive controller.
                double facGustafsson = _hAccepted / h * Math.Pow(err * err / _errAccepted, 0.25) / Safety;
                fac = Math.Max(fac, Math.Clamp(facGustafsson, MaxGrowthFactor, MaxShrinkFactor));
            }

            _hAccepted = h;
            _errAccepted = Math.Max(0.01, err);
            return fac;
        }

        public readonly double RejectedStepDivisor(double err) => Math.Clamp(Math.Pow(err, 0.25) / Safety, MaxGrowthFactor, MaxShrinkFactor);
    }

    /// <summary>Forward-difference Jacobian, column by column; returns the number of evaluations (n).</summary>
    private static int FiniteDifferenceJacobian(IOdeSystem system, double t, ReadOnlySpan<double> y, ReadOnlySpan<double> f,
        Span<double> jacobian, Span<double> yPerturbed, Span<double> fPerturbed)
    {
        int n = y.Length;
        y.CopyTo(yPerturbed);
        for (int j = 0; j < n; j++)
        {
            double yj = y[j];
            yPerturbed[j] = yj + Math.Sqrt(OdeSolverCore.MachineEpsilon * Math.Max(1e-5, Math.Abs(yj)));
            double delta = yPerturbed[j] - yj;
            system.Evaluate(t, yPerturbed, fPerturbed);
            for (int i = 0; i < n; i++)
                jacobian[i * n + j] = (fPerturbed[i] - f[i]) / delta;
            yPerturbed[j] = yj;
        }

        return n;
    }

    /// <summary>Forward-difference df/dt; returns the number of evaluations (1).</summary>
    private static int FiniteDifferenceTimeDerivative(IOdeSystem system, double t, ReadOnlySpan<double> y, ReadOnlySpan<double> f,
        Span<double> fx, Span<double> fPerturbed)
    {
        double tPerturbed = t + Math.Sqrt(OdeSolverCore.MachineEpsilon * Math.Max(1e-5, Math.Abs(t)));
        double delta = tPerturbed - t;
        system.Evaluate(tPerturbed, y, fPerturbed);
        for (int i = 0; i < fx.Length; i++)
            fx[i] = (fPerturbed[i] - f[i]) / delta;
        return 1;
    }
}
