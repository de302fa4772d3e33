using System.Globalization;

namespace KetaminePkPd;

/// <summary>
/// The few number formats the library's own messages and files need (invariant culture): the application layer's
/// report formatting (<c>Formatting</c>, <c>ResultValue</c>) writes through these, so a number reads the same in an
/// exception message, a data-set file and a report.
/// </summary>
internal static class NumberText
{
    /// <summary>The most significant digits: 17, which writes the shortest text that reads back as the same double.</summary>
    public const int MaxSignificantDigits = 17;

    private static readonly string[] Formats = [.. Enumerable.Range(0, MaxSignificantDigits).Select(d => "G" + d.ToString(CultureInfo.InvariantCulture))];

    /// <summary>A number rounded to <paramref name="decimals"/> decimals without trailing zeros (<c>n/a</c> when not finite).</summary>
    public static string Plain(double value, int decimals = 4) =>
        double.IsFinite(value) ? Math.Round(value, decimals).ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture) : "n/a";

    /// <summary>A percentile rank: one decimal, two in the tails (below 1 or above 99), <c>n/a</c> when not finite.</summary>
    public static string Percentile(double rank) =>
        !double.IsFinite(rank) ? "n/a" : rank.ToString(rank is < 1 or > 99 ? "0.0#" : "0.0", CultureInfo.InvariantCulture);

    /// <summary>A number with <paramref name="digits"/> significant digits (<see cref="MaxSignificantDigits"/> = round trip); zero is <c>0</c>.</summary>
    public static string Significant(double value, int digits) =>
        value == 0 ? "0" : value.ToString(digits >= MaxSignificantDigits ? "R" : Formats[digits], CultureInfo.InvariantCulture);

    /// <summary><see cref="Significant(double, int)"/> into a span; returns the characters written.</summary>
    public static int Significant(double value, int digits, Span<char> destination)
    {
        if (value == 0)
        {
            destination[0] = '0';
            return 1;
        }
        value.TryFormat(destination, out int written, digits >= MaxSignificantDigits ? "R" : Formats[digits], CultureInfo.InvariantCulture);
        return written;
    }
}
