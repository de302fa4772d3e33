using System.Globalization;

namespace KetaminePkPd;

/// <summary>Splits texts like <c>0.5mg/kg</c> or <c>40 min</c> into a number and a lower-case unit.</summary>
internal static class Quantity
{
    /// <summary>Returns the leading number and the trimmed, lower-case unit that follows it.</summary>
    /// <param name="text">The text.</param>
    /// <param name="what">What the text is, for messages ("dose", "duration").</param>
    /// <param name="examples">Accepted forms, for messages.</param>
    /// <param name="unitRequired">False to accept a bare number (the unit is then empty).</param>
    /// <exception cref="FormatException">No leading number, a non-finite number, or no unit when one is required.</exception>
    public static (double Number, string Unit) Split(string text, string what, string examples, bool unitRequired = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        int i = 0;
        while (i < s.Length && (char.IsDigit(s[i]) || s[i] is '.' or '-' or '+' or 'e' or 'E'))
        {
            // Stop at an 'e' that starts a unit rather than an exponent.
            if (s[i] is 'e' or 'E' && (i + 1 >= s.Length || !(char.IsDigit(s[i + 1]) || s[i + 1] is '-' or '+'))) break;
            i++;
        }
        var numberText = s[..i];
        var unit = s[i..].Trim().ToLowerInvariant();
        if (numberText.Length == 0 || !double.TryParse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            throw new FormatException($"{what} '{text}' does not start with a number; expected e.g. {examples}.");
        if (!double.IsFinite(number))
            throw new FormatException($"{what} '{text}' is not a finite number; expected e.g. {examples}.");
        if (unit.Length == 0 && unitRequired)
            throw new FormatException($"{what} '{text}' has no unit; expected e.g. {examples}.");
        return (number, unit);
    }

    /// <summary>Parses a duration with its unit: <c>40min</c>, <c>3.5d</c>, <c>24h</c>, <c>30s</c>, <c>2w</c>; a bare <c>0</c> is zero in any unit.</summary>
    /// <param name="text">The text.</param>
    /// <param name="name">The parameter or option name, for messages.</param>
    /// <exception cref="FormatException">No number, no unit or an unknown unit.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative or too long (more than 10 years).</exception>
    public static TimeSpan ParseDuration(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsBareZero(text)) return TimeSpan.Zero;
        var (number, unit) = Split(text, name, "40min, 24h, 3.5d or 2w");
        double hours = unit switch
        {
            "s" or "sec" or "second" or "seconds" => number / 3600.0,
            "min" or "mins" or "minute" or "minutes" or "m" => number / Units.MinutesPerHour,
            "h" or "hr" or "hrs" or "hour" or "hours" => number,
            "d" or "day" or "days" => number * Units.HoursPerDay,
            "w" or "wk" or "week" or "weeks" => number * 7 * Units.HoursPerDay,
            "y" or "yr" or "year" or "years" => number * 365.25 * Units.HoursPerDay,
            _ => throw new FormatException($"{name} '{text}' has unknown unit '{unit}'; use s, min, h, d, w or y (e.g. 40min, 3.5d)."),
        };
        if (hours < 0 || hours > 10 * 365.25 * Units.HoursPerDay)
            throw new ArgumentOutOfRangeException(name, text, $"{name} must be in [0, 10 years], got {text}.");
        return Units.FromHours(hours);
    }

    /// <summary>True for <c>0</c> (also <c>0.0</c>, <c>+0</c>): zero needs no unit.</summary>
    internal static bool IsBareZero(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && x == 0;

    /// <summary>The message of a text that is not what <paramref name="name"/> allows: <c>name 'text': problem</c>.</summary>
    internal static string Problem(string name, string text, string problem) => $"{name} '{text}': {problem}";
}
