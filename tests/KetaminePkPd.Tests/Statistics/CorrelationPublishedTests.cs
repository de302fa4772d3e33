using KetaminePkPd.Statistics;
using MathNet.Numerics;

namespace KetaminePkPd.Tests.Statistics;

/// <summary>
/// Pearson, Spearman and partial correlations against R output printed in published tutorials and answers. R prints 7
/// significant digits for estimates and intervals (tolerance 1e-7) and 4 for t and p (tolerance half a unit in the last
/// printed digit, as a relative 1e-3 for p).
/// </summary>
public class CorrelationPublishedTests
{
    private static void EqualRelative(double expected, double actual, double relative) =>
        Assert.InRange(actual, expected - Math.Abs(expected) * relative, expected + Math.Abs(expected) * relative);

    /// <summary>
    /// <c>cor.test(mtcars$mpg, mtcars$disp)</c>: t = -8.7472, df = 30, p-value = 9.38e-10, 95% CI -0.9233594 -0.7081376,
    /// cor -0.8475514 (rstudio-pubs-static.s3.amazonaws.com/1343880_96c1df19b14045c48442c69a9122d3a6.html).
    /// </summary>
    [Fact]
    public void Pearson_MtcarsMpgDisp_MatchesRCorTest()
    {
        var r = Correlation.Pearson(Datasets.Mpg, Datasets.Disp);
        Assert.Equal(-0.8475514, r.R, 1e-7);
        Assert.Equal(-8.7472, r.TStatistic, 5e-5);
        Assert.Equal(30, r.DegreesOfFreedom);
        EqualRelative(9.38e-10, r.PValue, 1e-3);
        Assert.Equal(-0.9233594, r.Lower, 1e-7);
        Assert.Equal(-0.7081376, r.Upper, 1e-7);
        Assert.Equal(CorrelationMethod.Pearson, r.Method);
        Assert.Equal(32, r.N);
        Assert.Equal(0, r.CovariateCount);
    }

    /// <summary>
    /// <c>cor.test(mtcars$mpg, mtcars$hp)</c>: t = -6.7424, df = 30, p-value = 1.788e-07, 95% CI -0.8852686 -0.5860994,
    /// cor -0.7761684 (rstudio-pubs-static.s3.amazonaws.com/1361319_35825748ab244e6f95825595564afb5c.html).
    /// </summary>
    [Fact]
    public void Pearson_MtcarsMpgHp_MatchesRCorTest()
    {
        var r = Correlation.Pearson(Datasets.Mpg, Datasets.Hp);
        Assert.Equal(-0.7761684, r.R, 1e-7);
        Assert.Equal(-6.7424, r.TStatistic, 5e-5);
        EqualRelative(1.788e-07, r.PValue, 1e-3);
        Assert.Equal(-0.8852686, r.Lower, 1e-7);
        Assert.Equal(-0.5860994, r.Upper, 1e-7);
    }

    /// <summary>
    /// Statology's worked example "Correlation Coefficient p Value in R" (as archived in huggingface.co/datasets/nvidia/
    /// Nemotron-CC-Math-v1): t = -3.0109, df = 8, p-value = 0.01679, 95% CI -0.9311631 -0.1833776, cor -0.7288512; and the
    /// 90% interval from the same Fisher z formula with z = 1.644854 computed by hand from the printed r.
    /// </summary>
    [Fact]
    public void Pearson_StatologyTenPairs_MatchesRCorTest()
    {
        double[] x = [710, 718, 920, 187, 884, 486, 491, 174, 283, 585];
        double[] y = [590, 494, 679, 886, 484, 853, 808, 992, 756, 975];
        var r = Correlation.Pearson(x, y);
        Assert.Equal(-0.7288512, r.R, 1e-7);
        Assert.Equal(-3.0109, r.TStatistic, 5e-5);
        Assert.Equal(8, r.DegreesOfFreedom);
        EqualRelative(0.01679, r.PValue, 1e-3);
        Assert.Equal(-0.9311631, r.Lower, 1e-7);
        Assert.Equal(-0.1833776, r.Upper, 1e-7);

        var r90 = Correlation.Pearson(x, y, confidenceLevel: 0.90);
        double z = Math.Atanh(-0.7288512), se = 1 / Math.Sqrt(7);
        Assert.Equal(Math.Tanh(z - 1.6448536 * se), r90.Lower, 1e-6);
        Assert.Equal(Math.Tanh(z + 1.6448536 * se), r90.Upper, 1e-6);
        Assert.Equal(r.PValue, r90.PValue);
    }

    /// <summary>
    /// Perfect negative line, x = 1..10, y = 10..1: R prints cor -1, p-value &lt; 2.2e-16 and 95% CI -1 -1 (and a
    /// rounding-noise t); our documented behaviour is t = -infinity, p = 0, interval [-1, -1], nothing NaN
    /// (R output as archived in huggingface.co/datasets/nvidia/Nemotron-CC-Math-v1, "How to Find the p-value for
    /// Correlation Coefficient in R", example 1).
    /// </summary>
    [Fact]
    public void Pearson_PerfectNegativeLine_GivesMinusOneZeroPAndDegenerateInterval()
    {
        double[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        double[] y = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
        var r = Correlation.Pearson(x, y);
        Assert.Equal(-1.0, r.R, 1e-15);
        Assert.Equal(0.0, r.PValue, 1e-15);
        Assert.Equal(-1.0, r.Lower, 1e-15);
        Assert.Equal(-1.0, r.Upper, 1e-15);
        Assert.False(double.IsNaN(r.TStatistic));
        Assert.True(r.TStatistic < -1e6);
    }

    /// <summary>
    /// <c>cor.test(mtcars$mpg, mtcars$x, method = "spearman", exact = FALSE)</c> for x = wt, hp, drat, qsec (all with
    /// ties): rho -0.8864220, -0.8946646, 0.6514555, 0.4669358 and p 1.487595e-11, 5.085969e-12, 5.381347e-05,
    /// 7.055765e-03 (manymodelr README, github.com/Nelson-Gon/manymodelr, <c>get_var_corr_(mtcars, method = "spearman",
    /// exact = FALSE)</c>, 7 significant digits).
    /// </summary>
    [Theory]
    [InlineData("wt", -0.8864220, 1.487595e-11)]
    [InlineData("hp", -0.8946646, 5.085969e-12)]
    [InlineData("drat", 0.6514555, 5.381347e-05)]
    [InlineData("qsec", 0.4669358, 7.055765e-03)]
    public void Spearman_MtcarsWithTies_MatchesRCorTestExactFalse(string column, double rho, double p)
    {
        double[] other = column switch
        {
            "wt" => Datasets.Wt, "hp" => Datasets.Hp, "drat" => Datasets.Drat, _ => Datasets.Qsec,
        };
        var r = Correlation.Spearman(Datasets.Mpg, other);
        Assert.Equal(rho, r.R, 1e-7);
        EqualRelative(p, r.PValue, 1e-6);
        Assert.Equal(CorrelationMethod.Spearman, r.Method);
    }

    /// <summary>
    /// Sullivan, Statistics: Informed Decisions Using Data, section 15.6 example 1 in R (sullystats.com/wp-content/uploads/
    /// 2023/08/15_6.htm): eight cars, ties in both variables; <c>cor.test(mpg, dist, method = "spearman")</c> warns
    /// "Cannot compute exact p-value with ties" and prints S = 6.0666, p-value = 0.0008915, rho 0.9277782. The
    /// Fieller-Hartley-Pearson interval is checked against the formula evaluated by hand from the printed rho.
    /// </summary>
    [Fact]
    public void Spearman_SullivanEightCarsWithTies_MatchesRCorTest()
    {
        double[] mpg = [100, 102, 103, 101, 105, 100, 99, 105];
        double[] dist = [257, 264, 274, 266, 277, 263, 258, 275];
        var r = Correlation.Spearman(mpg, dist);
        Assert.Equal(0.9277782, r.R, 1e-7);
        EqualRelative(0.0008915, r.PValue, 1e-3);
        Assert.Equal(6.0666, (8 * 8 * 8 - 8) * (1 - r.R) / 6, 5e-5); // R's S statistic
        double z = Math.Atanh(0.9277782), se = Math.Sqrt(1.06 / 5);
        Assert.Equal(Math.Tanh(z - 1.959964 * se), r.Lower, 1e-6);
        Assert.Equal(Math.Tanh(z + 1.959964 * se), r.Upper, 1e-6);
    }

    /// <summary>
    /// ppcor <c>pcor.test(mtcars$mpg, mtcars$hp, mtcars$disp)</c>: estimate -0.3258012, p.value 0.07367905,
    /// statistic -1.855746, n 32, gp 1 (stats.stackexchange.com/questions/519930, "Differing p-values when comparing lm
    /// and pcor.test"). The same answer prints <c>cor.test</c> on the two residual vectors: t = -1.8875, df = 30,
    /// p = 0.06881, 95% CI -0.60568622 0.02582685; the residuals here come from MathNet's <c>Fit.Line</c>, an independent
    /// OLS.
    /// </summary>
    [Fact]
    public void Partial_MtcarsMpgHpGivenDisp_MatchesPpcorAndCorTestOnResiduals()
    {
        var r = Correlation.Partial(Datasets.Mpg, Datasets.Hp, Datasets.Disp);
        Assert.Equal(-0.3258012, r.R, 1e-7);
        Assert.Equal(-1.855746, r.TStatistic, 5e-7);
        EqualRelative(0.07367905, r.PValue, 1e-6);
        Assert.Equal(1, r.CovariateCount);
        Assert.Equal(29, r.DegreesOfFreedom);

        double[] e1 = Residuals(Datasets.Disp, Datasets.Mpg), e2 = Residuals(Datasets.Disp, Datasets.Hp);
        var onResiduals = Correlation.Pearson(e1, e2);
        Assert.Equal(-0.3258012, onResiduals.R, 1e-7);
        Assert.Equal(-1.8875, onResiduals.TStatistic, 5e-5);
        EqualRelative(0.06881, onResiduals.PValue, 1e-3);
        Assert.Equal(-0.60568622, onResiduals.Lower, 1e-8);
        Assert.Equal(0.02582685, onResiduals.Upper, 1e-8);
    }

    /// <summary>
    /// ppcor <c>pcor.test(mtcars$mpg, mtcars$wt, mtcars$hp)</c>: estimate -0.7512049, p.value 1.119647e-06,
    /// statistic -6.128695 (Stack Overflow "partial correlation from lm model", as archived in huggingface.co/datasets/
    /// nvidia/Nemotron-CC-Math-v1). The same t is wt's t value, -6.129, in <c>summary(lm(mpg ~ wt + hp))</c>.
    /// </summary>
    [Fact]
    public void Partial_MtcarsMpgWtGivenHp_MatchesPpcor()
    {
        var r = Correlation.Partial(Datasets.Mpg, Datasets.Wt, Datasets.Hp);
        Assert.Equal(-0.7512049, r.R, 1e-7);
        Assert.Equal(-6.128695, r.TStatistic, 5e-7);
        EqualRelative(1.119647e-06, r.PValue, 1e-6);
    }

    /// <summary>
    /// Two covariates. The partial correlation of y and one predictor given the others has the t value of that predictor
    /// in the multiple regression, with the same n - 2 - k df. <c>summary(lm(mpg ~ wt + hp + qsec, data = mtcars))</c>
    /// prints t = -5.791 (p 3.22e-06), -1.190 (0.24418) and 1.163 (0.25463) on 28 df (r-statistics.co/
    /// Multiple-Regression-in-R.html). Expected r = t / sqrt(t^2 + 28); tolerances from t's 4 printed digits.
    /// </summary>
    [Theory]
    [InlineData(0, -5.791, 3.22e-06)]
    [InlineData(1, -1.190, 0.24418)]
    [InlineData(2, 1.163, 0.25463)]
    public void Partial_TwoCovariates_MatchesMultipleRegressionTValues(int predictor, double t, double p)
    {
        double[][] predictors = [Datasets.Wt, Datasets.Hp, Datasets.Qsec];
        double[][] others = [.. predictors.Where((_, j) => j != predictor)];
        var r = Correlation.Partial(Datasets.Mpg, predictors[predictor], others);
        Assert.Equal(2, r.CovariateCount);
        Assert.Equal(28, r.DegreesOfFreedom);
        Assert.Equal(t, r.TStatistic, 5e-4);
        // t is printed to +/- 5e-4; r = t / sqrt(t^2 + df) moves by df / (t^2 + df)^1.5 per unit of t.
        Assert.Equal(t / Math.Sqrt(t * t + 28), r.R, 5e-4 * 28 / Math.Pow(t * t + 28, 1.5));
        EqualRelative(p, r.PValue, 2e-3);
    }

    /// <summary>OLS residuals of y on x by MathNet's <c>Fit.Line</c> (not the library's residualiser).</summary>
    private static double[] Residuals(double[] x, double[] y)
    {
        var (intercept, slope) = Fit.Line(x, y);
        return [.. x.Select((xi, i) => y[i] - intercept - slope * xi)];
    }
}
