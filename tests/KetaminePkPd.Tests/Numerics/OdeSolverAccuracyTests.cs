using KetaminePkPd.Numerics;

namespace KetaminePkPd.Tests.Numerics;

/// <summary>Both adaptive solvers against closed forms and matrix-exponential references.</summary>
public sealed class OdeSolverAccuracyTests
{
    public static TheoryData<string, double> SolversAndTolerances => new()
    {
        { Solvers.DormandPrince, 1e-6 }, { Solvers.DormandPrince, 1e-9 },
        { Solvers.Rodas, 1e-6 }, { Solvers.Rodas, 1e-9 },
    };

    public static TheoryData<string> BothSolvers => Solvers.Both;

    // Global error at 100 outputs over 10 time constants; measured 1.3 rtol (DP5) and 1.06 rtol (RODAS4). Bound: 3 rtol.
    [Theory]
    [MemberData(nameof(SolversAndTolerances))]
    public void Solve_ExponentialDecay_MatchesClosedFormWithin3Rtol(string solverName, double rtol)
    {
        var system = new ExponentialDecay(0.7);
        double[] times = Solvers.Grid(0, 10, 100);
        var (states, _) = Solvers.Run(Solvers.Create(solverName, rtol, rtol * 1e-3), system, 0, [2.0], times);

        for (int k = 0; k < times.Length; k++)
        {
            double exact = system.Exact(2.0, times[k]);
            Assert.True(Math.Abs(states[k] - exact) <= 3 * rtol * exact,
                $"t = {times[k]}: got {states[k]:R}, exact {exact:R}, relative error {Math.Abs(states[k] - exact) / exact:E2} > 3 rtol.");
        }
    }

    // Three periods of y'' = -4 y; error relative to the amplitudes (1 and omega); measured 5.1 rtol (DP5), 4.0 rtol (RODAS4).
    // Bound: 10 rtol.
    [Theory]
    [MemberData(nameof(SolversAndTolerances))]
    public void Solve_LinearOscillator_MatchesClosedFormWithin10Rtol(string solverName, double rtol)
    {
        var system = new LinearOscillator(2.0);
        double w = system.Omega;
        double[] times = Solvers.Grid(0, 10, 100);
        var (states, _) = Solvers.Run(Solvers.Create(solverName, rtol, rtol), system, 0, [1.0, 0.0], times);

        for (int k = 0; k < times.Length; k++)
        {
            double t = times[k];
            Assert.InRange(states[2 * k] - Math.Cos(w * t), -10 * rtol, 10 * rtol);
            Assert.InRange((states[2 * k + 1] + w * Math.Sin(w * t)) / w, -10 * rtol, 10 * rtol);
        }
    }

    // The df/dt term of the Rosenbrock method is exercised only by a non-autonomous system. Measured <= 3.8 rtol. Bound: 10 rtol.
    [Theory]
    [MemberData(nameof(SolversAndTolerances))]
    public void Solve_NonAutonomousForcedDecay_MatchesClosedFormWithin10Rtol(string solverName, double rtol)
    {
        var system = new ForcedDecay(3.0);
        double[] times = Solvers.Grid(0, 10, 100);
        var (states, _) = Solvers.Run(Solvers.Create(solverName, rtol, rtol), system, 0, [1.0], times);

        for (int k = 0; k < times.Length; k++)
            Assert.InRange(states[k] - system.Exact(1.0, times[k]), -10 * rtol, 10 * rtol);
    }

    // Reference: exp(K t) A0 by eigendecomposition. Measured max relative error 9.7e-9 (DP5), 1.7e-10 (RODAS4) at rtol 1e-10.
    // Bound: 1e-7 relative, every compartment, every time.
    [Theory]
    [MemberData(nameof(BothSolvers))]
    public void Solve_ThreeCompartmentPk_MatchesMatrixExponentialWithin1e7Relative(string solverName)
    {
        double[,] k = LinearOdeReference.ThreeCompartmentRateMatrixPerH();
        double[] a0 = [35, 0, 0];
        double[] times = [0.05, 0.25, 1, 4, 12, 24];
        var (states, _) = Solvers.Run(Solvers.Create(solverName, 1e-10, 1e-12), new LinearSystem(k), 0, a0, times);

        for (int j = 0; j < times.Length; j++)
        {
            double[] exact = LinearOdeReference.ByEigendecomposition(k, a0, times[j]);
            for (int i = 0; i < 3; i++)
            {
                double relative = Math.Abs(states[3 * j + i] - exact[i]) / Math.Abs(exact[i]);
                Assert.True(relative <= 1e-7, $"A{i + 1}({times[j]} h): got {states[3 * j + i]:R}, exact {exact[i]:R}, relative error {relative:E2}.");
            }
        }
    }

    // The two references are independent (eigenvectors vs Taylor series); they must agree to 1e-12 relative for the first to be trusted.
    [Fact]
    public void LinearOdeReference_EigendecompositionAndTaylor_AgreeWithin1e12Relative()
    {
        double[,] k = LinearOdeReference.ThreeCompartmentRateMatrixPerH();
        double[] a0 = [35, 0, 0];
        foreach (double t in new[] { 0.05, 1.0, 24.0 })
        {
            double[] byEvd = LinearOdeReference.ByEigendecomposition(k, a0, t);
            double[] byTaylor = LinearOdeReference.ByTaylorScalingSquaring(k, a0, t);
            for (int i = 0; i < 3; i++)
                Assert.True(Math.Abs(byEvd[i] - byTaylor[i]) <= 1e-12 * Math.Abs(byEvd[i]), $"t = {t}, A{i + 1}: {byEvd[i]:R} vs {byTaylor[i]:R}.");
        }
    }

    // Two independent methods agree with each other to 1e-7 relative on a 24 h profile with 97 outputs at rtol 1e-9.
    [Fact]
    public void Solve_ThreeCompartmentPk_BothSolversAgreeWithin1e7Relative()
    {
        double[,] k = LinearOdeReference.ThreeCompartmentRateMatrixPerH();
        double[] times = Solvers.Grid(0, 24, 97);
        var system = new LinearSystem(k);
        var (dp, _) = Solvers.Run(Solvers.Create(Solvers.DormandPrince, 1e-9, 1e-13), system, 0, [35, 0, 0], times);
        var (ro, _) = Solvers.Run(Solvers.Create(Solvers.Rodas, 1e-9, 1e-13), system, 0, [35, 0, 0], times);

        for (int q = 0; q < dp.Length; q++)
            Assert.True(Math.Abs(dp[q] - ro[q]) <= 1e-7 * Math.Abs(ro[q]), $"Element {q}: DP5 {dp[q]:R}, RODAS4 {ro[q]:R}.");
    }

    // Dense output: 2000 outputs must not add a single step, the shared end point must be bit-identical, and the interpolated
    // states must be as accurate as the step ends (measured: dense 5.1 rtol vs end 3.9 rtol for DP5, 4.0 vs 3.8 for RODAS4).
    // Bound: dense error <= 10 rtol and <= 2 x the end-point error + 1 rtol.
    [Theory]
    [MemberData(nameof(SolversAndTolerances))]
    public void Solve_DenseOutputTimes_AddNoStepsAndMatchClosedFormAsWellAsStepEnds(string solverName, double rtol)
    {
        var system = new LinearOscillator(2.0);
        double w = system.Omega;
        OdeSolver solver = Solvers.Create(solverName, rtol, rtol);
        double[] few = [5, 10];
        double[] many = Solvers.Grid(0, 10, 2000);
        var (sparse, sparseStats) = Solvers.Run(solver, system, 0, [1.0, 0.0], few);
        var (dense, denseStats) = Solvers.Run(solver, system, 0, [1.0, 0.0], many);

        Assert.Equal(sparseStats, denseStats);
        Assert.Equal(sparse[2], dense[^2]);
        Assert.Equal(sparse[3], dense[^1]);

        double endError = Math.Max(Math.Abs(sparse[2] - Math.Cos(w * 10)), Math.Abs(sparse[3] + w * Math.Sin(w * 10)) / w);
        double denseError = 0;
        for (int k = 0; k < many.Length; k++)
        {
            double t = many[k];
            denseError = Math.Max(denseError, Math.Abs(dense[2 * k] - Math.Cos(w * t)));
            denseError = Math.Max(denseError, Math.Abs(dense[2 * k + 1] + w * Math.Sin(w * t)) / w);
        }

        Assert.True(denseError <= 10 * rtol, $"Dense-output error {denseError:E2} > 10 rtol.");
        Assert.True(denseError <= 2 * endError + rtol, $"Dense-output error {denseError:E2} much worse than the step-end error {endError:E2}.");
    }

    [Theory]
    [MemberData(nameof(BothSolvers))]
    public void Solve_OutputTimesEqualToT0_ReturnY0Exactly(string solverName)
    {
        var system = new ExponentialDecay(1.0);
        var (states, statistics) = Solvers.Run(Solvers.Create(solverName, 1e-6, 1e-9), system, 2.0, [3.5], [2.0, 2.0, 3.0]);

        Assert.Equal(3.5, states[0]);
        Assert.Equal(3.5, states[1]);
        Assert.Equal(system.Exact(3.5, 1.0), states[2], 5e-6 * 3.5);
        Assert.True(statistics.AcceptedSteps > 0);
    }

    [Theory]
    [MemberData(nameof(BothSolvers))]
    public void Solve_AllOutputTimesEqualToT0_TakesNoStepsAndEvaluatesNothing(string solverName)
    {
        var (states, statistics) = Solvers.Run(Solvers.Create(solverName, 1e-6, 1e-9), new ExponentialDecay(1.0), 1.0, [4.0], [1.0]);

        Assert.Equal(4.0, states[0]);
        Assert.Equal(default, statistics);
    }

    // The last step is clamped: the right-hand side is never evaluated past the last output time (exact comparison).
    [Theory]
    [MemberData(nameof(BothSolvers))]
    public void Solve_LastOutputTime_IsNeverStepped(string solverName)
    {
        var recorder = new TimeRecorder(new LinearOscillator(2.0));
        Solvers.Run(Solvers.Create(solverName, 1e-6, 1e-6), recorder, 0, [1.0, 0.0], [0.3, 1.7, 7.123456789]);

        Assert.True(recorder.MaxTime <= 7.123456789, $"Evaluated at t = {recorder.MaxTime:R}, past the end.");
        Assert.True(recorder.MaxTime >= 7.123456789 - 1e-9, "The end time was not reached.");
    }

    // 250 states: the work space no longer fits the stack budget and is rented; results must be unchanged (each component to 3 rtol).
    [Theory]
    [MemberData(nameof(BothSolvers))]
    public void Solve_LargeSystemWithPooledWorkSpace_MatchesClosedFormWithin3Rtol(string solverName)
    {
        const int n = 250;
        double[] rates = [.. Enumerable.Range(0, n).Select(i => 0.1 + 0.01 * i)];
        double[] y0 = [.. Enumerable.Range(0, n).Select(i => 1.0 + i)];
        double[] times = [1.0, 2.0];
        var (states, _) = Solvers.Run(Solvers.Create(solverName, 1e-6, 1e-12), new DecoupledDecay(rates), 0, y0, times);

        for (int k = 0; k < times.Length; k++)
        {
            for (int i = 0; i < n; i++)
            {
                double exact = y0[i] * Math.Exp(-rates[i] * times[k]);
                Assert.True(Math.Abs(states[k * n + i] - exact) <= 3e-6 * exact, $"Component {i} at t = {times[k]}: {states[k * n + i]:R} vs {exact:R}.");
            }
        }
    }

    // Thread safety: one instance shared by 16 parallel solves gives results bit-identical to a serial solve (tolerance 0).
    [Theory]
    [MemberData(nameof(BothSolvers))]
    public void Solve_SharedInstanceInParallel_GivesBitIdenticalResults(string solverName)
    {
        OdeSolver solver = Solvers.Create(solverName, 1e-8, 1e-12);
        var system = new LinearSystem(LinearOdeReference.ThreeCompartmentRateMatrixPerH());
        double[] times = Solvers.Grid(0, 24, 97);
        var (serial, _) = Solvers.Run(solver, system, 0, [35, 0, 0], times);
        var parallel = new double[16][];

        Parallel.For(0, parallel.Length, i => parallel[i] = Solvers.Run(solver, system, 0, [35, 0, 0], times).States);

        foreach (double[] result in parallel)
            Assert.Equal(serial, result);
    }

    // No allocation per step: after a warm-up, a whole solve of the 3-cmt model (hundreds of steps, 97 outputs) allocates 0 bytes.
    [Theory]
    [MemberData(nameof(BothSolvers))]
    public void Solve_SmallSystem_AllocatesNothing(string solverName)
    {
        OdeSolver solver = Solvers.Create(solverName, 1e-6, 1e-9);
        var system = new LinearSystem(LinearOdeReference.ThreeCompartmentRateMatrixPerH());
        double[] y0 = [35, 0, 0];
        double[] times = Solvers.Grid(0, 24, 97);
        var states = new double[times.Length * 3];
        solver.Solve(system, 0, y0, times, states);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var statistics = solver.Solve(system, 0, y0, times, states);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(statistics.AcceptedSteps > 100);
        Assert.Equal(0, allocated);
    }
}
