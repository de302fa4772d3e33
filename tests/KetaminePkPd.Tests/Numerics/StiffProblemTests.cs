using KetaminePkPd.Numerics;

namespace KetaminePkPd.Tests.Numerics;

/// <summary>Classic stiff test problems: the stiff solver handles them in few steps, the explicit one needs far more or gives up.</summary>
public sealed class StiffProblemTests
{
    // Hairer and Wanner, Solving ODEs II, section IV.1 / IV.10 (Robertson, reference solution at t = 40).
    private static readonly double[] RobertsonAt40 = [0.7158270687, 9.185534764e-6, 0.2841637457];

    public static TheoryData<bool> WithAndWithoutJacobian => new() { true, false };

    // rtol 1e-7, atol 1e-14 (y2 is about 1e-5). Measured max relative error 1.6e-8 (analytic Jacobian, 187 steps) and 1.4e-8
    // (finite differences, 187 steps). Bound: 1e-6 relative per component, and fewer than 400 accepted steps.
    [Theory]
    [MemberData(nameof(WithAndWithoutJacobian))]
    public void Rodas4_Robertson_MatchesHairerWannerReferenceAt40Within1e6Relative(bool analyticJacobian)
    {
        IOdeSystem system = analyticJacobian ? new Robertson() : new WithoutJacobian(new Robertson());
        var (states, statistics) = Solvers.Run(Solvers.Create(Solvers.Rodas, 1e-7, 1e-14), system, 0, [1.0, 0, 0], [40.0]);

        for (int i = 0; i < 3; i++)
        {
            double relative = Math.Abs(states[i] - RobertsonAt40[i]) / RobertsonAt40[i];
            Assert.True(relative <= 1e-6, $"y{i + 1}(40) = {states[i]:R}, reference {RobertsonAt40[i]:R}, relative error {relative:E2}.");
        }

        Assert.InRange(statistics.AcceptedSteps, 1, 399);
        Assert.True(statistics.JacobianEvaluations >= statistics.AcceptedSteps);
        Assert.True(statistics.Factorizations >= statistics.AcceptedSteps + statistics.RejectedSteps);
    }

    // Robertson conserves y1 + y2 + y3 = 1 (a linear invariant Rosenbrock methods keep); checked to 1e-12 at 50 dense outputs.
    [Fact]
    public void Rodas4_Robertson_ConservesTotalMassWithin1e12()
    {
        double[] times = [.. Enumerable.Range(1, 50).Select(i => 0.01 * Math.Pow(10, i * 6.0 / 50))];
        var (states, _) = Solvers.Run(Solvers.Create(Solvers.Rodas, 1e-6, 1e-12), new Robertson(), 0, [1.0, 0, 0], times);

        for (int k = 0; k < times.Length; k++)
            Assert.InRange(states[3 * k] + states[3 * k + 1] + states[3 * k + 2], 1 - 1e-12, 1 + 1e-12);
    }

    // Same tolerances for both: rtol 1e-6, atol 1e-14. Measured 115 accepted steps (RODAS4) vs 34 593 (DP5); the explicit
    // solver is held back by stability, not accuracy. Bound: DP5 needs over 50 times the steps; both within 1e-5 of the reference.
    [Fact]
    public void Robertson_DormandPrinceNeedsFarMoreStepsThanRodas4()
    {
        var (rodas, rodasStats) = Solvers.Run(Solvers.Create(Solvers.Rodas, 1e-6, 1e-14), new Robertson(), 0, [1.0, 0, 0], [40.0]);
        var (dopri, dopriStats) = Solvers.Run(Solvers.Create(Solvers.DormandPrince, 1e-6, 1e-14), new Robertson(), 0, [1.0, 0, 0], [40.0]);

        Assert.True(dopriStats.AcceptedSteps > 50 * rodasStats.AcceptedSteps,
            $"DP5 {dopriStats.AcceptedSteps} steps, RODAS4 {rodasStats.AcceptedSteps} steps.");
        for (int i = 0; i < 3; i++)
        {
            Assert.True(Math.Abs(rodas[i] - RobertsonAt40[i]) <= 1e-5 * RobertsonAt40[i], $"RODAS4 y{i + 1} = {rodas[i]:R}.");
            Assert.True(Math.Abs(dopri[i] - RobertsonAt40[i]) <= 1e-5 * RobertsonAt40[i], $"DP5 y{i + 1} = {dopri[i]:R}.");
        }
    }

    // Van der Pol, mu = 1000, from (2, 0) over [0, 3000] (almost two relaxation periods of about 1614), rtol = atol = 1e-6.
    // Measured: RODAS4 903 accepted, 21 rejected. Bound: fewer than 2000 accepted steps.
    [Fact]
    public void Rodas4_VanDerPolMu1000_CompletesInFewerThan2000Steps()
    {
        var (states, statistics) = Solvers.Run(Solvers.Create(Solvers.Rodas, 1e-6, 1e-6), new VanDerPol(1000), 0, [2.0, 0], [3000.0]);

        Assert.InRange(statistics.AcceptedSteps, 100, 1999);
        Assert.InRange(states[0], -2.1, 2.1);
        Assert.True(double.IsFinite(states[1]));
    }

    // The same problem exhausts DP5's default budget of 100 000 steps (measured: fails at t = 116 of 3000).
    [Fact]
    public void DormandPrince_VanDerPolMu1000_ExceedsDefaultMaxSteps()
    {
        OdeSolver solver = Solvers.Create(Solvers.DormandPrince, 1e-6, 1e-6);

        var ex = Assert.Throws<OdeSolverException>(() => Solvers.Run(solver, new VanDerPol(1000), 0, [2.0, 0], [3000.0]));

        Assert.InRange(ex.Time, 1.0, 3000.0);
        Assert.Contains("MaxSteps", ex.Message, StringComparison.Ordinal);
    }

    // On the slow manifold, [0, 100]: measured 13 RODAS4 steps vs 86 669 DP5 steps; final y1 agreeing to 1.4e-8 relative,
    // y2 (about -7e-4) to 1.9e-7 absolute. Bounds: DP5 over 1000 times the steps; y1 to 1e-5 relative, y2 to atol = 1e-6.
    [Fact]
    public void VanDerPolMu1000_SlowManifold_SolversAgreeAndRodas4NeedsFarFewerSteps()
    {
        var (rodas, rodasStats) = Solvers.Run(Solvers.Create(Solvers.Rodas, 1e-6, 1e-6), new VanDerPol(1000), 0, [2.0, 0], [100.0]);
        var (dopri, dopriStats) = Solvers.Run(Solvers.Create(Solvers.DormandPrince, 1e-6, 1e-6), new VanDerPol(1000), 0, [2.0, 0], [100.0]);

        Assert.True(dopriStats.AcceptedSteps > 1000 * rodasStats.AcceptedSteps,
            $"DP5 {dopriStats.AcceptedSteps} steps, RODAS4 {rodasStats.AcceptedSteps} steps.");
        Assert.Equal(dopri[0], rodas[0], 1e-5 * Math.Abs(dopri[0]));
        Assert.Equal(dopri[1], rodas[1], 1e-6);
    }
}
