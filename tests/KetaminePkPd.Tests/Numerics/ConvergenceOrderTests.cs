using KetaminePkPd.Numerics;

namespace KetaminePkPd.Tests.Numerics;

/// <summary>
/// Observed orders of convergence: the fixed-step schemes (internal test hook, every step accepted) on a smooth nonlinear
/// problem, and the adaptive solvers' global error against tolerance.
/// </summary>
public sealed class ConvergenceOrderTests
{
    private const double LogisticY0 = 0.1;
    private const double LogisticEnd = 10;

    /// <summary>Global error at t = 10 of the logistic equation with N fixed steps of 10/N.</summary>
    private static double FixedStepError(string solverName, int steps)
    {
        var system = new Logistic(1.0);
        var (states, statistics) = Solvers.Run(Solvers.CreateFixedStep(solverName, LogisticEnd / steps), system, 0, [LogisticY0], [LogisticEnd]);
        Assert.Equal(steps, statistics.AcceptedSteps);
        Assert.Equal(0, statistics.RejectedSteps);
        return Math.Abs(states[0] - system.Exact(LogisticY0, LogisticEnd));
    }

    /// <summary>Least-squares slope of log(error) against log(h) over h = 10/N.</summary>
    private static double ObservedOrder(string solverName, int[] stepCounts)
    {
        double[] x = [.. stepCounts.Select(n => Math.Log(LogisticEnd / n))];
        double[] y = [.. stepCounts.Select(n => Math.Log(FixedStepError(solverName, n)))];
        double mx = x.Average(), my = y.Average();
        double sxy = 0, sxx = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }

        return sxy / sxx;
    }

    // Errors run from 1.5e-6 (N = 10) to 5.6e-13 (N = 160), above roundoff. Measured slope 5.28 (pairwise 5.68, 5.35, 5.18, 5.09).
    [Fact]
    public void FixedStepDormandPrince_LogisticEquation_ObservedOrderBetween4p5And5p5()
    {
        double order = ObservedOrder(Solvers.DormandPrince, [10, 20, 40, 80, 160]);

        Assert.InRange(order, 4.5, 5.5);
    }

    // Analytic Jacobian. Errors from 1.4e-6 (N = 10) to 1.5e-11 (N = 160). Measured slope 4.15 (pairwise 4.33, 4.15, 4.08, 4.04).
    [Fact]
    public void FixedStepRodas4_LogisticEquation_ObservedOrderBetween3p5And4p5()
    {
        double order = ObservedOrder(Solvers.Rodas, [10, 20, 40, 80, 160]);

        Assert.InRange(order, 3.5, 4.5);
    }

    // Halving the step of each scheme near the asymptotic range must cut the error by about 2^p: 2^5 = 32 and 2^4 = 16
    // (measured 36.3 for DP5 from N = 40 to 80, 16.9 for RODAS4). Bounds: [22, 45] and [11, 23], i.e. p within +-0.5.
    [Theory]
    [InlineData(Solvers.DormandPrince, 22, 45)]
    [InlineData(Solvers.Rodas, 11, 23)]
    public void FixedStep_HalvingTheStep_CutsErrorByTwoToTheOrder(string solverName, double minRatio, double maxRatio)
    {
        double ratio = FixedStepError(solverName, 40) / FixedStepError(solverName, 80);

        Assert.InRange(ratio, minRatio, maxRatio);
    }

    // Adaptive mode: the global error tracks the tolerance, error ~ C rtol^q with q near 1 (measured q = 0.93 for DP5, 0.91 for
    // RODAS4 over rtol 1e-4..1e-10), and the error never exceeds rtol on this problem (measured 0.06 to 0.25 rtol).
    [Theory]
    [MemberData(nameof(Solvers.Both), MemberType = typeof(Solvers))]
    public void AdaptiveSolve_GlobalError_ScalesWithTolerance(string solverName)
    {
        var system = new Logistic(1.0);
        double exact = system.Exact(LogisticY0, LogisticEnd);
        double[] tolerances = [1e-4, 1e-6, 1e-8, 1e-10];
        var errors = new double[tolerances.Length];
        for (int i = 0; i < tolerances.Length; i++)
        {
            var (states, _) = Solvers.Run(Solvers.Create(solverName, tolerances[i], tolerances[i]), system, 0, [LogisticY0], [LogisticEnd]);
            errors[i] = Math.Abs(states[0] - exact);
            Assert.True(errors[i] <= tolerances[i], $"rtol {tolerances[i]:E0}: error {errors[i]:E2} exceeds the tolerance.");
        }

        double slope = Math.Log(errors[^1] / errors[0]) / Math.Log(tolerances[^1] / tolerances[0]);
        Assert.InRange(slope, 0.8, 1.1);
    }
}
