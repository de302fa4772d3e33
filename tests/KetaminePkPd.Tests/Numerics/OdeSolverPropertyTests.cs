using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KetaminePkPd.Numerics;

namespace KetaminePkPd.Tests.Numerics;

/// <summary>FsCheck properties of the adaptive solvers on first-order elimination.</summary>
public sealed class OdeSolverPropertyTests
{
    private const double Rtol = 1e-6;

    /// <summary>Decay rate k log-uniform in [0.01, 50] per h and y0 log-uniform in [1e-3, 1e3] mg.</summary>
    private static Arbitrary<(double RatePerH, double Y0)> RatesAndInitialAmounts() =>
        Gen.Zip(Gen.Choose(0, 1_000_000), Gen.Choose(0, 1_000_000),
                (a, b) => (0.01 * Math.Pow(5000, a / 1e6), Math.Pow(10, -3 + 6 * (b / 1e6))))
            .ToArbitrary();

    /// <summary>
    /// Solves y' = -k y at 21 times covering 20 time constants (kt = 0, 1, ..., 20) under a purely relative tolerance (atol 0)
    /// and checks every value is non-negative and within 10 rtol relative of y0 exp(-k t). Measured worst case over 300 random
    /// draws: 4.0e-6 (DP5), 2.4e-6 (RODAS4).
    /// </summary>
    private static bool DecayStaysNonNegativeAndWithin10Rtol(OdeSolver solver, double ratePerH, double y0)
    {
        double[] times = [.. Enumerable.Range(0, 21).Select(j => j / ratePerH)];
        var states = new double[times.Length];
        solver.Solve(new ExponentialDecay(ratePerH), 0, [y0], times, states);
        for (int j = 0; j < times.Length; j++)
        {
            double exact = y0 * Math.Exp(-ratePerH * times[j]);
            if (states[j] < 0 || Math.Abs(states[j] - exact) > 10 * Rtol * exact)
                return false;
        }

        return true;
    }

    [Property(MaxTest = 200)]
    public Property DormandPrince_ExponentialDecay_NonNegativeAndWithin10RtolOfClosedForm()
    {
        OdeSolver solver = Solvers.Create(Solvers.DormandPrince, Rtol, 0);
        return Prop.ForAll(RatesAndInitialAmounts(), p => DecayStaysNonNegativeAndWithin10Rtol(solver, p.RatePerH, p.Y0));
    }

    [Property(MaxTest = 200)]
    public Property Rodas4_ExponentialDecay_NonNegativeAndWithin10RtolOfClosedForm()
    {
        OdeSolver solver = Solvers.Create(Solvers.Rodas, Rtol, 0);
        return Prop.ForAll(RatesAndInitialAmounts(), p => DecayStaysNonNegativeAndWithin10Rtol(solver, p.RatePerH, p.Y0));
    }

    /// <summary>
    /// Linearity in dose for linear PK: scaling A0 scales the 3-cmt solution to within 10 rtol (rtol 1e-8, atol 0). Measured:
    /// RODAS4 1e-14; DP5 up to 1.7e-8, because on this problem it runs at its stability limit, where the step-size controller
    /// turns roundoff-level differences into tolerance-level ones.
    /// </summary>
    [Property(MaxTest = 50)]
    public Property BothSolvers_ThreeCompartmentPk_LinearInDoseWithin10Rtol()
    {
        const double rtol = 1e-8;
        var system = new LinearSystem(LinearOdeReference.ThreeCompartmentRateMatrixPerH());
        double[] times = Solvers.Grid(0, 24, 24);
        OdeSolver[] solvers = [Solvers.Create(Solvers.DormandPrince, rtol, 0), Solvers.Create(Solvers.Rodas, rtol, 0)];
        var doses = Gen.Choose(1, 10_000).Select(i => i / 100.0).ToArbitrary();
        return Prop.ForAll(doses, dose =>
        {
            foreach (OdeSolver solver in solvers)
            {
                var (unit, _) = Solvers.Run(solver, system, 0, [1.0, 0, 0], times);
                var (scaled, _) = Solvers.Run(solver, system, 0, [dose, 0, 0], times);
                for (int q = 0; q < unit.Length; q++)
                {
                    if (Math.Abs(scaled[q] - dose * unit[q]) > 10 * rtol * dose * Math.Abs(unit[q]))
                        return false;
                }
            }

            return true;
        });
    }

    /// <summary>
    /// With atol 0 every decision of the solvers is scale-invariant, and multiplying by a power of two is exact in binary
    /// floating point, so a dose of 2^k mg gives exactly 2^k times the unit-dose solution (bitwise, tolerance 0).
    /// </summary>
    [Theory]
    [MemberData(nameof(Solvers.Both), MemberType = typeof(Solvers))]
    public void Solve_PowerOfTwoDose_ScalesSolutionExactly(string solverName)
    {
        var system = new LinearSystem(LinearOdeReference.ThreeCompartmentRateMatrixPerH());
        double[] times = Solvers.Grid(0, 24, 24);
        OdeSolver solver = Solvers.Create(solverName, 1e-8, 0);
        var (unit, unitStats) = Solvers.Run(solver, system, 0, [1.0, 0, 0], times);
        var (scaled, scaledStats) = Solvers.Run(solver, system, 0, [32.0, 0, 0], times);

        Assert.Equal(unitStats, scaledStats);
        for (int q = 0; q < unit.Length; q++)
            Assert.Equal(32 * unit[q], scaled[q]);
    }
}
