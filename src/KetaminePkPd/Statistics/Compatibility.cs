using System.Globalization;

namespace KetaminePkPd.Statistics;

/// <summary>
/// Where an observed value falls in a simulated sampling distribution, and how compatible it is with it, in both
/// directions: its percentile rank, the two tails, the two-sided compatibility p (twice the smaller tail) with its
/// Monte Carlo standard error, and whether it lies inside the central interval. Immutable; built by
/// <see cref="SamplingDistribution.CompatibilityWith"/>.
/// </summary>
/// <remarks>
/// <para>Two-sided p. p = min(1, 2 min(P(X &lt;= v), P(X &gt;= v))), the usual "doubling" rule for an
/// equal-tailed test (Rothman, Greenland and Lash, Modern Epidemiology, 3rd ed., ch. 10: p as a measure of
/// compatibility between data and a model). An observation too weak for a hypothesis counts against it as much as one
/// too strong: it is in the upper tail instead of the lower one.</para>
/// <para>Monte Carlo error. With n replicates and the smaller tail estimated as q = k/n, the standard error of p is
/// 2 sqrt(q (1 - q) / n) (binomial), capped so that p +/- SE stays meaningful near 1. When k = 0 no replicate came that
/// far: p is reported as 0, to be read as "below 2/n" (<see cref="UpperBound"/>), and the binomial SE is 0.</para>
/// </remarks>
public sealed record Compatibility
{
    internal Compatibility(double value, int count, double lowerTail, double upperTail, double percentileRank, double lower95, double upper95)
    {
        Value = value;
        Count = count;
        LowerTail = lowerTail;
        UpperTail = upperTail;
        PercentileRank = percentileRank;
        Central95 = (lower95, upper95);
        double q = Math.Min(lowerTail, upperTail);
        TwoSidedP = Math.Min(1, 2 * q);
        StandardError = Math.Min(1, 2 * Math.Sqrt(q * (1 - q) / count));
    }

    /// <summary>The observed value that was placed in the distribution.</summary>
    public double Value { get; }

    /// <summary>Number of replicates in the distribution.</summary>
    public int Count { get; }

    /// <summary>Share of replicates at or below <see cref="Value"/>: P(X &lt;= v), in [0, 1].</summary>
    public double LowerTail { get; }

    /// <summary>Share of replicates at or above <see cref="Value"/>: P(X &gt;= v), in [0, 1].</summary>
    public double UpperTail { get; }

    /// <summary>Percentile rank of <see cref="Value"/>, in [0, 100] (ties count half; see <see cref="SamplingDistribution.PercentileRank"/>).</summary>
    public double PercentileRank { get; }

    /// <summary>The central 95% of the replicates (type-7 quantiles at 2.5% and 97.5%).</summary>
    public (double Lower, double Upper) Central95 { get; }

    /// <summary>Two-sided compatibility p: twice the smaller tail, at most 1.</summary>
    public double TwoSidedP { get; }

    /// <summary>Monte Carlo standard error of <see cref="TwoSidedP"/> (binomial, 2 sqrt(q (1 - q) / n)); 0 when no replicate reached the value.</summary>
    public double StandardError { get; }

    /// <summary>An upper bound for <see cref="TwoSidedP"/> when it is 0: 2/n ("fewer than 1 in n replicates in the smaller tail"); otherwise <see cref="TwoSidedP"/>.</summary>
    public double UpperBound => TwoSidedP > 0 ? TwoSidedP : 2.0 / Count;

    /// <summary>True when <see cref="Value"/> lies in the central 95% of the replicates (ends included).</summary>
    public bool IsInsideCentral95 => Value >= Central95.Lower && Value <= Central95.Upper;

    /// <summary>True when the value lies below the middle of the distribution (its smaller tail is the lower one).</summary>
    public bool IsBelowMiddle => LowerTail < UpperTail;

    /// <summary>True when <see cref="TwoSidedP"/> is at least <paramref name="alpha"/>.</summary>
    /// <param name="alpha">Level, in (0, 1); default 0.05.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is not in (0, 1).</exception>
    public bool IsCompatible(double alpha = 0.05)
    {
        StatisticsChecks.OpenUnit(alpha, nameof(alpha));
        return TwoSidedP >= alpha;
    }

    /// <summary>Formats as <c>percentile 0.4, two-sided p 0.008 +/- 0.002</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"percentile {PercentileRank:0.0}, two-sided p {(TwoSidedP > 0 ? TwoSidedP.ToString("0.000", CultureInfo.InvariantCulture) : "< " + UpperBound.ToString("G3", CultureInfo.InvariantCulture))} +/- {StandardError:0.000}");
}
