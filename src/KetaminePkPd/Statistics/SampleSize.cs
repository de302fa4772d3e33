using MathNet.Numerics.Distributions;

namespace KetaminePkPd.Statistics;

/// <summary>
/// How many subjects a trial needs for its correlation to tell two hypotheses apart, and the power of a given trial
/// size, by Fisher's z transformation.
/// </summary>
/// <remarks>
/// <para>The design is a <b>one-sample</b> z test: the trial's r is compared with a <b>fixed</b> reference value
/// <c>referenceR</c> (e.g. the correlation that shared exposure alone produces, taken as known from simulation), while
/// the population actually has correlation <c>trueR</c> (e.g. what a shared-mechanism hypothesis predicts). atanh(r) is
/// approximately normal with mean atanh(rho) and variance 1/(n - 3) (Fisher 1921), so with
/// d = |atanh(trueR) - atanh(referenceR)|:</para>
/// <para>n = ((z_{1-alpha/2} + z_{power}) / d)^2 + 3, rounded up (Lachin 1981, Control Clin Trials 2:93; Cohen 1988;
/// Hulley et al., Designing Clinical Research, app. 6C, for referenceR = 0).</para>
/// <para>This is not a comparison of two estimated correlations from two independent trials; that would need
/// var = 1/(n1 - 3) + 1/(n2 - 3), about twice the subjects per trial. The formula also neglects the chance of rejecting
/// in the wrong direction, so <see cref="Power"/> at the returned n is at least the requested power.</para>
/// </remarks>
internal static class SampleSize
{
    /// <summary>Subjects per trial for a two-sided one-sample Fisher z test of H0: rho = <paramref name="referenceR"/> to reach <paramref name="power"/> when rho = <paramref name="trueR"/>.</summary>
    /// <param name="trueR">The correlation the population has under the hypothesis to detect, in (-1, 1).</param>
    /// <param name="referenceR">The fixed value the trial's r is tested against, in (-1, 1), different from <paramref name="trueR"/>.</param>
    /// <param name="alpha">Two-sided type I error, in (0, 1). Default 0.05.</param>
    /// <param name="power">Desired power, in (alpha/2, 1). Default 0.80.</param>
    /// <returns>n, at least 4.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    /// <exception cref="ArgumentException">The two correlations are equal, or so close that n would exceed <see cref="int.MaxValue"/>.</exception>
    public static int Required(double trueR, double referenceR, double alpha = 0.05, double power = 0.80)
    {
        double d = Separation(trueR, referenceR);
        StatisticsChecks.OpenUnit(alpha, nameof(alpha));
        if (!double.IsFinite(power) || power <= alpha / 2 || power >= 1)
            throw new ArgumentOutOfRangeException(nameof(power), power, $"power must be finite and in (alpha/2, 1) = ({StatisticsChecks.F(alpha / 2)}, 1), got {StatisticsChecks.F(power)}.");
        double zSum = Normal.InvCDF(0, 1, 1 - alpha / 2) + Normal.InvCDF(0, 1, power);
        double n = Math.Ceiling(zSum * zSum / (d * d) + 3);
        if (n > int.MaxValue)
            throw new ArgumentException($"trueR {StatisticsChecks.F(trueR)} and referenceR {StatisticsChecks.F(referenceR)} are too close: n would be {StatisticsChecks.F(n)}.", nameof(referenceR));
        return (int)n;
    }

    /// <summary>Power of the two-sided one-sample Fisher z test of H0: rho = <paramref name="referenceR"/> with <paramref name="n"/> subjects when rho = <paramref name="trueR"/>.</summary>
    /// <remarks>Phi(d sqrt(n - 3) - z_{1-alpha/2}) + Phi(-d sqrt(n - 3) - z_{1-alpha/2}): both rejection regions, under the normal approximation to atanh(r).</remarks>
    /// <param name="trueR">The correlation the population has, in (-1, 1).</param>
    /// <param name="referenceR">The fixed value tested against, in (-1, 1), different from <paramref name="trueR"/>.</param>
    /// <param name="n">Subjects per trial, at least 4.</param>
    /// <param name="alpha">Two-sided type I error, in (0, 1). Default 0.05.</param>
    /// <returns>The power, in (0, 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    /// <exception cref="ArgumentException">The two correlations are equal.</exception>
    public static double Power(double trueR, double referenceR, int n, double alpha = 0.05)
    {
        double d = Separation(trueR, referenceR);
        StatisticsChecks.OpenUnit(alpha, nameof(alpha));
        if (n < 4)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be at least 4 (the variance of atanh(r) is 1/(n - 3)), got {n}.");
        double z = Normal.InvCDF(0, 1, 1 - alpha / 2);
        double shift = d * Math.Sqrt(n - 3.0);
        return Normal.CDF(0, 1, shift - z) + Normal.CDF(0, 1, -shift - z);
    }

    private static double Separation(double trueR, double referenceR)
    {
        if (!double.IsFinite(trueR) || trueR <= -1 || trueR >= 1)
            throw new ArgumentOutOfRangeException(nameof(trueR), trueR, $"trueR must be finite and in (-1, 1), got {StatisticsChecks.F(trueR)}.");
        if (!double.IsFinite(referenceR) || referenceR <= -1 || referenceR >= 1)
            throw new ArgumentOutOfRangeException(nameof(referenceR), referenceR, $"referenceR must be finite and in (-1, 1), got {StatisticsChecks.F(referenceR)}.");
        double d = Math.Abs(Math.Atanh(trueR) - Math.Atanh(referenceR));
        if (d == 0)
            throw new ArgumentException($"referenceR must differ from trueR, got both {StatisticsChecks.F(trueR)}.", nameof(referenceR));
        return d;
    }
}
