using System.Collections.Immutable;
using System.Globalization;

namespace KetaminePkPd.Cli.Output;

/// <summary>Formats numbers and times for people (invariant culture; machine outputs use round-trippable numbers instead).</summary>
internal static class Formatting
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
    public static string Plain(double value, int decimals = 4) =>
        double.IsFinite(value) ? Math.Round(value, decimals).ToString("0." + new string('#', decimals), Inv) : "n/a";

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
