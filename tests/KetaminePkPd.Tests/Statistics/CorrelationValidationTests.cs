using KetaminePkPd.Statistics;

namespace KetaminePkPd.Tests.Statistics;

/// <summary>Guard clauses: every invalid input throws a standard exception naming the parameter and the value.</summary>
public class CorrelationValidationTests
{
    private static readonly double[] X = [1, 2, 3, 4, 5, 6];
    private static readonly double[] Y = [2, 1, 4, 3, 6, 5];
    private static readonly double[] Z = [1, 1, 2, 3, 5, 8];

    [Fact]
    public void Pearson_MismatchedLengths_ThrowsNamingY()
    {
        var e = Assert.Throws<ArgumentException>(() => Correlation.Pearson(X, Y.AsSpan(0, 5)));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("6 and 5", e.Message);
    }

    [Fact]
    public void Pearson_ThreePairs_ThrowsNamingN()
    {
        var e = Assert.Throws<ArgumentException>(() => Correlation.Pearson(X.AsSpan(0, 3), Y.AsSpan(0, 3)));
        Assert.Contains("n = 3", e.Message);
        Assert.Contains("at least 4", e.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Pearson_NonFiniteValue_ThrowsNamingArgumentAndIndex(double bad)
    {
        double[] y = [.. Y];
        y[2] = bad;
        var e = Assert.Throws<ArgumentException>(() => Correlation.Pearson(X, y));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("index 2", e.Message);
    }

    [Fact]
    public void Pearson_ConstantX_ThrowsNamingX()
    {
        var e = Assert.Throws<ArgumentException>(() => Correlation.Pearson([0.1, 0.1, 0.1, 0.1, 0.1, 0.1], Y));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("constant", e.Message);
        Assert.Contains("0.1", e.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(95.0)]
    [InlineData(double.NaN)]
    public void AllMethods_ConfidenceLevelOutsideOpenUnitInterval_Throw(double level)
    {
        Assert.Equal("confidenceLevel", Assert.Throws<ArgumentOutOfRangeException>(() => Correlation.Pearson(X, Y, level)).ParamName);
        Assert.Equal("confidenceLevel", Assert.Throws<ArgumentOutOfRangeException>(() => Correlation.Spearman(X, Y, level)).ParamName);
        Assert.Equal("confidenceLevel", Assert.Throws<ArgumentOutOfRangeException>(() => Correlation.Partial(X, Y, Z, level)).ParamName);
    }

    [Fact]
    public void Spearman_ConstantY_ThrowsNamingY() =>
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Correlation.Spearman(X, [3, 3, 3, 3, 3, 3])).ParamName);

    [Fact]
    public void Partial_XLinearInCovariate_ThrowsNamingX()
    {
        double[] x = [.. Z.Select(z => 2 * z + 1)];
        var e = Assert.Throws<ArgumentException>(() => Correlation.Partial(x, Y, Z));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("linear function", e.Message);
    }

    [Fact]
    public void Partial_CollinearCovariates_ThrowsNamingSecondCovariate()
    {
        double[] z2 = [.. Z.Select(z => 3 - z)];
        var e = Assert.Throws<ArgumentException>(() => Correlation.Partial(X, Y, [Z, z2]));
        Assert.Equal("covariates", e.ParamName);
        Assert.Contains("covariates[1]", e.Message);
    }

    [Fact]
    public void Partial_ConstantCovariate_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Correlation.Partial(X, Y, [7, 7, 7, 7, 7, 7]));
        Assert.Equal("covariate", e.ParamName);
        Assert.Contains("constant", e.Message);
    }

    [Fact]
    public void Partial_TooFewPairsForCovariates_Throws()
    {
        // k = 3 covariates need n >= 7; 6 pairs leave n - 3 - k = 0.
        var e = Assert.Throws<ArgumentException>(() => Correlation.Partial(X, Y, [Z, [.. Z.Select(z => z * z)], [1, 0, 0, 1, 0, 1]]));
        Assert.Contains("at least 7", e.Message);
    }

    [Fact]
    public void Partial_NoCovariates_Throws() =>
        Assert.Equal("covariates", Assert.Throws<ArgumentException>(() => Correlation.Partial(X, Y, Array.Empty<double[]>())).ParamName);

    [Fact]
    public void Partial_InfiniteCovariate_ThrowsNamingCovariatesAndIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => Correlation.Partial(X, Y, [Z, [1, 2, double.NegativeInfinity, 4, 5, 6]]));
        Assert.Equal("covariates", e.ParamName);
        Assert.Contains("covariates[1]", e.Message);
        Assert.Contains("index 2", e.Message);
    }

    [Fact]
    public void Partial_NullCovariateArray_Throws() =>
        Assert.Throws<ArgumentNullException>(() => Correlation.Partial(X, Y, new double[][] { Z, null! }));

    [Fact]
    public void PartialR_XLinearInZ_ThrowsNamingX() =>
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Correlation.PartialR([.. Z.Select(z => -z)], Y, Z)).ParamName);

    [Fact]
    public void PearsonR_ConstantY_ThrowsNamingY() =>
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Correlation.PearsonR(X, [2, 2, 2, 2, 2, 2])).ParamName);

    [Fact]
    public void PearsonR_TwoPoints_IsPlusOrMinusOne()
    {
        Assert.Equal(1.0, Correlation.PearsonR([1, 2], [5, 9]), 1e-15);
        Assert.Equal(-1.0, Correlation.PearsonR([1, 2], [9, 5]), 1e-15);
    }

    /// <summary>Two-pass sums keep full precision when the mean dwarfs the spread: 1e9 + (1..6) vs the same without offset agree to 1e-12.</summary>
    [Fact]
    public void PearsonR_LargeOffset_KeepsPrecision() =>
        Assert.Equal(Correlation.PearsonR(X, Y), Correlation.PearsonR([.. X.Select(v => v + 1e9)], Y), 1e-12);

    /// <summary>The replicate-loop coefficients allocate nothing: 0 bytes over 1000 calls after warm-up (GC.GetAllocatedBytesForCurrentThread).</summary>
    [Fact]
    public void PearsonRAndPartialR_AllocateNothing()
    {
        double sink = Correlation.PearsonR(X, Y) + Correlation.PartialR(X, Y, Z);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) sink += Correlation.PearsonR(X, Y) + Correlation.PartialR(X, Y, Z);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(double.IsFinite(sink));
    }

    [Fact]
    public void Result_ToString_IsInvariantAndReadable()
    {
        string s = Correlation.Partial(Datasets.Mpg, Datasets.Hp, Datasets.Disp).ToString();
        Assert.StartsWith("Pearson partial (1 covariate) r = -0.326 (95% CI", s);
        Assert.Contains("t(29) = -1.86", s);
        Assert.EndsWith("n = 32", s);
    }
}
