namespace KetaminePkPd.Populations;

/// <summary>
/// A population band of one time course: the 5th percentile, median and 95th percentile at each time, and any other
/// requested percentiles (R type 7 quantiles, as <see cref="Statistics.SamplingDistribution.Quantile"/>). Immutable; every
/// property is checked when set, so a <c>with</c> expression cannot make an invalid band.
/// </summary>
public sealed record TimeCourseBand
{
    /// <summary>Creates a band.</summary>
    /// <param name="timesH">Times, h (finite).</param>
    /// <param name="p5">5th percentile at each time (finite, one per time).</param>
    /// <param name="median">Median at each time (finite, one per time).</param>
    /// <param name="p95">95th percentile at each time (finite, one per time).</param>
    /// <exception cref="ArgumentException">A non-finite value, or a curve whose length differs from <paramref name="timesH"/>'s.</exception>
    public TimeCourseBand(EquatableArray<double> timesH, EquatableArray<double> p5, EquatableArray<double> median, EquatableArray<double> p95)
    {
        TimesH = timesH;
        P5 = p5;
        Median = median;
        P95 = p95;
    }

    /// <summary>Times, h.</summary>
    /// <exception cref="ArgumentException">A non-finite time (on set).</exception>
    public EquatableArray<double> TimesH { get; init => field = Guard.FiniteValues(value, nameof(TimesH)); }

    /// <summary>The times as durations from time zero (the same instants as <see cref="TimesH"/>).</summary>
    public EquatableArray<TimeSpan> Times => [.. TimesH.Select(Units.FromHours)];

    /// <summary>5th percentile at each time.</summary>
    /// <exception cref="ArgumentException">A non-finite value or a length other than <see cref="TimesH"/>'s (on set).</exception>
    public EquatableArray<double> P5 { get; init => field = Guard.FiniteValues(value, nameof(P5), TimesH.Length); }

    /// <summary>Median at each time.</summary>
    /// <exception cref="ArgumentException">A non-finite value or a length other than <see cref="TimesH"/>'s (on set).</exception>
    public EquatableArray<double> Median { get; init => field = Guard.FiniteValues(value, nameof(Median), TimesH.Length); }

    /// <summary>95th percentile at each time.</summary>
    /// <exception cref="ArgumentException">A non-finite value or a length other than <see cref="TimesH"/>'s (on set).</exception>
    public EquatableArray<double> P95 { get; init => field = Guard.FiniteValues(value, nameof(P95), TimesH.Length); }

    /// <summary>The probabilities of the requested percentile curves in <see cref="PercentileValues"/>, ascending, each in [0, 1]
    /// (e.g. 0.25 for the 25th percentile); empty when only <see cref="P5"/>, <see cref="Median"/> and <see cref="P95"/> were computed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A probability outside [0, 1], or not strictly ascending (on set).</exception>
    public EquatableArray<double> Percentiles
    {
        get;
        init
        {
            for (int i = 0; i < value.Length; i++)
            {
                Guard.InRange(value[i], 0, 1, $"{nameof(Percentiles)}[{i}]");
                if (i > 0 && value[i] <= value[i - 1])
                    throw new ArgumentOutOfRangeException(nameof(Percentiles), value[i], $"Percentiles must be strictly ascending, got {Guard.F(value[i])} after {Guard.F(value[i - 1])}.");
            }
            field = value;
        }
    }

    /// <summary>One curve per entry of <see cref="Percentiles"/>, in the same order, each with one value per time.</summary>
    /// <exception cref="ArgumentException">A count other than <see cref="Percentiles"/>', or a curve that is not finite or not one value per time (on set).</exception>
    public EquatableArray<EquatableArray<double>> PercentileValues
    {
        get;
        init
        {
            if (value.Length != Percentiles.Length)
                throw new ArgumentException($"PercentileValues must hold one curve per percentile ({Percentiles.Length}), got {value.Length}.", nameof(PercentileValues));
            for (int i = 0; i < value.Length; i++) Guard.FiniteValues(value[i], $"{nameof(PercentileValues)}[{i}]", TimesH.Length);
            field = value;
        }
    }

    /// <summary>The curve of the percentile with probability <paramref name="probability"/> (0.25 for the 25th percentile).</summary>
    /// <param name="probability">0.05, 0.5, 0.95 or one of <see cref="Percentiles"/>.</param>
    /// <returns>One value per time.</returns>
    /// <exception cref="ArgumentException">That percentile was not computed; the message lists those that were.</exception>
    public EquatableArray<double> Percentile(double probability)
    {
        int i = Percentiles.IndexOf(probability);
        if (i >= 0) return PercentileValues[i];
        if (probability == 0.05) return P5;
        if (probability == 0.5) return Median;
        if (probability == 0.95) return P95;
        throw new ArgumentException($"probability {Guard.F(probability)} was not computed; this band has 0.05, 0.5, 0.95{string.Concat(Percentiles.Select(p => ", " + Guard.F(p)))}.", nameof(probability));
    }

    /// <summary>The band of <paramref name="courses"/> (one array per patient, each aligned with <paramref name="timesH"/>),
    /// with the curves of <paramref name="percentiles"/> as well when given (ascending).</summary>
    internal static TimeCourseBand Of(double[] timesH, IReadOnlyList<double[]> courses, double[]? percentiles = null)
    {
        int t = timesH.Length, q = percentiles?.Length ?? 0;
        var p5 = new double[t];
        var p50 = new double[t];
        var p95 = new double[t];
        var extra = new double[q][];
        for (int j = 0; j < q; j++) extra[j] = new double[t];
        var column = new double[courses.Count];
        for (int k = 0; k < t; k++)
        {
            for (int i = 0; i < courses.Count; i++) column[i] = courses[i][k];
            var d = Statistics.SamplingDistribution.FromReplicates(column);
            p5[k] = d.Quantile(0.05);
            p50[k] = d.Median;
            p95[k] = d.Quantile(0.95);
            for (int j = 0; j < q; j++) extra[j][k] = d.Quantile(percentiles![j]);
        }
        var band = new TimeCourseBand(timesH, p5, p50, p95);
        return q == 0 ? band : band with { Percentiles = percentiles, PercentileValues = [.. extra.Select(e => (EquatableArray<double>)e)] };
    }
}
