using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;

namespace KetaminePkPd.Statistics;

/// <summary>
/// Simple mediation analysis X -&gt; M -&gt; Y by ordinary least squares with a percentile bootstrap interval for the
/// indirect effect (Preacher and Hayes 2008, Behav Res Methods 40:879; Hayes 2022, Introduction to Mediation,
/// Moderation, and Conditional Process Analysis, 3rd ed., ch. 3-4, PROCESS model 4 without covariates).
/// </summary>
/// <remarks>
/// <para><b>Model.</b> M = i1 + a X; Y = i2 + c' X + b M; Y = i3 + c X. Indirect effect a b, direct effect c',
/// total effect c = c' + a b. Standard errors are the usual OLS ones; the Sobel (1982) test uses
/// se(a b) = sqrt(b^2 se_a^2 + a^2 se_b^2) and the normal distribution (it is known to be conservative in small
/// samples; prefer the bootstrap interval).</para>
/// <para><b>Bootstrap.</b> B resamples of the n subjects drawn with replacement (each subject keeps its (X, M, Y)
/// triple); a b is re-estimated in each; the interval is the type-7 quantiles (as <see cref="SamplingDistribution"/>)
/// of the B estimates at (1 - level)/2 and (1 + level)/2. Random numbers: one MathNet <c>Xoshiro256StarStar(seed)</c>
/// stream (not thread-safe mode), subject indices drawn as <c>Next(n)</c>, n per resample, resamples in order; the same
/// seed gives bit-identical results. A resample in which X is constant or M is constant or collinear with X is
/// redrawn and counted in <see cref="MediationResult.ResamplesReplaced"/> (PROCESS does the same).</para>
/// <para><b>Causality.</b> The estimates are associations; reading a b as a causal indirect effect needs no unmeasured
/// X-M, X-Y or M-Y confounding, which simulated hypotheses can guarantee and real trials cannot.</para>
/// </remarks>
internal static class Mediation
{
    /// <summary>Fewest bootstrap resamples accepted.</summary>
    public const int MinimumResamples = 100;

    /// <summary>Most bootstrap resamples accepted.</summary>
    public const int MaximumResamples = 100_000;

    /// <summary>Fewest subjects accepted (Y on X and M has 3 coefficients, so n - 3 &gt;= 1).</summary>
    public const int MinimumSubjects = 4;

    /// <summary>Estimates the simple mediation model X -&gt; M -&gt; Y and a percentile bootstrap interval for a b.</summary>
    /// <param name="x">The cause, one value per subject (e.g. dose in mg/kg or exposure); finite, not constant.</param>
    /// <param name="m">The mediator, same length (e.g. CADSS); finite, not constant, not a linear function of x.</param>
    /// <param name="y">The outcome, same length (e.g. % improvement); finite, not constant. At least 4 subjects.</param>
    /// <param name="resamples">Bootstrap resamples B, in [100, 100000]; 5000 or more for a reported interval.</param>
    /// <param name="seed">Seed of the bootstrap random stream (any int); stored in the result.</param>
    /// <param name="confidenceLevel">Level of the bootstrap interval, in (0, 1). Default 0.95.</param>
    /// <returns>The paths, indirect effect, interval and Sobel test.</returns>
    /// <exception cref="ArgumentException">Lengths differ, n &lt; 4, a value is NaN or infinite, an argument is constant, m is a linear function of x, or more than B resamples had to be redrawn.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resamples"/> or <paramref name="confidenceLevel"/> is out of range.</exception>
    public static MediationResult Estimate(ReadOnlySpan<double> x, ReadOnlySpan<double> m, ReadOnlySpan<double> y, int resamples, int seed, double confidenceLevel = Correlation.DefaultConfidenceLevel)
    {
        StatisticsChecks.OpenUnit(confidenceLevel, nameof(confidenceLevel));
        if (resamples < MinimumResamples || resamples > MaximumResamples)
            throw new ArgumentOutOfRangeException(nameof(resamples), resamples, $"resamples must be in [{MinimumResamples}, {MaximumResamples}], got {resamples}.");
        StatisticsChecks.SameLength(x.Length, m.Length, nameof(x), nameof(m), MinimumSubjects, "the regression of y on x and m needs n - 3 >= 1");
        StatisticsChecks.SameLength(x.Length, y.Length, nameof(x), nameof(y), MinimumSubjects, "the regression of y on x and m needs n - 3 >= 1");
        StatisticsChecks.Finite(x, nameof(x));
        StatisticsChecks.Finite(m, nameof(m));
        StatisticsChecks.Finite(y, nameof(y));
        StatisticsChecks.NotConstant(x, nameof(x));
        StatisticsChecks.NotConstant(m, nameof(m));
        StatisticsChecks.NotConstant(y, nameof(y));

        int n = x.Length;
        int[] index = new int[n];
        for (int i = 0; i < n; i++) index[i] = i;
        if (!MediationPaths.TryEstimate(x, m, y, index, withErrors: true, out MediationPaths paths))
            throw new ArgumentException("m is a linear function of x (to within 1e-12 relative); the paths a and b cannot be separated.", nameof(m));

        var rng = new Xoshiro256StarStar(seed, false);
        double[] estimates = new double[resamples];
        int replaced = 0;
        for (int r = 0; r < resamples; r++)
        {
            for (int i = 0; i < n; i++) index[i] = rng.Next(n);
            if (MediationPaths.TryEstimate(x, m, y, index, withErrors: false, out MediationPaths boot))
            {
                estimates[r] = boot.A * boot.B;
                continue;
            }
            if (++replaced > resamples)
                throw new ArgumentException($"More than {resamples} bootstrap resamples had x constant or m collinear with x; n = {n} subjects are too few or too tied for a bootstrap.", nameof(x));
            r--;
        }

        double bootSe = estimates.StandardDeviation();
        Array.Sort(estimates);
        double lower = SortedArrayStatistics.QuantileCustom(estimates, 0.5 - 0.5 * confidenceLevel, QuantileDefinition.R7);
        double upper = SortedArrayStatistics.QuantileCustom(estimates, 0.5 + 0.5 * confidenceLevel, QuantileDefinition.R7);
        return new MediationResult(n, paths, lower, upper, bootSe, confidenceLevel, resamples, replaced, seed);
    }
}
