using KetaminePkPd.Sensitivity;

namespace KetaminePkPd.Tests.Sensitivity;

/// <summary><see cref="GlobalSampler"/>: in range, deterministic per (seed, index), the van der Corput stratification of each coordinate, and decorrelated high dimensions.</summary>
public sealed class GlobalSamplerTests
{
    private static double[] Point(GlobalSampler sampler, long k)
    {
        var x = new double[sampler.Dimensions];
        sampler.Point(k, x);
        return x;
    }

    /// <summary>The first b^m points of the coordinate in base b put exactly one point in each of the b^m intervals of width b^-m (m the largest with b^m &lt;= 1000).</summary>
    [Fact]
    public void Point_FirstBToTheMPoints_PutOnePointInEachIntervalOfEveryCoordinate()
    {
        var sampler = new GlobalSampler(13, seed: 1);
        for (int d = 0; d < 13; d++)
        {
            int b = GlobalSampler.Base(d), cells = b;
            while (cells * b <= 1000) cells *= b;
            var counts = new int[cells];
            for (int k = 0; k < cells; k++) counts[(int)(Point(sampler, k)[d] * cells)]++;
            Assert.True(counts.All(c => c == 1), $"dimension {d} (base {b}): {cells} points, counts {string.Join(",", counts.Where(c => c != 1).Take(5))}");
        }
    }

    [Fact]
    public void Point_EveryCoordinate_IsInZeroOne()
    {
        var sampler = new GlobalSampler(13, seed: 7);
        for (long k = 0; k < 5000; k++)
            Assert.All(Point(sampler, k), x => Assert.InRange(x, 0, Math.BitDecrement(1.0)));
    }

    /// <summary>World k's draw depends only on the seed and k: a new sampler, or asking in another order, gives the same point; another seed another one.</summary>
    [Fact]
    public void Point_SameSeedAndIndex_SameDraw_OtherSeed_OtherDraw()
    {
        var a = new GlobalSampler(13, seed: 3);
        var b = new GlobalSampler(13, seed: 3);
        var late = Point(a, 977);
        _ = Point(b, 5);
        Assert.Equal(late, Point(b, 977));
        Assert.NotEqual(late, Point(new GlobalSampler(13, seed: 4), 977));
    }

    /// <summary>The plain Halton sequence's coordinates in bases 37 and 41 are nearly collinear over the first 37 points (k/37 against k/41,
    /// r above 0.99); the digit permutations break that (|r| below 0.4 here).</summary>
    [Fact]
    public void Point_HighDimensions_AreNotCollinearLikeThePlainHaltonSequence()
    {
        var sampler = new GlobalSampler(13, seed: 1);
        var points = Enumerable.Range(0, 37).Select(k => Point(sampler, k)).ToList();
        double r = MathNet.Numerics.Statistics.Correlation.Pearson(points.Select(p => p[11]), points.Select(p => p[12]));
        double plain = MathNet.Numerics.Statistics.Correlation.Pearson(Enumerable.Range(0, 37).Select(k => k / 37.0), Enumerable.Range(0, 37).Select(k => k / 41.0));
        Assert.True(plain > 0.99, $"plain {plain}");
        Assert.True(Math.Abs(r) < 0.4, $"scrambled r = {r}");
    }

    [Fact]
    public void Constructor_DimensionsOutOfRange_ThrowsNamingDimensions()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new GlobalSampler(26, 1));
        Assert.Equal("dimensions", ex.ParamName);
        Assert.Contains("[1, 25], got 26", ex.Message, StringComparison.Ordinal);
    }
}
