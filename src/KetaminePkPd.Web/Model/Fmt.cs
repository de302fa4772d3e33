using System.Globalization;

namespace KetaminePkPd.Web.Model;

/// <summary>Number formatting for the page: invariant culture, no "-0", and the round-trip value for data attributes (tests read those).</summary>
internal static class Fmt
{
    /// <summary>The value in <paramref name="format"/>, invariant; tiny negatives that would print as -0 print as 0.</summary>
    public static string N(double value, string format)
    {
        string s = value.ToString(format, CultureInfo.InvariantCulture);
        return s.StartsWith('-') && s.Trim('-', '0', '.') == "" ? s[1..] : s;
    }

    /// <summary>The round-trip text of the value (for data-value attributes).</summary>
    public static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A two-sided compatibility p as text: "= 0.123", or "&lt; 0.010" (below 2/n) when no replicate reached the observation.</summary>
    public static string P(KetaminePkPd.Statistics.Compatibility c) =>
        c.TwoSidedP > 0 ? "= " + N(c.TwoSidedP, "0.000") : "< " + N(c.UpperBound, "0.000");

    /// <summary>Parses a control's value (invariant); null when it is not a finite number.</summary>
    public static double? Parse(object? value) =>
        double.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) ? d : null;
}
