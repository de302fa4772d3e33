namespace KetaminePkPd.Statistics;

/// <summary>
/// Pearson, Spearman and partial correlations with p-values and Fisher z confidence intervals, plus allocation-free
/// coefficients for replicate loops.
/// </summary>
/// <remarks>
/// <para>Every method takes paired samples (one value per subject in each span) and rejects mismatched lengths, NaN or
/// infinite values and constant input with an <see cref="ArgumentException"/> that names the argument; a
/// <c>confidenceLevel</c> outside (0, 1) gives an <see cref="ArgumentOutOfRangeException"/>.</para>
/// <para>Coefficients are computed by the two-pass algorithm (means first, then centred sums of squares and products),
/// which does not lose precision when the means are large relative to the spread, and clamped to [-1, 1].</para>
/// <para>See <see cref="CorrelationResult"/> for the test and interval formulas and for the |r| = 1 behaviour.</para>
/// </remarks>
public static class Correlation
{
    /// <summary>Default confidence level of the intervals: 0.95.</summary>
    public const double DefaultConfidenceLevel = 0.95;

    /// <summary>Smallest n for which a Fisher z interval exists (se = 1/sqrt(n - 3)).</summary>
    public const int MinimumPairs = 4;

    /// <summary>
    /// Pearson's product-moment correlation of <paramref name="x"/> and <paramref name="y"/>, its two-sided t test
    /// (n - 2 df, as R's <c>cor.test</c>) and Fisher z interval (se = 1/sqrt(n - 3)).
    /// </summary>
    /// <param name="x">One value per subject; finite, not all equal.</param>
    /// <param name="y">One value per subject, same length as <paramref name="x"/> (at least 4); finite, not all equal.</param>
    /// <param name="confidenceLevel">Confidence level of the interval, in (0, 1). Default 0.95.</param>
    /// <returns>The coefficient with its test and interval.</returns>
    /// <exception cref="ArgumentException">Lengths differ, n &lt; 4, a value is NaN or infinite, or an argument is constant.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not in (0, 1).</exception>
    public static CorrelationResult Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double confidenceLevel = DefaultConfidenceLevel)
    {
        StatisticsChecks.OpenUnit(confidenceLevel, nameof(confidenceLevel));
        StatisticsChecks.SameLength(x.Length, y.Length, nameof(x), nameof(y), MinimumPairs, "a Fisher z interval needs n - 3 > 0");
        double r = PearsonCore(x, y, nameof(x), nameof(y));
        return new CorrelationResult(CorrelationMethod.Pearson, r, x.Length, 0, confidenceLevel, 1 / Math.Sqrt(x.Length - 3));
    }

    /// <summary>
    /// Spearman's rank correlation: Pearson's correlation of the average ranks (tied values get mid-ranks, as R's
    /// <c>rank</c>), with the t approximation for the p-value and a Fisher z interval with se = sqrt(1.06/(n - 3)).
    /// </summary>
    /// <remarks>
    /// The p-value is exactly what R's <c>cor.test(x, y, method = "spearman", exact = FALSE)</c> (continuity = FALSE)
    /// reports: P(|T_{n-2}| &gt;= |rho| sqrt((n - 2)/(1 - rho^2))). R uses this approximation by default when there are ties
    /// or more than 1290 pairs; otherwise its default is the exact null distribution (algorithm AS 89), which
    /// this method does not compute. The interval uses the variance 1.06/(n - 3) of atanh(rho) from Fieller, Hartley and
    /// Pearson (1957), Biometrika 44:470-481, an approximation derived for bivariate normal data and moderate
    /// correlations.
    /// </remarks>
    /// <param name="x">One value per subject; finite, not all equal.</param>
    /// <param name="y">One value per subject, same length as <paramref name="x"/> (at least 4); finite, not all equal.</param>
    /// <param name="confidenceLevel">Confidence level of the interval, in (0, 1). Default 0.95.</param>
    /// <returns>The coefficient with its test and interval.</returns>
    /// <exception cref="ArgumentException">Lengths differ, n &lt; 4, a value is NaN or infinite, or an argument is constant.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not in (0, 1).</exception>
    public static CorrelationResult Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double confidenceLevel = DefaultConfidenceLevel)
    {
        StatisticsChecks.OpenUnit(confidenceLevel, nameof(confidenceLevel));
        StatisticsChecks.SameLength(x.Length, y.Length, nameof(x), nameof(y), MinimumPairs, "a Fisher z interval needs n - 3 > 0");
        CheckColumn(x, nameof(x));
        CheckColumn(y, nameof(y));
        double r = PearsonCore(Ranks.Average(x), Ranks.Average(y), nameof(x), nameof(y));
        return new CorrelationResult(CorrelationMethod.Spearman, r, x.Length, 0, confidenceLevel, Math.Sqrt(1.06 / (x.Length - 3)));
    }

    /// <summary>
    /// Partial (Pearson) correlation of <paramref name="x"/> and <paramref name="y"/> given one covariate: the correlation
    /// of the OLS residuals of x and of y on the covariate with an intercept. See
    /// <see cref="Partial(ReadOnlySpan{double}, ReadOnlySpan{double}, IReadOnlyList{double[]}, double)"/>.
    /// </summary>
    /// <param name="x">One value per subject; finite, not a linear function of the covariate.</param>
    /// <param name="y">One value per subject, same length; finite, not a linear function of the covariate.</param>
    /// <param name="covariate">The variable to adjust for (e.g. dose or concentration), same length (at least 5); finite, not constant.</param>
    /// <param name="confidenceLevel">Confidence level of the interval, in (0, 1). Default 0.95.</param>
    /// <returns>The partial correlation with <see cref="CorrelationResult.CovariateCount"/> = 1.</returns>
    /// <exception cref="ArgumentException">Lengths differ, n &lt; 5, a value is NaN or infinite, the covariate is constant, or x or y is a linear function of it.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not in (0, 1).</exception>
    public static CorrelationResult Partial(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> covariate, double confidenceLevel = DefaultConfidenceLevel)
        => PartialCore(x, y, [covariate.ToArray()], [nameof(covariate)], nameof(covariate), confidenceLevel);

    /// <summary>
    /// Partial (Pearson) correlation of <paramref name="x"/> and <paramref name="y"/> given k covariates: the correlation
    /// of the OLS residuals of x and of y on the covariates with an intercept, its t test with n - 2 - k df and a Fisher
    /// z interval with se = 1/sqrt(n - 3 - k).
    /// </summary>
    /// <remarks>
    /// The test is R ppcor's <c>pcor.test</c> (Kim 2015, Commun Stat Appl Methods 22:665): t = r sqrt((n - 2 - k)/(1 - r^2)),
    /// which equals the t value of x's coefficient in the regression of y on x and the covariates. Note that
    /// <c>cor.test</c> on the two residual vectors would use n - 2 df and so give a slightly smaller p-value.
    /// </remarks>
    /// <param name="x">One value per subject; finite, not a linear function of the covariates.</param>
    /// <param name="y">One value per subject, same length; finite, not a linear function of the covariates.</param>
    /// <param name="covariates">k &gt;= 1 arrays of one value per subject, each the same length as x; finite, none constant or a linear combination of the others. n must be at least k + 4.</param>
    /// <param name="confidenceLevel">Confidence level of the interval, in (0, 1). Default 0.95.</param>
    /// <returns>The partial correlation with <see cref="CorrelationResult.CovariateCount"/> = k.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="covariates"/> or one of its arrays is null.</exception>
    /// <exception cref="ArgumentException">Lengths differ, n &lt; k + 4, no covariate, a value is NaN or infinite, a covariate is constant or collinear, or x or y is a linear function of the covariates.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not in (0, 1).</exception>
    public static CorrelationResult Partial(ReadOnlySpan<double> x, ReadOnlySpan<double> y, IReadOnlyList<double[]> covariates, double confidenceLevel = DefaultConfidenceLevel)
    {
        ArgumentNullException.ThrowIfNull(covariates);
        var names = new string[covariates.Count];
        for (int j = 0; j < names.Length; j++) names[j] = $"covariates[{j}]";
        return PartialCore(x, y, covariates, names, nameof(covariates), confidenceLevel);
    }

    /// <summary>
    /// Pearson's r of <paramref name="x"/> and <paramref name="y"/> only: no test, no interval, no allocation. For tight
    /// replicate loops; equals <see cref="Pearson"/>'s <see cref="CorrelationResult.R"/>.
    /// </summary>
    /// <param name="x">At least 2 values; finite, not all equal.</param>
    /// <param name="y">Same length as <paramref name="x"/>; finite, not all equal.</param>
    /// <returns>r in [-1, 1].</returns>
    /// <exception cref="ArgumentException">Lengths differ, n &lt; 2, a value is NaN or infinite, or an argument is constant.</exception>
    public static double PearsonR(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        StatisticsChecks.SameLength(x.Length, y.Length, nameof(x), nameof(y), 2, "a correlation needs two points");
        return PearsonCore(x, y, nameof(x), nameof(y));
    }

    /// <summary>
    /// Partial correlation of <paramref name="x"/> and <paramref name="y"/> given one covariate <paramref name="z"/>,
    /// coefficient only and allocation-free, from the three pairwise Pearson correlations:
    /// (r_xy - r_xz r_yz) / sqrt((1 - r_xz^2)(1 - r_yz^2)). Equals <see cref="Partial(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>'s r.
    /// </summary>
    /// <param name="x">At least 3 values; finite, not constant, not a linear function of z.</param>
    /// <param name="y">Same length; finite, not constant, not a linear function of z.</param>
    /// <param name="z">The covariate, same length; finite, not constant.</param>
    /// <returns>The partial r in [-1, 1].</returns>
    /// <exception cref="ArgumentException">Lengths differ, n &lt; 3, a value is NaN or infinite, an argument is constant, or |r_xz| or |r_yz| is 1 (to within 1 - r^2 &lt;= 1e-13).</exception>
    public static double PartialR(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z)
    {
        StatisticsChecks.SameLength(x.Length, y.Length, nameof(x), nameof(y), 3, "a partial correlation needs three points");
        StatisticsChecks.SameLength(x.Length, z.Length, nameof(x), nameof(z), 3, "a partial correlation needs three points");
        double rxy = PearsonCore(x, y, nameof(x), nameof(y));
        double rxz = PearsonCore(x, z, nameof(x), nameof(z));
        double ryz = PearsonCore(y, z, nameof(y), nameof(z));
        double dx = (1 - rxz) * (1 + rxz), dy = (1 - ryz) * (1 + ryz);
        if (dx <= 1e-13)
            throw new ArgumentException($"x is a linear function of z (r = {StatisticsChecks.F(rxz)}); its partial correlation is undefined.", nameof(x));
        if (dy <= 1e-13)
            throw new ArgumentException($"y is a linear function of z (r = {StatisticsChecks.F(ryz)}); its partial correlation is undefined.", nameof(y));
        return Math.Clamp((rxy - rxz * ryz) / Math.Sqrt(dx * dy), -1.0, 1.0);
    }

    private static CorrelationResult PartialCore(ReadOnlySpan<double> x, ReadOnlySpan<double> y, IReadOnlyList<double[]> covariates, IReadOnlyList<string> names, string parameterName, double confidenceLevel)
    {
        StatisticsChecks.OpenUnit(confidenceLevel, nameof(confidenceLevel));
        int k = covariates.Count;
        if (k == 0)
            throw new ArgumentException("covariates must hold at least one covariate, got none; use Pearson for a plain correlation.", parameterName);
        StatisticsChecks.SameLength(x.Length, y.Length, nameof(x), nameof(y), MinimumPairs + k, $"a Fisher z interval with {k} covariate(s) needs n - 3 - k > 0");
        CheckColumn(x, nameof(x));
        CheckColumn(y, nameof(y));
        for (int j = 0; j < k; j++)
        {
            double[] c = covariates[j] ?? throw new ArgumentNullException(parameterName, $"{names[j]} is null.");
            if (c.Length != x.Length)
                throw new ArgumentException($"{names[j]} must have the same length as x ({x.Length}), got {c.Length}.", parameterName);
            StatisticsChecks.Finite(c, names[j], parameterName);
        }

        // For large n each step's temporary vectors (the QR's copies, v - Q Q^T v) are released before the next allocates
        // its own (LargeArrays; a 1 000 000-patient trial); the results do not change.
        var residualizer = new Residualizer(covariates, x.Length, names, parameterName);
        LargeArrays.Release(x.Length);
        double[] ex = residualizer.Residuals(x, nameof(x));
        LargeArrays.Release(x.Length);
        double[] ey = residualizer.Residuals(y, nameof(y));
        double r = PearsonCore(ex, ey, nameof(x), nameof(y));
        return new CorrelationResult(CorrelationMethod.Pearson, r, x.Length, k, confidenceLevel, 1 / Math.Sqrt(x.Length - 3 - k));
    }

    private static void CheckColumn(ReadOnlySpan<double> values, string name)
    {
        StatisticsChecks.Finite(values, name);
        StatisticsChecks.NotConstant(values, name);
    }

    /// <summary>Two-pass Pearson r of equal-length spans (length &gt;= 2); checks finiteness and constancy on the way.</summary>
    internal static double PearsonCore(ReadOnlySpan<double> x, ReadOnlySpan<double> y, string nameX, string nameY)
    {
        int n = x.Length;
        bool xVaries = false, yVaries = false;
        double x0 = x[0], y0 = y[0], maxX = 0, maxY = 0;
        for (int i = 0; i < n; i++)
        {
            double xi = x[i], yi = y[i];
            if (!double.IsFinite(xi))
                throw new ArgumentException($"{nameX} must hold finite values only, got {StatisticsChecks.F(xi)} at index {i}.", nameX);
            if (!double.IsFinite(yi))
                throw new ArgumentException($"{nameY} must hold finite values only, got {StatisticsChecks.F(yi)} at index {i}.", nameY);
            xVaries |= xi != x0;
            yVaries |= yi != y0;
            maxX = Math.Max(maxX, Math.Abs(xi));
            maxY = Math.Max(maxY, Math.Abs(yi));
        }
        if (!xVaries) StatisticsChecks.NotConstant(x, nameX);
        if (!yVaries) StatisticsChecks.NotConstant(y, nameY);

        // Scale by powers of two (exact) so that sums of values near the double range cannot overflow, and centre
        // with a corrected mean (second pass) so that a large common offset does not swamp the spread.
        int ex = -Math.ILogB(maxX), ey = -Math.ILogB(maxY);
        double sx = 0, sy = 0;
        for (int i = 0; i < n; i++)
        {
            sx += Math.ScaleB(x[i], ex);
            sy += Math.ScaleB(y[i], ey);
        }
        double mx = sx / n, my = sy / n, cx = 0, cy = 0;
        for (int i = 0; i < n; i++)
        {
            cx += Math.ScaleB(x[i], ex) - mx;
            cy += Math.ScaleB(y[i], ey) - my;
        }
        mx += cx / n;
        my += cy / n;
        double sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = Math.ScaleB(x[i], ex) - mx, dy = Math.ScaleB(y[i], ey) - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        if (sxx == 0 || syy == 0)
            throw new ArgumentException($"{(sxx == 0 ? nameX : nameY)} has zero variance to machine precision; a correlation with it is undefined.", sxx == 0 ? nameX : nameY);
        return Math.Clamp(sxy / (Math.Sqrt(sxx) * Math.Sqrt(syy)), -1.0, 1.0);
    }
}
