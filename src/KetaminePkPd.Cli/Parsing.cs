using System.Globalization;
using KetaminePkPd.Numerics;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Cli;

/// <summary>
/// Thin forwarders from option texts to the library's parsers (<see cref="Vocabulary"/>, <see cref="PkModels"/>, the
/// quantity parsers), kept while commands still read string options; typed options are in
/// <see cref="Commands.SharedOptions"/>. Every failure is an <see cref="ArgumentException"/> whose message starts with the
/// option and the text, e.g. <c>--weight '500kg': the weight must be in (0, 300] kg, got 500.</c>
/// </summary>
internal static class Parsing
{
    public static string DrugTokens => string.Join('|', Vocabulary.DrugTokens);
    public static string RouteTokens => string.Join('|', Vocabulary.RouteTokens);
    public static string SolverTokens => string.Join('|', Vocabulary.SolverTokens);
    public static string AncestryTokens => string.Join('|', Vocabulary.AncestryTokens);
    public static string ModelTokens => string.Join('|', PkModels.Keys);
    public static string HypothesisNames => Vocabulary.OrList(Hypothesis.Names);

    public static Drug ParseDrug(string text, string option = "--drug") => Vocabulary.ParseDrug(text, option);
    public static Route ParseRoute(string text, string option = "--route") => Vocabulary.ParseRoute(text, option);
    public static SolverMethod ParseSolver(string text, string option = "--solver") => Vocabulary.ParseSolver(text, option);
    public static Ancestry ParseAncestry(string text, string option = "--ancestry") => Vocabulary.ParseAncestry(text, option);
    public static PkParameterSet ParseModel(string text, string option = "--model") => PkModels.Parse(text, option);
    public static Hypothesis ParseHypothesis(string text, string option = "--hypothesis") => Hypothesis.Parse(text, option);

    /// <summary>The drug and model of the optional <c>--drug</c> and <c>--model</c> texts (see <see cref="PkModels.Resolve"/>).</summary>
    public static (Drug Drug, PkParameterSet Set) ResolveDrugAndModel(string? drugText, string? modelText)
    {
        var set = PkModels.Resolve(drugText is null ? null : ParseDrug(drugText), modelText is null ? null : ParseModel(modelText), "--drug", "--model");
        return (set.Drug, set);
    }

    public static double ParseWeightKg(string text, string option = "--weight") => Wrap(option, text, () => Subject.ParseWeightKg(text, option));
    public static double ParseAgeYears(string text, string option = "--age") => Wrap(option, text, () => Subject.ParseAgeYears(text, option));
    public static Dose ParseDose(string text, string option = "--dose") => Wrap(option, text, () => Dose.Parse(text));
    public static DoseRate ParseRate(string text, string option = "--rate") => Wrap(option, text, () => DoseRate.Parse(text));
    public static Concentration ParseConcentration(string text, string option) => Wrap(option, text, () => Concentration.Parse(text, option));
    /// <summary>A duration; for <c>--infusion</c> an infusion duration (<c>0</c> or <c>none</c> = bolus, <see cref="Durations.ParseInfusion"/>).</summary>
    public static TimeSpan ParseDuration(string text, string option) =>
        Wrap(option, text, () => option == "--infusion" ? Durations.ParseInfusion(text, option) : Durations.Parse(text, option));

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

    public static string DrugToken(Drug drug) => Vocabulary.Token(drug);
    public static string DrugName(Drug drug) => Vocabulary.Name(drug);
    public static string RouteToken(Route route) => Vocabulary.Token(route);
    public static string SolverToken(SolverMethod method) => Vocabulary.Token(method);
    public static string AncestryToken(Ancestry ancestry) => Vocabulary.Token(ancestry);
}
