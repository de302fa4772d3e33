using KetaminePkPd.Numerics;

namespace KetaminePkPd.Tests.Numerics;

/// <summary>Argument checks and failure modes of both solvers.</summary>
public sealed class OdeSolverValidationTests
{
    public static TheoryData<string> BothSolvers => Solvers.Both;

    private static ArgumentException SolveExpectingArgumentException(string solverName, IOdeSystem? system, double t0, double[] y0, double[] times, int statesLength)
    {
        OdeSolver solver = Solvers.Create(solverName, 1e-6, 1e-9);
        var states = new double[statesLength];
        return Assert.ThrowsAny<ArgumentException>(() => solver.Solve(system!, t0, y0, times, states));
    }

    [Theory]
    [MemberData(nameof(BothSolvers))]
    public void Solve_UnsortedOutputTimes_ThrowsArgumentExceptionNamingTheTimes(string solverName)
    {
        var ex = SolveExpectingArgumentException(solverName, new ExponentialDecay(1), 0, [1.0], [1.0, 3.0, 2.0], 3);

        Assert.Equal("outputTimes", ex.ParamName);
        Assert.Contains("outputTimes[2] = 2 after outputTimes[1] = 3", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BothSolvers))]
    public void Solve_OutputTimeBeforeT0_ThrowsArgumentException(string solverName)
    {
        var ex = SolveExpectingArgumentException(solverName, new ExponentialDecay(1), 1.0, [1.0], [0.5, 2.0], 2);

        Assert.Equal("outputTimes", ex.ParamName);
        Assert.Contains("outputTimes[0] must be >= t0 = 1, got 0.5", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BothSolvers))]
    public void Solve_InitialStateOfWrongLength_ThrowsArgumentException(string solverName)
    {
        var ex = SolveExpectingArgumentException(solverName, new LinearOscillator(1), 0, [1.0, 0.0, 0.0], [1.0], 2);

        Assert.Equal("y0", ex.ParamName);
        Assert.Contains("length system.Dimension = 2, got 3", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BothSolvers))]
    public void Solve_OutputStatesTooShort_ThrowsArgumentException(string solverName)
    {
        var ex = SolveExpectingArgumentException(solverName, new LinearOscillator(1), 0, [1.0, 0.0], [1.0, 2.0], 3);

        Assert.Equal("outputStates", ex.ParamName);
        Assert.Contains("= 4, got 3", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BothSolvers))]
    public void Solve_NoOutputTimes_ThrowsArgumentException(string solverName)
    {
        var ex = SolveExpectingArgumentException(solverName, new ExponentialDecay(1), 0, [1.0], [], 0);

        Assert.Equal("outputTimes", ex.ParamName);
    }

    [Theory]
    [MemberData(nameof(BothSolvers))]
    public void Solve_NonFiniteInputs_ThrowArgumentExceptionNamingTheParameter(string solverName)
    {
        Assert.Equal("outputTimes", SolveExpectingArgumentException(solverName, new ExponentialDecay(1), 0, [1.0], [1.0, double.NaN], 2).ParamName);
        Assert.Equal("outputTimes", SolveExpectingArgumentException(solverName, new ExponentialDecay(1), 0, [1.0], [double.PositiveInfinity], 1).ParamName);
        Assert.Equal("y0", SolveExpectingArgumentException(solverName, new ExponentialDecay(1), 0, [double.NaN], [1.0], 1).ParamName);
        Assert.Equal("t0", SolveExpectingArgumentException(solverName, new ExponentialDecay(1), double.NaN, [1.0], [1.0], 1).ParamName);
    }

    [Theory]
    [MemberData(nameof(BothSolvers))]
    public void Solve_NullSystem_ThrowsArgumentNullException(string solverName)
    {
        var ex = SolveExpectingArgumentException(solverName, null, 0, [1.0], [1.0], 1);

        Assert.IsType<ArgumentNullException>(ex);
        Assert.Equal("system", ex.ParamName);
    }

    [Fact]
    public void Constructors_NullTolerances_ThrowArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new DormandPrince54Solver(null!));
        Assert.Throws<ArgumentNullException>(() => new Rodas4Solver(null!));
    }

    [Fact]
    public void FixedStepTestHook_NonPositiveStep_ThrowsArgumentOutOfRangeException()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DormandPrince54Solver(OdeTolerances.Default, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rodas4Solver(OdeTolerances.Default, -1));
    }

    // Three periods of the oscillator need about 80 (DP5) / 150 (RODAS4) steps at rtol 1e-6; a budget of 20 must fail
    // part-way, with the time reached reported.
    [Theory]
    [MemberData(nameof(BothSolvers))]
    public void Solve_MaxStepsExceeded_ThrowsOdeSolverExceptionWithTimeReached(string solverName)
    {
        OdeSolver solver = Solvers.Create(solverName, 1e-6, 1e-6, maxSteps: 20);

        var ex = Assert.Throws<OdeSolverException>(() => Solvers.Run(solver, new LinearOscillator(2), 0, [1.0, 0.0], [10.0]));

        Assert.InRange(ex.Time, 1e-3, 10.0 - 1e-3);
        Assert.Contains("MaxSteps = 20", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BothSolvers))]
    public void Solve_NonFiniteDerivativeAtT0_ThrowsOdeSolverExceptionAtT0(string solverName)
    {
        OdeSolver solver = Solvers.Create(solverName, 1e-6, 1e-9);

        var ex = Assert.Throws<OdeSolverException>(() => Solvers.Run(solver, new NonFiniteAfter(-1), 0.5, [1.0], [2.0]));

        Assert.Equal(0.5, ex.Time);
    }

    // The derivative turns NaN after t = 1: the solver retries with smaller steps, closes in on t = 1, then reports a
    // non-finite state with the time reached (within 1e-6 of 1).
    [Theory]
    [MemberData(nameof(BothSolvers))]
    public void Solve_DerivativeTurnsNonFiniteMidRun_ThrowsOdeSolverExceptionNearThatTime(string solverName)
    {
        OdeSolver solver = Solvers.Create(solverName, 1e-6, 1e-9);

        var ex = Assert.Throws<OdeSolverException>(() => Solvers.Run(solver, new NonFiniteAfter(1.0), 0, [1.0], [2.0]));

        Assert.InRange(ex.Time, 1.0 - 1e-6, 1.0);
        Assert.Contains("non-finite", ex.Message, StringComparison.Ordinal);
    }
}
