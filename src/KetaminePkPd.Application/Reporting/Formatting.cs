namespace KetaminePkPd.Application.Reporting;

/// <summary>Formats numbers and times for people (invariant culture; machine outputs use round-trippable numbers instead).</summary>
public static class Formatting
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// A number with <paramref name="significant"/> significant digits in fixed notation (<c>185.3</c>, <c>0.04123</c>,
    /// <c>31250</c>), scientific below 1e-3, and <c>n/a</c> for NaN or infinities.
    /// </summary>
    public static string Number(double value, int significant = 4)
    {
        if (!double.IsFinite(value)) return "n/a";
        if (value == 0) return "0";
        double magnitude = Math.Abs(value);
        if (magnitude < 1e-3) return value.ToString("0.###E+0", Inv);
        int digits = (int)Math.Floor(Math.Log10(magnitude)) + 1;
        int decimals = Math.Clamp(significant - digits, 0, 15);
        // Round first so that 999.96 with 4 digits prints 1000, not 1000.0.
        double rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (Math.Abs(rounded) >= Math.Pow(10, digits)) decimals = Math.Max(0, decimals - 1);
        return rounded.ToString("F" + decimals.ToString(Inv), Inv);
    }

    /// <summary>A number without trailing zeros, up to <paramref name="decimals"/> decimals: <c>0.5</c>, <c>35</c>, <c>13.33</c>.</summary>
    public static string Plain(double value, int decimals = 4) => NumberText.Plain(value, decimals);

    /// <summary>A time in the unit people would use: <c>0 min</c>, <c>40 min</c>, <c>1.5 h</c>, <c>24 h</c>, <c>3.5 d</c>.</summary>
    public static string Time(double hours)
    {
        if (!double.IsFinite(hours)) return "n/a";
        if (hours == 0) return "0 min";
        if (hours < 1 - 1e-9) return Plain(hours * 60, 2) + " min";
        if (hours <= 24 + 1e-9 || hours < 48 && Math.Abs(hours - Math.Round(hours)) < 1e-9) return Plain(hours, 3) + " h";
        return Plain(hours / 24, 3) + " d";
    }

    /// <summary>A time in hours with, below 2 h, the minutes too (<c>0.6667 h (40 min)</c>), and from 48 h the days (<c>504.7 h (21.03 d)</c>).</summary>
    public static string HoursWithMinutes(double hours) =>
        !double.IsFinite(hours) ? "n/a"
        : hours < 2 ? $"{Number(hours)} h ({Plain(hours * 60, 1)} min)"
        : hours >= 48 ? $"{Number(hours)} h ({Plain(hours / 24, 2)} d)"
        : $"{Number(hours)} h";

    /// <summary>
    /// An assessment time as people say it: <c>230 min</c>, <c>4 h</c>, <c>1 d</c>, <c>7 d</c>, <c>3.5 d</c>.
    /// </summary>
    public static string Span(TimeSpan t)
    {
        if (t > TimeSpan.Zero && t.Ticks % TimeSpan.TicksPerDay == 0) return Plain(t.TotalDays) + " d";
        if (t >= TimeSpan.FromHours(48)) return Plain(t.TotalDays, 3) + " d";
        if (t >= TimeSpan.FromHours(1) && t.Ticks % TimeSpan.TicksPerHour == 0) return Plain(t.TotalHours) + " h";
        if (t.Ticks % TimeSpan.TicksPerMinute == 0) return Plain(t.TotalMinutes) + " min";
        return Time(t.TotalHours);
    }

    /// <summary>A rating-scale score or effect in points with two decimals (<c>13.42</c>, <c>-0.03</c>, <c>0.00</c>).</summary>
    public static string Score(double value)
    {
        if (!double.IsFinite(value)) return "n/a";
        string text = value.ToString("0.00", Inv);
        return text == "-0.00" ? "0.00" : text;
    }

    /// <summary>A correlation with two decimals: <c>-0.35</c>, <c>0.08</c>.</summary>
    public static string R(double value)
    {
        if (!double.IsFinite(value)) return "n/a";
        string text = value.ToString("0.00", Inv);
        return text == "-0.00" ? "0.00" : text;
    }

    /// <summary>A confidence or percentile interval of correlations: <c>[-0.51, -0.17]</c>.</summary>
    public static string Interval(double lower, double upper) => $"[{R(lower)}, {R(upper)}]";

    /// <summary>A percentile rank with one decimal, or up to two below 1 and above 99 (<c>0.35</c>, <c>47.1</c>, <c>99.95</c>).</summary>
    public static string Percentile(double rank) => NumberText.Percentile(rank);

    /// <summary>A p-value: three decimals, <c>&lt;0.001</c> below that.</summary>
    public static string P(double value) =>
        !double.IsFinite(value) ? "n/a" : value < 0.001 ? "<0.001" : value.ToString("0.000", Inv);

    /// <summary>A two-sided compatibility p with its Monte Carlo standard error, <c>0.008±0.002</c>, or <c>&lt; 0.001</c> (the resolution 2/n) when no replicate came that far.</summary>
    public static string TwoSidedP(KetaminePkPd.Statistics.Compatibility c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.TwoSidedP == 0) return $"< {c.UpperBound.ToString("0.####", Inv)}";
        string format = c.TwoSidedP < 0.1 ? "0.000" : "0.00";
        return $"{c.TwoSidedP.ToString(format, Inv)}\u00b1{c.StandardError.ToString(format, Inv)}";
    }

    /// <summary>A fraction as a percentage with one decimal: <c>0.231</c> gives <c>23.1%</c>.</summary>
    public static string Percent(double fraction) => double.IsFinite(fraction) ? (100 * fraction).ToString("0.0", Inv) + "%" : "n/a";

    /// <summary>A number that is already a percentage, signed, with one decimal: <c>-41.2%</c>.</summary>
    public static string PercentValue(double percent) => double.IsFinite(percent) ? percent.ToString("0.0", Inv) + "%" : "n/a";

    /// <summary>
    /// Indices into <paramref name="timesH"/> of the times worth showing in a summary table: 0, 10, 20, 30, 40 min,
    /// 1, 1.5, 2, 3, 4, 6, 8, 12 and 24 h, then daily (weekly, four-weekly or yearly when days would give more than 30
    /// rows), each matched to the nearest output time within half a step; always including the last output time.
    /// </summary>
    public static IReadOnlyList<int> ReadableTimeIndices(ImmutableArray<double> timesH)
    {
        if (timesH.IsEmpty) return [];
        double until = timesH[^1];
        double step = timesH.Length > 1 ? timesH[1] - timesH[0] : until;
        var targets = new List<double> { 0, 10 / 60.0, 20 / 60.0, 0.5, 40 / 60.0, 1, 1.5, 2, 3, 4, 6, 8, 12, 24 };
        double afterDay = until - 24;
        double every = afterDay / 24 <= 30 ? 24 : afterDay / (7 * 24) <= 30 ? 7 * 24 : afterDay / (28 * 24) <= 30 ? 28 * 24 : 365.25 * 24;
        for (double t = 24 + every; t <= until + 1e-9; t += every) targets.Add(t);
        targets.Add(until);

        var indices = new SortedSet<int>();
        foreach (double target in targets)
        {
            if (target > until + 1e-9) continue;
            int i = timesH.BinarySearch(target);
            if (i < 0)
            {
                i = ~i;
                if (i >= timesH.Length || i > 0 && target - timesH[i - 1] < timesH[i] - target) i--;
            }
            if (Math.Abs(timesH[i] - target) <= step / 2 + 1e-9) indices.Add(i);
        }
        return [.. indices];
    }
}
