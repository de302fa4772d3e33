using KetaminePkPd.Sensitivity;

namespace KetaminePkPd.Tests.Sensitivity;

/// <summary><see cref="GlobalRankCorrelation"/> (PRCC) against hand-computed cases.</summary>
public sealed class GlobalRankCorrelationTests
{
    /// <summary>
    /// Six rows whose values are their own ranks (no ties): x1 = 1..6, x2 = 2,1,4,3,6,5, y = 1,3,2,5,4,6. Spearman by
    /// 1 - 6 sum d^2 / (n (n^2 - 1)) with n (n^2 - 1) = 210: r12 = 1 - 36/210 = 29/35, r1y = 1 - 24/210 = 31/35, r2y = 1 - 108/210 = 17/35.
    /// The first-order partial correlation (r1y - r12 r2y) / sqrt((1 - r12^2)(1 - r2y^2)) = 592 / sqrt(384 x 936) = 0.987457 for x1,
    /// and (r2y - r12 r1y) / sqrt((1 - r12^2)(1 - r1y^2)) = -304 / sqrt(384 x 264) = -0.954786 for x2. Fisher SE: (1 - PRCC^2) / sqrt(6 - 3 - 1).
    /// </summary>
    [Fact]
    public void Compute_TwoInputsWithKnownRanks_MatchesTheClosedFormPartialCorrelation()
    {
        double[][] x = [[1, 2], [2, 1], [3, 4], [4, 3], [5, 6], [6, 5]];
        double[] y = [1, 3, 2, 5, 4, 6];

        var prcc = GlobalRankCorrelation.Compute(x, y);

        Assert.Equal(0.987457, prcc[0].Prcc, 5);
        Assert.Equal(-0.954786, prcc[1].Prcc, 5);
        Assert.Equal((1 - 0.987457 * 0.987457) / Math.Sqrt(2), prcc[0].Se, 5);
        Assert.Equal(Math.Tanh(Math.Atanh(0.9874569484647041) - 1.959963984540054 / Math.Sqrt(2)), prcc[0].Lower, 9);
        Assert.Equal(Math.Tanh(Math.Atanh(0.9874569484647041) + 1.959963984540054 / Math.Sqrt(2)), prcc[0].Upper, 9);
    }

    /// <summary>Ranks, not values: a monotone transform of an input or of the output leaves every PRCC unchanged.</summary>
    [Fact]
    public void Compute_MonotoneTransforms_LeaveThePrccUnchanged()
    {
        double[][] x = [[1, 2], [2, 1], [3, 4], [4, 3], [5, 6], [6, 5]];
        double[] y = [1, 3, 2, 5, 4, 6];
        var a = GlobalRankCorrelation.Compute(x, y);
        var b = GlobalRankCorrelation.Compute([.. x.Select(r => new[] { Math.Exp(r[0]), r[1] * r[1] * r[1] })], [.. y.Select(v => Math.Log(v))]);
        Assert.Equal(a[0].Prcc, b[0].Prcc, 12);
        Assert.Equal(a[1].Prcc, b[1].Prcc, 12);
    }

    /// <summary>An output that is a monotone function of one input alone has PRCC exactly 1 with it, whatever the others.</summary>
    [Fact]
    public void Compute_OutputMonotoneInOneInput_GivesPrccOneForIt()
    {
        var random = new Random(5);
        var x = Enumerable.Range(0, 40).Select(_ => new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() }).ToArray();
        var y = x.Select(r => Math.Exp(3 * r[1])).ToArray();
        var prcc = GlobalRankCorrelation.Compute(x, y);
        Assert.Equal(1, prcc[1].Prcc, 12);
        Assert.Equal(0, prcc[1].Se, 10);
    }

    [Fact]
    public void Compute_FewerRowsThanInputsPlusThree_IsUndefined()
    {
        var prcc = GlobalRankCorrelation.Compute([[1, 2], [2, 1], [3, 4], [4, 3]], [1, 2, 3, 4]);
        Assert.All(prcc, p => Assert.True(double.IsNaN(p.Prcc) && double.IsNaN(p.Se)));
    }

    [Fact]
    public void Ranks_Ties_GetTheirAverageRank()
    {
        Assert.Equal([1, 2.5, 2.5, 4, 6, 6, 6], GlobalRankCorrelation.Ranks([10, 20, 20, 30, 40, 40, 40]));
    }
}
