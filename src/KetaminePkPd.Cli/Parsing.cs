using System.Globalization;
using KetaminePkPd.Numerics;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Cli;

/// <summary>
/// Reads option values into library types. Every failure is an <see cref="ArgumentException"/> whose message starts with
/// the option and the text given, e.g. <c>--weight '500kg': WeightKg must be finite and in (0, 300], got 500.</c>
/// </summary>
internal static class Parsing
{
    /// <summary>Drug tokens as the help shows them.</summary>
    public static string DrugTokens => string.Join('|', Vocabulary.DrugTokens);

    /// <summary>Route tokens as the help shows them.</summary>
    public static string RouteTokens => string.Join('|', Vocabulary.RouteTokens);

    /// <summary>Solver tokens as the help shows them.</summary>
    public static string SolverTokens => string.Join('|', Vocabulary.SolverTokens);

    /// <summary>Ancestry tokens as the help shows them.</summary>
    public static string AncestryTokens => string.Join('|', Vocabulary.AncestryTokens);

    /// <summary>Model keys as the help shows them.</summary>
    public static string ModelTokens => string.Join('|', PkModels.Keys);

    /// <summary>See <see cref="Vocabulary.ParseDrug"/>.</summary>
    public static Drug ParseDrug(string text, string option = "--drug") => Vocabulary.ParseDrug(text, option);

    /// <summary>See <see cref="Vocabulary.ParseRoute"/>.</summary>
    public static Route ParseRoute(string text, string option = "--route") => Vocabulary.ParseRoute(text, option);

    /// <summary>See <see cref="Vocabulary.ParseSolver"/>.</summary>
    public static SolverMethod ParseSolver(string text, string option = "--solver") => Vocabulary.ParseSolver(text, option);

    /// <summary>See <see cref="Vocabulary.ParseAncestry"/>.</summary>
    public static Ancestry ParseAncestry(string text, string option = "--ancestry") => Vocabulary.ParseAncestry(text, option);

    /// <summary>See <see cref="PkModels.Parse"/>.</summary>
    public static PkParameterSet ParseModel(string text, string option = "--model") => PkModels.Parse(text, option);

    /// <summary>
    /// The drug and parameter set from the optional <c>--drug</c> and <c>--model</c> texts: the model's drug when only
    /// the model is given, the drug's default model when only the drug is given, racemic ketamine with Domino when neither.
    /// </summary>
    /// <exception cref="ArgumentException">The model describes the other drug; the message names both.</exception>
    public static (Drug Drug, PkParameterSet Set) ResolveDrugAndModel(string? drugText, string? modelText)
    {
        Drug? drug = drugText is null ? null : ParseDrug(drugText);
        var set = modelText is null ? null : ParseModel(modelText);
        if (set is null) return (drug ?? Drug.RacemicKetamine, PkModels.DefaultFor(drug ?? Drug.RacemicKetamine));
        if (drug is { } d && d != set.Drug)
        {
            var fitting = PkModels.All.Where(s => s.Drug == d).Select(s => s.Key);
            throw new ArgumentException(
                $"--model {set.Key} is a model of {DrugName(set.Drug)}, but --drug {DrugToken(d)} was given; models of {DrugName(d)} are {string.Join(", ", fitting)}.");
        }
        return (set.Drug, set);
    }

    /// <summary>Parses a body weight: <c>70kg</c>, <c>70 kg</c> or a bare number of kg.</summary>
    public static double ParseWeightKg(string text, string option = "--weight")
    {
        var (number, unit) = SplitNumber(text, option, "70kg or 70");
        if (unit is not ("" or "kg"))
            throw Bad(option, text, "use kg, e.g. 70kg (a bare number is read as kg).");
        return Wrap(option, text, () => (Subject.TypicalAdult with { WeightKg = number }).WeightKg);
    }

    /// <summary>Parses an age in years: <c>45</c>, <c>45y</c> or <c>45years</c>.</summary>
    public static double ParseAgeYears(string text, string option = "--age")
    {
        var (number, unit) = SplitNumber(text, option, "45 or 45y");
        if (unit is not ("" or "y" or "yr" or "yrs" or "year" or "years"))
            throw Bad(option, text, "give the age in years, e.g. 45 or 45y.");
        return Wrap(option, text, () => (Subject.TypicalAdult with { AgeYears = number }).AgeYears);
    }

    /// <summary>Parses a dose with its unit (see <see cref="Dose.Parse"/>): <c>0.5mg/kg</c>, <c>35mg</c>, <c>50mg-hcl</c>.</summary>
    public static Dose ParseDose(string text, string option = "--dose") => Wrap(option, text, () => Dose.Parse(text));

    /// <summary>Parses an infusion rate with its unit (see <see cref="DoseRate.Parse"/>): <c>20mg/h</c>, <c>0.75mg/kg/h</c>.</summary>
    public static DoseRate ParseRate(string text, string option = "--rate") => Wrap(option, text, () => DoseRate.Parse(text));

    /// <summary>ng of ketamine free base per nmol, from the library's molar mass.</summary>
    private static readonly double NanogramsPerNanomole = Concentration.FromNanomolesPerMilliliter(1).NanogramsPerMilliliter;

    /// <summary>
    /// Parses a plasma concentration with its unit: <c>100ng/mL</c> (a bare number is read as ng/mL), <c>0.1mg/L</c>,
    /// <c>0.1ug/mL</c> (also µg/mL) or <c>0.42nmol/mL</c> (ketamine free base, 237.7 g/mol); in (0, 100000] ng/mL.
    /// </summary>
    /// <exception cref="ArgumentException">Not a number, an unknown unit or out of range; the message names the option and the text.</exception>
    public static Concentration ParseConcentration(string text, string option)
    {
        var (number, unit) = SplitNumber(text, option, "100ng/mL");
        double ngPerMl = unit switch
        {
            "" or "ng/ml" => number,
            "mg/l" or "ug/ml" or "µg/ml" or "μg/ml" => number * 1000,
            "nmol/ml" or "umol/l" or "µmol/l" or "μmol/l" => number * NanogramsPerNanomole,
            _ => throw Bad(option, text, "unknown unit; use ng/mL, mg/L, ug/mL or nmol/mL, e.g. 100ng/mL (a bare number is read as ng/mL)."),
        };
        if (!(ngPerMl > 0) || ngPerMl > 100_000)
            throw Bad(option, text, $"must be above 0 and at most 100000 ng/mL, got {Plain(ngPerMl)} ng/mL.");
        return Concentration.FromNanogramsPerMilliliter(ngPerMl);
    }

    /// <summary>Parses a duration with its unit (see <see cref="Durations.Parse"/>); a bare <c>0</c> is accepted as zero.</summary>
    public static TimeSpan ParseDuration(string text, string option) =>
        text.Trim() == "0" ? TimeSpan.Zero : Wrap(option, text, () => Durations.Parse(text, option));

    /// <summary>Runs <paramref name="parse"/>, prefixing any failure with the option and the text.</summary>
    public static T Wrap<T>(string option, string text, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            // The library's parsers already quote the text; do not repeat it.
            string message = CliErrors.OneLine(ex);
            if (message.StartsWith(option + " ", StringComparison.Ordinal) || message.StartsWith(option + ":", StringComparison.Ordinal))
                throw new ArgumentException(message);
            throw message.Contains($"'{text}'", StringComparison.Ordinal) ? new ArgumentException($"{option}: {message}") : Bad(option, text, message);
        }
    }

    /// <summary>The hypothesis names, for messages.</summary>
    public static string HypothesisNames => Vocabulary.OrList(KetaminePkPd.Trials.Hypothesis.Names);

    /// <summary>See <see cref="KetaminePkPd.Trials.Hypothesis.Parse"/>.</summary>
    public static KetaminePkPd.Trials.Hypothesis ParseHypothesis(string text, string option = "--hypothesis") => KetaminePkPd.Trials.Hypothesis.Parse(text, option);

    /// <summary>
    /// Parses a finite number in [<paramref name="min"/>, <paramref name="max"/>] (invariant culture: a decimal point,
    /// never a comma).
    /// </summary>
    /// <exception cref="ArgumentException">Not a number, not finite or out of range; the message names the option and the text.</exception>
    public static double ParseNumber(string text, string option, double min, double max, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            throw Bad(option, text, $"expected a number{(unit is null ? "" : " of " + unit)} (with a decimal point), e.g. {Example(min, max)}.");
        if (value < min || value > max)
            throw Bad(option, text, $"must be in [{Plain(min)}, {Plain(max)}]{(unit is null ? "" : " " + unit)}, got {Plain(value)}.");
        return value;
    }

    /// <summary>Parses a whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <exception cref="ArgumentException">Not a whole number or out of range; the message names the option and the text.</exception>
    public static int ParseCount(string text, string option, int min, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            throw Bad(option, text, $"expected a whole number in [{min}, {max}].");
        if (value < min || value > max)
            throw Bad(option, text, $"must be a whole number in [{min}, {max}], got {value}.");
        return (int)value;
    }

    /// <summary>Parses a seed: a whole number in [0, 18446744073709551615].</summary>
    /// <exception cref="ArgumentException">Not a non-negative whole number that fits 64 bits.</exception>
    public static ulong ParseSeed(string text, string option = "--seed")
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!ulong.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out ulong value))
            throw Bad(option, text, $"expected a whole number in [0, {ulong.MaxValue}].");
        return value;
    }

    /// <summary>A number for messages and reproducible command lines: shortest round-trip form, invariant culture.</summary>
    public static string Plain(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Example(double min, double max) => Plain(min < 0 && max > 0 ? Math.Round(max / 2, 2) : Math.Round((min + max) / 2, 2));

    /// <summary>The CLI token of a drug.</summary>
    public static string DrugToken(Drug drug) => Vocabulary.Token(drug);

    /// <summary>The name of a drug in prose.</summary>
    public static string DrugName(Drug drug) => Vocabulary.Name(drug);

    /// <summary>The CLI token of a route.</summary>
    public static string RouteToken(Route route) => Vocabulary.Token(route);

    /// <summary>The CLI token of a solver.</summary>
    public static string SolverToken(SolverMethod method) => Vocabulary.Token(method);

    /// <summary>The CLI token of an ancestry.</summary>
    public static string AncestryToken(Ancestry ancestry) => Vocabulary.Token(ancestry);

    private static (double Number, string Unit) SplitNumber(string text, string option, string example)
    {
        var s = text.Trim();
        int i = 0;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] is '.' or '-' or '+')) i++;
        if (i == 0 || !double.TryParse(s[..i], NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || !double.IsFinite(number))
            throw Bad(option, text, $"expected a number, e.g. {example}.");
        return (number, s[i..].Trim().ToLowerInvariant());
    }

    private static ArgumentException Bad(string option, string text, string problem) => new($"{option} '{text}': {problem}");
}
