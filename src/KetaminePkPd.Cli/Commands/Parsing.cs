namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// The parsers behind the typed options of <see cref="Commands.SharedOptions"/>: the word lists as help shows them, the
/// library's quantity parsers with the option's name in their messages, and plain numbers, counts and seeds. Every
/// failure is an <see cref="ArgumentException"/> whose message starts with the option and the text, e.g. <c>--weight '500kg': the weight must be in (0, 300] kg, got 500.</c>
/// </summary>
internal static class Parsing
{
    public static string DrugTokens => string.Join('|', Vocabulary.DrugTokens);
    public static string RouteTokens => string.Join('|', Vocabulary.RouteTokens);
    public static string SolverTokens => string.Join('|', Vocabulary.SolverTokens);
    public static string AncestryTokens => string.Join('|', Vocabulary.AncestryTokens);
    public static string ModelTokens => string.Join('|', PkParameterSet.Keys);

    public static double ParseWeightKg(string text, string option = "--weight") => Wrap(option, text, () => Subject.ParseWeightKg(text, option));
    public static Dose ParseDose(string text, string option = "--dose") => Wrap(option, text, () => Dose.Parse(text));
    public static DoseRate ParseRate(string text, string option = "--rate") => Wrap(option, text, () => DoseRate.Parse(text));
    public static Concentration ParseConcentration(string text, string option) => Wrap(option, text, () => Concentration.Parse(text, option));
    /// <summary>A duration with its unit (<see cref="Durations.Parse"/>).</summary>
    public static TimeSpan ParseDuration(string text, string option) => Wrap(option, text, () => Durations.Parse(text, option));

    /// <summary>An infusion duration: a duration, or <c>0</c> or <c>none</c> for a bolus (<see cref="Durations.ParseInfusion"/>).</summary>
    public static TimeSpan ParseInfusion(string text, string option) => Wrap(option, text, () => Durations.ParseInfusion(text, option));

    /// <summary>Runs <paramref name="parse"/>, prefixing any failure with the option and the text (unless the library's message already starts with the option).</summary>
    public static T Wrap<T>(string option, string text, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            string message = ErrorText.OneLine(ex);
            if (message.StartsWith(option + " ", StringComparison.Ordinal) || message.StartsWith(option + ":", StringComparison.Ordinal))
                throw new ArgumentException(message);
            throw new ArgumentException(message.Contains($"'{text}'", StringComparison.Ordinal) ? $"{option}: {message}" : $"{option} '{text}': {message}");
        }
    }

    /// <summary>A finite number in [<paramref name="min"/>, <paramref name="max"/>] (invariant culture: a decimal point, never a comma).</summary>
    public static double ParseNumber(string text, string option, double min, double max, string? unit = null)
    {
        string of = unit is null ? "" : " " + unit;
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            throw new ArgumentException($"{option} '{text}': expected a number{(unit is null ? "" : " of " + unit)} (with a decimal point), e.g. {Plain(min < 0 && max > 0 ? Math.Round(max / 2, 2) : Math.Round((min + max) / 2, 2))}.");
        return value >= min && value <= max ? value : throw new ArgumentException($"{option} '{text}': must be in [{Plain(min)}, {Plain(max)}]{of}, got {Plain(value)}.");
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static int ParseCount(string text, string option, int min, int max) =>
        long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            ? value >= min && value <= max ? (int)value : throw new ArgumentException($"{option} '{text}': must be a whole number in [{min}, {max}], got {value}.")
            : throw new ArgumentException($"{option} '{text}': expected a whole number in [{min}, {max}].");

    /// <summary>A seed: a whole number in [0, 2^64-1].</summary>
    public static ulong ParseSeed(string text, string option = "--seed") =>
        ulong.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out ulong value) ? value
            : throw new ArgumentException($"{option} '{text}': expected a whole number in [0, {ulong.MaxValue}].");

    /// <summary>A number for messages and reproducible command lines: shortest round-trip form, invariant culture.</summary>
    public static string Plain(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
