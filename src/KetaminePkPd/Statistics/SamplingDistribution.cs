using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using MathNet.Numerics.Statistics;

namespace KetaminePkPd.Statistics;

/// <summary>
/// The empirical distribution of a statistic over replicate trials (e.g. the r of 1000 simulated trials of 58 patients
/// under one causal hypothesis): median, percentile intervals, tail probabilities and the percentile rank of an observed
/// value. Immutable; holds a sorted copy of the replicates.
/// </summary>
/// <remarks>
/// Quantiles are R's default type 7 (Hyndman and Fan 1996): linear interpolation between order statistics at
/// h = (n - 1) p, the same as Excel's PERCENTILE.INC and NumPy's default. They are computed by MathNet's
/// <c>SortedArrayStatistics.QuantileCustom(..., QuantileDefinition.R7)</c>; note that MathNet's plain
/// <c>Statistics.Quantile</c> is type 8, not 7.
/// </remarks>
/// <example><code>
/// var d = SamplingDistribution.FromReplicates(simulatedRs);
/// double p = d.ProbabilityAtMost(-0.35);          // how often shared exposure alone gives r &lt;= -0.35
/// var (lo, hi) = d.PercentileInterval(0.95);
/// </code></example>
public sealed class SamplingDistribution
{
    private readonly double[] _sorted;

    private SamplingDistribution(double[] sorted)
    {
        _sorted = sorted;
        double sum = 0;
        foreach (double v in sorted) sum += v;
        Mean = sum / sorted.Length;
        double ss = 0;
        foreach (double v in sorted) ss += (v - Mean) * (v - Mean);
        StandardDeviation = sorted.Length > 1 ? Math.Sqrt(ss / (sorted.Length - 1)) : 0;
        Values = ImmutableCollectionsMarshal.AsImmutableArray(sorted);
    }

    /// <summary>Builds the distribution from replicate values (copied, then sorted).</summary>
    /// <param name="replicates">At least one value; all finite.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentException">Empty, or a value is NaN or infinite.</exception>
    public static SamplingDistribution FromReplicates(ReadOnlySpan<double> replicates)
    {
        if (replicates.IsEmpty)
            throw new ArgumentException("replicates must hold at least one value, got none.", nameof(replicates));
        StatisticsChecks.Finite(replicates, nameof(replicates));
        double[] sorted = replicates.ToArray();
        Array.Sort(sorted);
        return new SamplingDistribution(sorted);
    }

    /// <summary>Number of replicates.</summary>
    public int Count => _sorted.Length;

    /// <summary>The replicate values in ascending order.</summary>
    public ImmutableArray<double> Values { get; }

    /// <summary>Arithmetic mean of the replicates.</summary>
    public double Mean { get; }

    /// <summary>Sample standard deviation (n - 1 denominator) of the replicates; 0 for a single replicate.</summary>
    public double StandardDeviation { get; }

    /// <summary>Median (the type-7 quantile at 0.5: the middle value, or the mean of the two middle values).</summary>
    public double Median => Quantile(0.5);

    /// <summary>Smallest replicate.</summary>
    public double Minimum => _sorted[0];

    /// <summary>Largest replicate.</summary>
    public double Maximum => _sorted[^1];

    /// <summary>The R type-7 sample quantile at <paramref name="probability"/>.</summary>
    /// <param name="probability">In [0, 1]; 0 gives the minimum, 1 the maximum.</param>
    /// <returns>The quantile.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is not finite or not in [0, 1].</exception>
    public double Quantile(double probability)
    {
        if (!double.IsFinite(probability) || probability < 0 || probability > 1)
            throw new ArgumentOutOfRangeException(nameof(probability), probability, $"probability must be finite and in [0, 1], got {StatisticsChecks.F(probability)}.");
        return SortedArrayStatistics.QuantileCustom(_sorted, probability, QuantileDefinition.R7);
    }

    /// <summary>The central percentile interval holding <paramref name="level"/> of the replicates: the type-7 quantiles at (1 - level)/2 and (1 + level)/2.</summary>
    /// <param name="level">Coverage, in (0, 1), e.g. 0.95 for the 2.5th and 97.5th percentiles.</param>
    /// <returns>The lower and upper ends.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1).</exception>
    public (double Lower, double Upper) PercentileInterval(double level)
    {
        StatisticsChecks.OpenUnit(level, nameof(level));
        return (Quantile(0.5 - 0.5 * level), Quantile(0.5 + 0.5 * level));
    }

    /// <summary>
    /// The fraction of replicates at or below <paramref name="value"/>: the estimated probability that a trial gives a
    /// statistic at least as extreme as <paramref name="value"/> in the downward direction, e.g. P(r &lt;= -0.35).
    /// </summary>
    /// <remarks>A plain proportion k/n: 0 means "fewer than 1 in <see cref="Count"/>", not impossible. For a Monte Carlo
    /// p-value that counts the observed trial itself, use (k + 1)/(n + 1) (Davison and Hinkley 1997, eq. 4.11).</remarks>
    /// <param name="value">The observed value; finite.</param>
    /// <returns>A proportion in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public double ProbabilityAtMost(double value) => CountAtMost(CheckValue(value)) / (double)Count;

    /// <summary>
    /// The fraction of replicates at or above <paramref name="value"/>: the estimated probability that a trial gives a
    /// statistic at least as extreme as <paramref name="value"/> in the upward direction, e.g. P(r &gt;= 0.41).
    /// </summary>
    /// <remarks>See <see cref="ProbabilityAtMost"/> for the meaning of 0 and for Monte Carlo p-values.</remarks>
    /// <param name="value">The observed value; finite.</param>
    /// <returns>A proportion in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public double ProbabilityAtLeast(double value) => (Count - CountBelow(CheckValue(value))) / (double)Count;

    /// <summary>
    /// Percentile rank of <paramref name="value"/> among the replicates, in [0, 100]: 100 (below + equal/2)/n, where
    /// below and equal count the replicates strictly below and equal to the value (ties count half).
    /// </summary>
    /// <param name="value">The observed value; finite.</param>
    /// <returns>The percentile rank, in [0, 100].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public double PercentileRank(double value)
    {
        CheckValue(value);
        int below = CountBelow(value), atMost = CountAtMost(value);
        return 100.0 * (below + 0.5 * (atMost - below)) / Count;
    }

    /// <summary>
    /// Places <paramref name="value"/> in the distribution in both directions: percentile rank, the two tails, the
    /// two-sided compatibility p (twice the smaller tail) with its Monte Carlo standard error, and whether it lies in the
    /// central 95%. See <see cref="Compatibility"/>.
    /// </summary>
    /// <param name="value">The observed value; finite.</param>
    /// <returns>The compatibility.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public Compatibility CompatibilityWith(double value)
    {
        CheckValue(value);
        int below = CountBelow(value), atMost = CountAtMost(value);
        var (lo, hi) = PercentileInterval(0.95);
        return new Compatibility(value, Count, atMost / (double)Count, (Count - below) / (double)Count,
            100.0 * (below + 0.5 * (atMost - below)) / Count, lo, hi);
    }

    /// <summary>Formats as <c>n = 1000, median -0.21 (95% interval -0.45 to 0.05)</c>.</summary>
    public override string ToString()
    {
        var (lo, hi) = PercentileInterval(0.95);
        return string.Create(CultureInfo.InvariantCulture, $"n = {Count}, median {Median:G3} (95% interval {lo:G3} to {hi:G3})");
    }

    private static double CheckValue(double value) => double.IsFinite(value) ? value
        : throw new ArgumentOutOfRangeException(nameof(value), value, $"value must be finite, got {StatisticsChecks.F(value)}.");

    /// <summary>Number of replicates strictly below <paramref name="value"/> (lower bound).</summary>
    private int CountBelow(double value)
    {
        int lo = 0, hi = _sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Number of replicates at or below <paramref name="value"/> (upper bound).</summary>
    private int CountAtMost(double value)
    {
        int lo = 0, hi = _sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_sorted[mid] <= value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
