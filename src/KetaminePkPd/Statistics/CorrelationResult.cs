using System.Globalization;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace KetaminePkPd.Statistics;

/// <summary>
/// A correlation coefficient with its two-sided test of H0: rho = 0 and a Fisher z confidence interval. Immutable;
/// produced by <see cref="Correlation"/>.
/// </summary>
/// <remarks>
/// <para><b>Test.</b> t = r sqrt(df / (1 - r^2)) with df = n - 2 - k (k = <see cref="CovariateCount"/>), and the
/// two-sided p-value P(|T_df| &gt;= |t|), computed as the regularised incomplete beta I_{1-r^2}(df/2, 1/2), which is the same
/// number without the overflow of t near |r| = 1. For k = 0 this is R's <c>cor.test</c> (Pearson, and Spearman with
/// <c>exact = FALSE</c>); for k &gt; 0 it is R ppcor's <c>pcor.test</c> (Kim 2015).</para>
/// <para><b>Interval.</b> tanh(atanh(r) -/+ z_{(1+level)/2} se), with se = 1/sqrt(n - 3 - k) for Pearson and partial
/// correlations (Fisher 1921) and se = sqrt(1.06/(n - 3)) for Spearman (Fieller, Hartley and Pearson 1957, Biometrika
/// 44:470).</para>
/// <para><b>|r| = 1.</b> t is +/- infinity, the p-value is 0 and the interval collapses to [r, r] (as R prints it); no
/// member is ever NaN.</para>
/// </remarks>
public sealed record CorrelationResult
{
    internal CorrelationResult(CorrelationMethod method, double r, int n, int covariateCount, double confidenceLevel, double fisherZStandardError)
    {
        Method = method;
        R = Math.Clamp(r, -1.0, 1.0);
        N = n;
        CovariateCount = covariateCount;
        ConfidenceLevel = confidenceLevel;

        int df = n - 2 - covariateCount;
        double oneMinusR2 = (1 - R) * (1 + R);
        if (oneMinusR2 <= 0)
        {
            TStatistic = R > 0 ? double.PositiveInfinity : double.NegativeInfinity;
            PValue = 0;
        }
        else
        {
            TStatistic = R * Math.Sqrt(df / oneMinusR2);
            PValue = Math.Clamp(SpecialFunctions.BetaRegularized(0.5 * df, 0.5, oneMinusR2), 0.0, 1.0);
        }

        double zCritical = Normal.InvCDF(0, 1, 0.5 + 0.5 * confidenceLevel);
        double z = Math.Atanh(R);
        Lower = Math.Tanh(z - zCritical * fisherZStandardError);
        Upper = Math.Tanh(z + zCritical * fisherZStandardError);
    }

    /// <summary>Pearson or Spearman.</summary>
    internal CorrelationMethod Method { get; }

    /// <summary>The coefficient, in [-1, 1]. For a partial correlation, the correlation of x and y adjusted for the covariates.</summary>
    public double R { get; }

    /// <summary>Number of pairs (subjects) used.</summary>
    public int N { get; }

    /// <summary>Number of covariates partialled out: 0 for a plain correlation.</summary>
    public int CovariateCount { get; }

    /// <summary>Degrees of freedom of the t test: N - 2 - <see cref="CovariateCount"/>.</summary>
    public int DegreesOfFreedom => N - 2 - CovariateCount;

    /// <summary>The t statistic r sqrt(df / (1 - r^2)); +/- infinity when |r| = 1.</summary>
    public double TStatistic { get; }

    /// <summary>Two-sided p-value of H0: rho = 0 from the t distribution with <see cref="DegreesOfFreedom"/> df, in [0, 1].</summary>
    public double PValue { get; }

    /// <summary>Confidence level of [<see cref="Lower"/>, <see cref="Upper"/>], in (0, 1), e.g. 0.95.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Lower end of the Fisher z confidence interval, in [-1, 1].</summary>
    public double Lower { get; }

    /// <summary>Upper end of the Fisher z confidence interval, in [-1, 1].</summary>
    public double Upper { get; }

    /// <summary>Formats as <c>Pearson r = -0.848 (95% CI -0.923 to -0.708), t(30) = -8.75, p = 9.38e-10, n = 32</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Method}{(CovariateCount > 0 ? $" partial ({CovariateCount} covariate{(CovariateCount > 1 ? "s" : "")})" : "")} r = {R:G3} ({ConfidenceLevel * 100:G3}% CI {Lower:G3} to {Upper:G3}), t({DegreesOfFreedom}) = {TStatistic:G3}, p = {PValue:G3}, n = {N}");
}
