using System.Globalization;

namespace KetaminePkPd.Evidence;

/// <summary>
/// The statistic a published analysis reports, as reported. Every value is oriented as the library's hypothesis test: dissociation
/// against the change of the depression score (negative = improvement), so a negative correlation or slope means more dissociation,
/// more improvement. A value the source does not give is null. Immutable; build it with the factories.
/// </summary>
internal sealed record EvidenceStatistic
{
    private EvidenceStatistic(EvidenceStatisticKind kind, string reported)
    {
        Kind = kind;
        Reported = Guard.NotBlank(reported, nameof(reported));
    }

    /// <summary>The kind of statistic.</summary>
    public EvidenceStatisticKind Kind { get; }

    /// <summary>The value: r, slope (outcome points per CADSS point) or share of significant tests; null when not reported.</summary>
    public double? Value { get; private init; }

    /// <summary>Lower end of the reported 95% interval, or null.</summary>
    public double? Low { get; private init; }

    /// <summary>Upper end of the reported 95% interval, or null.</summary>
    public double? High { get; private init; }

    /// <summary>The reported standard error (or "SD" of an estimate), or null.</summary>
    public double? StandardError { get; private init; }

    /// <summary>The reported two-sided p-value, or null.</summary>
    public double? P { get; private init; }

    /// <summary>Direction: of a value's sign, of a significant association without a value, or of the associations a review counted
    /// (-1 more dissociation, more improvement; +1 the reverse; 0 none or either).</summary>
    public int Direction { get; private init; }

    /// <summary>For a review: the number of tests (associations or studies) it counted; otherwise null.</summary>
    public int? Tests { get; private init; }

    /// <summary>For a review: the number of significant tests when the source states it; otherwise null.</summary>
    public int? Significant { get; private init; }

    /// <summary>The statistic in the source's words.</summary>
    public string Reported { get; }

    /// <summary>A Pearson correlation.</summary>
    /// <param name="r">r, in (-1, 1), against the change (negative = more dissociation, more improvement).</param>
    /// <param name="p">The reported two-sided p, in (0, 1], or null.</param>
    /// <param name="reported">The source's words.</param>
    /// <exception cref="ArgumentException">A value out of range or empty words.</exception>
    public static EvidenceStatistic Pearson(double r, double? p, string reported) => new(EvidenceStatisticKind.Pearson, reported)
    {
        Value = Guard.InRange(r, -0.999, 0.999, nameof(r)),
        P = Probability(p, nameof(p)),
        Direction = Math.Sign(r),
    };

    /// <summary>A Spearman correlation.</summary>
    /// <param name="r">r, in (-1, 1).</param>
    /// <param name="p">The reported two-sided p, or null.</param>
    /// <param name="reported">The source's words.</param>
    /// <exception cref="ArgumentException">A value out of range or empty words.</exception>
    public static EvidenceStatistic Spearman(double r, double? p, string reported) => new(EvidenceStatisticKind.Spearman, reported)
    {
        Value = Guard.InRange(r, -0.999, 0.999, nameof(r)),
        P = Probability(p, nameof(p)),
        Direction = Math.Sign(r),
    };

    /// <summary>A regression slope of the outcome (points) on CADSS (points).</summary>
    /// <param name="slope">Outcome points per CADSS point, in [-100, 100].</param>
    /// <param name="low">Lower end of the 95% interval, or null.</param>
    /// <param name="high">Upper end of the 95% interval, or null (both or neither; low &lt;= slope &lt;= high).</param>
    /// <param name="standardError">The reported standard error, positive, or null.</param>
    /// <param name="p">The reported two-sided p, or null.</param>
    /// <param name="reported">The source's words.</param>
    /// <exception cref="ArgumentException">A value out of range, half an interval, or empty words.</exception>
    public static EvidenceStatistic Slope(double slope, double? low, double? high, double? standardError, double? p, string reported)
    {
        Guard.InRange(slope, -100, 100, nameof(slope));
        if (low.HasValue != high.HasValue) throw new ArgumentException("Give both ends of the interval or neither.", nameof(low));
        if (low is { } lo && high is { } hi && !(lo <= slope && slope <= hi))
            throw new ArgumentOutOfRangeException(nameof(low), lo, $"The interval [{lo}, {hi}] must contain the slope {slope}.");
        if (standardError is { } se && !(se > 0 && double.IsFinite(se)))
            throw new ArgumentOutOfRangeException(nameof(standardError), se, $"standardError must be positive and finite, got {se}.");
        return new(EvidenceStatisticKind.Slope, reported)
        {
            Value = slope, Low = low, High = high, StandardError = standardError, P = Probability(p, nameof(p)), Direction = Math.Sign(slope),
        };
    }

    /// <summary>Only "not significant" was reported.</summary>
    /// <param name="reported">The source's words.</param>
    public static EvidenceStatistic NotSignificant(string reported) => new(EvidenceStatisticKind.NotSignificant, reported);

    /// <summary>Only "significant" in a direction was reported.</summary>
    /// <param name="direction">-1 more dissociation, more improvement; +1 the reverse.</param>
    /// <param name="reported">The source's words.</param>
    /// <exception cref="ArgumentOutOfRangeException">A direction other than -1 or +1.</exception>
    public static EvidenceStatistic SignificantDirection(int direction, string reported) => new(EvidenceStatisticKind.SignificantDirection, reported)
    {
        Direction = direction is -1 or 1 ? direction : throw new ArgumentOutOfRangeException(nameof(direction), direction, $"direction must be -1 or +1, got {direction}."),
    };

    /// <summary>A review's share of significant tests.</summary>
    /// <param name="share">The reported share, in [0, 1].</param>
    /// <param name="tests">The number of tests counted, 1 to 10 000.</param>
    /// <param name="significant">The number significant when stated (consistent with the share to within rounding), or null.</param>
    /// <param name="reported">The source's words.</param>
    /// <param name="direction">-1 when only associations of more dissociation with more improvement were counted; +1 the reverse; 0 either sign.</param>
    /// <exception cref="ArgumentException">A value out of range or a count that disagrees with the share.</exception>
    public static EvidenceStatistic ShareSignificant(double share, int tests, int? significant, string reported, int direction = 0)
    {
        Guard.InRange(share, 0, 1, nameof(share));
        Guard.InRange(tests, 1, 10_000, nameof(tests));
        if (significant is { } k && (k < 0 || k > tests || Math.Abs((double)k / tests - share) > 0.01))
            throw new ArgumentOutOfRangeException(nameof(significant), k, $"significant must be in [0, {tests}] and within 1 point of the share {share.ToString(CultureInfo.InvariantCulture)}, got {k}.");
        if (direction is not (-1 or 0 or 1)) throw new ArgumentOutOfRangeException(nameof(direction), direction, $"direction must be -1, 0 or +1, got {direction}.");
        return new(EvidenceStatisticKind.ShareSignificant, reported) { Value = share, Tests = tests, Significant = significant, Direction = direction };
    }

    private static double? Probability(double? p, string name) =>
        p is { } v ? (v > 0 && v <= 1 ? v : throw new ArgumentOutOfRangeException(name, v, $"{name} must be in (0, 1], got {v}.")) : null;
}
