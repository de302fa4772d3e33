using System.Collections.Immutable;

namespace KetaminePkPd.Comparisons;

/// <summary>A population band of one time course: the 5th percentile, median and 95th percentile at each time (R type 7 quantiles). Immutable.</summary>
/// <param name="TimesH">Times, h.</param>
/// <param name="P5">5th percentile at each time.</param>
/// <param name="Median">Median at each time.</param>
/// <param name="P95">95th percentile at each time.</param>
public sealed record TimeCourseBand(ImmutableArray<double> TimesH, ImmutableArray<double> P5, ImmutableArray<double> Median, ImmutableArray<double> P95)
{
    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = !Guard.FiniteValues(TimesH, nameof(TimesH)).IsDefault && !Guard.FiniteValues(P5, nameof(P5), TimesH.Length).IsDefault
        && !Guard.FiniteValues(Median, nameof(Median), TimesH.Length).IsDefault && !Guard.FiniteValues(P95, nameof(P95), TimesH.Length).IsDefault;

    /// <summary>The band of <paramref name="courses"/> (one array per patient, each aligned with <paramref name="timesH"/>).</summary>
    internal static TimeCourseBand Of(double[] timesH, IReadOnlyList<double[]> courses)
    {
        int t = timesH.Length;
        var p5 = new double[t];
        var p50 = new double[t];
        var p95 = new double[t];
        var column = new double[courses.Count];
        for (int k = 0; k < t; k++)
        {
            for (int i = 0; i < courses.Count; i++) column[i] = courses[i][k];
            var d = Statistics.SamplingDistribution.FromReplicates(column);
            p5[k] = d.Quantile(0.05);
            p50[k] = d.Median;
            p95[k] = d.Quantile(0.95);
        }
        return new TimeCourseBand(ImmutableArray.Create(timesH), ImmutableArray.Create(p5), ImmutableArray.Create(p50), ImmutableArray.Create(p95));
    }

    /// <summary>Value equality: every member, sequences element by element.</summary>
    /// <param name="other">The record to compare with.</param>
    public bool Equals(TimeCourseBand? other) => ReferenceEquals(this, other) || other is not null
        && ValueEquality.Equal(TimesH, other.TimesH)
        && ValueEquality.Equal(P5, other.P5)
        && ValueEquality.Equal(Median, other.Median)
        && ValueEquality.Equal(P95, other.P95);

    /// <summary>A hash consistent with <see cref="Equals(TimeCourseBand)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(ValueEquality.Hash(TimesH), ValueEquality.Hash(P5), ValueEquality.Hash(Median), ValueEquality.Hash(P95));
}
