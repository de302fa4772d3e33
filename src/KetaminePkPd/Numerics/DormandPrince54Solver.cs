using System.Buffers;

namespace KetaminePkPd.Numerics;

/// <summary>
/// The explicit Dormand-Prince 5(4) Runge-Kutta method with adaptive step size and dense output, for non-stiff systems
/// (the DOPRI5 code of Hairer, Norsett and Wanner).
/// </summary>
/// <remarks>
/// <para>
/// Seven stages, the last evaluated at the new solution and reused as the first stage of the next step (FSAL), so six
/// evaluations per step. The step is advanced with the fifth-order solution (local extrapolation); the difference to the
/// embedded fourth-order solution estimates the local error, measured in the RMS norm
/// <c>err = sqrt(mean_i (e_i / sc_i)^2)</c> with <c>sc_i = atol + rtol * max(|y0_i|, |y1_i|)</c>. A step is accepted when
/// <c>err &lt;= 1</c>. The next step comes from Hairer's PI controller
/// <c>h_new = h / clamp(err^(0.2 - 0.75 beta) / err_old^beta / 0.9, 0.1, 5)</c> with <c>beta = 0.04</c>; after a rejection
/// <c>h_new = h / min(5, err^0.17 / 0.9)</c> and the step may not grow on the next acceptance. The first step is chosen
/// automatically (Hairer's HINIT). The last step is clamped to end exactly at the last output time.
/// </para>
/// <para>
/// Output times inside a step are filled from Shampine's fourth-order continuous extension (the CONTD5 coefficients of
/// dopri5.f), which costs no extra evaluations, so dense output never shortens steps.
/// </para>
/// <para>
/// For stiff systems (widely separated time constants, such as fast distribution with slow elimination and a long horizon)
/// the step size is limited by stability rather than accuracy; use <see cref="Rodas4Solver"/> there.
/// </para>
/// <para>
/// References: J. R. Dormand and P. J. Prince, "A family of embedded Runge-Kutta formulae", J. Comput. Appl. Math. 6 (1980)
/// 19-26; E. Hairer, S. P. Norsett and G. Wanner, Solving Ordinary Differential Equations I: Nonstiff Problems, 2nd ed.,
/// Springer (1993), sections II.4 (step size control, starting step), II.5 (Table 5.2, the method), II.6 (dense output,
/// continuous extension) and IV.2 (PI stabilisation), and their Fortran code dopri5.f; L. F. Shampine, "Some practical
/// Runge-Kutta formulas", Math. Comp. 46 (1986) 135-150.
/// </para>
/// <para>
/// A non-finite state or derivative in a trial step rejects it and retries at a quarter of the step; if that drives the
/// step below roundoff, the solve stops with an <see cref="OdeSolverException"/> at the time reached.
/// </para>
/// <para>
/// Instances are immutable and thread-safe. A solve allocates nothing: its work space (10 n doubles) is on the stack for
/// up to 204 states and rented from <see cref="ArrayPool{T}.Shared"/> beyond that.
/// </para>
/// </remarks>
internal sealed class DormandPrince54Solver : OdeSolver
{
    private const string Name = "Dormand-Prince 5(4)";

    // Nodes and coefficients: Hairer, Norsett and Wanner, Solving ODEs I, Table II.5.2 (dopri5.f, CDOPRI).
    private const double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private const double A21 = 1.0 / 5;
    private const double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private const double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private const double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    private const double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176, A65 = -5103.0 / 18656;
    private const double A71 = 35.0 / 384, A73 = 500.0 / 1113, A74 = 125.0 / 192, A75 = -2187.0 / 6784, A76 = 11.0 / 84;

    // Error coefficients: fifth-order weights minus embedded fourth-order weights.
    private const double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200, E6 = 22.0 / 525, E7 = -1.0 / 40;

    // Continuous extension (dopri5.f, CONTD5; Shampine 1986).
    private const double D1 = -12715105075.0 / 11282082432, D3 = 87487479700.0 / 32700410799, D4 = -10690763975.0 / 1880347072,
        D5 = 701980252875.0 / 199316789632, D6 = -1453857185.0 / 822651844, D7 = 69997945.0 / 29380423;

    // Step size control (dopri5.f defaults): safety 0.9, 0.2 <= h_new / h <= 10, PI stabilisation beta = 0.04.
    private const double Safety = 0.9;
    private const double MaxShrinkFactor = 1.0 / 0.2; // fac = h / h_new is at most 5
    private const double MaxGrowthFactor = 1.0 / 10.0; // and at least 0.1
    private const double Beta = 0.04;
    private const double Exponent = 0.2 - Beta * 0.75;

    // y, y1, k1 = f(t, y), stage state, k2..k7 (the layout of IAdaptiveStepper).
    private const int Vectors = 10;

    /// <summary>Creates the solver with <see cref="OdeTolerances.Default"/> (relative 1e-6, absolute 1e-9, 100 000 steps).</summary>
    public DormandPrince54Solver()
        : this(OdeTolerances.Default)
    {
    }

    /// <summary>Creates the solver with the given tolerances.</summary>
    /// <param name="tolerances">Relative and absolute tolerances and the step budget.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tolerances"/> is null.</exception>
    public DormandPrince54Solver(OdeTolerances tolerances)
        : base(tolerances)
    {
    }

    /// <summary>
    /// Test hook: a solver that takes steps of exactly <paramref name="fixedStepSize"/> (the last one clamped to the end time)
    /// and accepts every step, to measure the order of the underlying scheme.
    /// </summary>
    internal DormandPrince54Solver(OdeTolerances tolerances, double fixedStepSize)
        : base(tolerances, Guard.Positive(fixedStepSize, nameof(fixedStepSize)))
    {
    }

    /// <inheritdoc />
    public override OdeStatistics Solve(IOdeSystem system, double t0, ReadOnlySpan<double> y0, ReadOnlySpan<double> outputTimes, Span<double> outputStates) =>
        OdeSolverCore.Solve(new Stepper(), Tolerances, FixedStepSize, system, t0, y0, outputTimes, outputStates);

    /// <summary>The Dormand-Prince step, its continuous extension and Hairer's PI controller.</summary>
    private struct Stepper : IAdaptiveStepper
    {
        private double _errOld;

        public Stepper() => _errOld = 1e-4;

        public readonly string Name => DormandPrince54Solver.Name;

        public readonly int Order => 5;

        public readonly double LastStepReach => 1.01;

        public readonly int Jacobians => 0;

        public readonly int Factorizations => 0;

        public readonly int WorkLength(int n) => Vectors * n;

        public readonly int PivotLength(int n) => 0;

        public readonly bool TryStep(IOdeSystem system, int n, double t, double h, double tNew, Span<double> work, Span<int> pivots, OdeTolerances tolerances,
            bool fixedStep, ref int evaluations, out double err)
        {
            ReadOnlySpan<double> y = work.Slice(0, n);
            Span<double> y1 = work.Slice(n, n), k1 = work.Slice(2 * n, n), ys = work.Slice(3 * n, n);
            Span<double> k2 = work.Slice(4 * n, n), k3 = work.Slice(5 * n, n), k4 = work.Slice(6 * n, n);
            Span<double> k5 = work.Slice(7 * n, n), k6 = work.Slice(8 * n, n), k7 = work.Slice(9 * n, n);

            for (int i = 0; i < n; i++)
                ys[i] = y[i] + h * A21 * k1[i];
            system.Evaluate(t + C2 * h, ys, k2);
            for (int i = 0; i < n; i++)
                ys[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
            system.Evaluate(t + C3 * h, ys, k3);
            for (int i = 0; i < n; i++)
                ys[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
            system.Evaluate(t + C4 * h, ys, k4);
            for (int i = 0; i < n; i++)
                ys[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
            system.Evaluate(t + C5 * h, ys, k5);
            for (int i = 0; i < n; i++)
                ys[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
            system.Evaluate(tNew, ys, k6);
            for (int i = 0; i < n; i++)
                y1[i] = y[i] + h * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
            system.Evaluate(tNew, y1, k7);
            evaluations += 6;

            // Error estimate, reusing ys for e_i = h * sum_j E_j k_j.
            for (int i = 0; i < n; i++)
                ys[i] = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
            err = OdeSolverCore.ErrorNorm(ys, y, y1, tolerances.AbsoluteTolerance, tolerances.RelativeTolerance);
            if (!OdeSolverCore.AllFinite(y1) || !OdeSolverCore.AllFinite(k7))
                err = double.NaN;
            return true;
        }

        public readonly void Interpolate(int n, ReadOnlySpan<double> work, double theta, double h, Span<double> target)
        {
            ReadOnlySpan<double> y = work.Slice(0, n), y1 = work.Slice(n, n), k1 = work.Slice(2 * n, n);
            ReadOnlySpan<double> k3 = work.Slice(5 * n, n), k4 = work.Slice(6 * n, n), k5 = work.Slice(7 * n, n);
            ReadOnlySpan<double> k6 = work.Slice(8 * n, n), k7 = work.Slice(9 * n, n);
            double theta1 = 1 - theta;
            for (int i = 0; i < n; i++)
            {
                double yDiff = y1[i] - y[i];
                double bspl = h * k1[i] - yDiff;
                double r4 = yDiff - h * k7[i] - bspl;
                double r5 = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
                target[i] = y[i] + theta * (yDiff + theta1 * (bspl + theta * (r4 + theta1 * r5)));
            }
        }

        // First same as last: f at the new state is the next step's k1.
        public readonly void Advance(int n, Span<double> work)
        {
            work.Slice(9 * n, n).CopyTo(work.Slice(2 * n, n));
        }

        public double AcceptedStepDivisor(double err, double h, int accepted)
        {
            double fac = Math.Pow(err, Exponent) / Math.Pow(_errOld, Beta);
            fac = Math.Clamp(fac / Safety, MaxGrowthFactor, MaxShrinkFactor);
            _errOld = Math.Max(err, 1e-4);
            return fac;
        }

        public readonly double RejectedStepDivisor(double err) => Math.Min(MaxShrinkFactor, Math.Pow(err, Exponent) / Safety);
    }
}
