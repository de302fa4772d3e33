using System.Globalization;

namespace KetaminePkPd;

/// <summary>Reads and writes spans of time with their unit, the way the CLI and scenario files state them.</summary>
public static class Durations
{
    /// <summary>The words <see cref="ParseInfusion"/> reads as no infusion (a bolus), besides <c>0</c>: <c>none</c>.</summary>
    public static IReadOnlyList<string> NoInfusionWords { get; } = ["none"];

    /// <summary>Parses <c>40min</c>, <c>24h</c>, <c>3.5d</c>, <c>2w</c> or <c>30s</c> (spaces allowed, case-insensitive); a bare <c>0</c> is zero.</summary>
    /// <param name="text">The text.</param>
    /// <param name="name">What the text is, used in error messages (e.g. an option name).</param>
    /// <exception cref="FormatException">No number, no unit or an unknown unit; the message names <paramref name="name"/>, the text and the accepted units.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative, or longer than 10 years.</exception>
    public static TimeSpan Parse(string text, string name = "duration") => Quantity.ParseDuration(text, name);

    /// <summary>
    /// Parses the duration of an intravenous infusion, as every front end states it: a duration with its unit
    /// (<c>40min</c>, <c>2h</c>), or <c>0</c> or <c>none</c> for no infusion (a bolus, <see cref="TimeSpan.Zero"/>).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="name">What the text is, used in error messages (e.g. <c>infusion</c>).</param>
    /// <exception cref="FormatException">Not a duration, <c>0</c> or <c>none</c>; the message names <paramref name="name"/> and the text.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative, or longer than 10 years.</exception>
    public static TimeSpan ParseInfusion(string text, string name = "infusion")
    {
        ArgumentNullException.ThrowIfNull(text);
        return NoInfusionWords.Contains(Vocabulary.Normalize(text)) ? TimeSpan.Zero : Quantity.ParseDuration(text, name);
    }

    /// <summary>Formats a span for prose: <c>230 min</c>, <c>4 h</c>, <c>1 day</c>, <c>3.5 days</c>.</summary>
    public static string Prose(TimeSpan value)
    {
        string compact = Format(value);
        int i = compact.Length - 1;
        while (i >= 0 && char.IsLetter(compact[i])) i--;
        string number = compact[..(i + 1)], unit = compact[(i + 1)..];
        return unit switch
        {
            "d" => number == "1" ? "1 day" : $"{number} days",
            _ => $"{number} {unit}",
        };
    }

    /// <summary>Formats a span compactly in the largest whole unit that represents it exactly: <c>40min</c>, <c>24h</c>, <c>3.5d</c>.</summary>
    public static string Format(TimeSpan value)
    {
        double h = Units.Hours(value);
        static string N(double x) => x.ToString("0.####", CultureInfo.InvariantCulture);
        if (h != 0 && h % Units.HoursPerDay == 0 || h >= 48 && (h * 2) % Units.HoursPerDay == 0) return N(h / Units.HoursPerDay) + "d";
        if (h != 0 && Math.Abs(h - Math.Round(h * 4) / 4) < 1e-12 && h >= 1) return N(h) + "h";
        return N(h * Units.MinutesPerHour) + "min";
    }
}
