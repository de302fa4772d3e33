using System.Globalization;

namespace KetaminePkPd;

/// <summary>
/// The covariates of one patient that the built-in models use: body weight, age and ancestry. Immutable and always valid.
/// </summary>
/// <example><code>var s = Subject.TypicalAdult with { WeightKg = 82, AgeYears = 67 };</code></example>
public sealed record Subject
{
    /// <summary>Largest accepted body weight, kg.</summary>
    public const double MaxWeightKg = 300;

    /// <summary>Largest accepted age, years.</summary>
    public const double MaxAgeYears = 120;

    private readonly double _weightKg = 70;
    private readonly double _ageYears = 45;
    private readonly Ancestry _ancestry = Ancestry.NonAsian;

    /// <summary>A 70 kg, 45-year-old non-Asian adult: the typical adult of docs/model.md section 4.4 and of the Perez-Ruixo 2021 reference category.</summary>
    public static Subject TypicalAdult { get; } = new();

    /// <summary>Body weight in kg, finite, in (0, 300]. Default 70.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Out of range.</exception>
    public double WeightKg
    {
        get => _weightKg;
        init => _weightKg = Guard.InRangeExclusiveMin(value, 0, MaxWeightKg, nameof(WeightKg));
    }

    /// <summary>Age in years, finite, in [0, 120]. Default 45.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Out of range.</exception>
    public double AgeYears
    {
        get => _ageYears;
        init => _ageYears = Guard.InRange(value, 0, MaxAgeYears, nameof(AgeYears));
    }

    /// <summary>Ancestry (a covariate of the esketamine model only). Default <see cref="Ancestry.NonAsian"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined value.</exception>
    public Ancestry Ancestry
    {
        get => _ancestry;
        init => _ancestry = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Ancestry), value, $"Ancestry must be one of {string.Join(", ", Enum.GetNames<Ancestry>())}, got {value}.");
    }

    /// <summary>Parses a body weight: <c>70kg</c>, <c>70 kg</c> or a bare number of kg, in (0, <see cref="MaxWeightKg"/>].</summary>
    /// <param name="text">The text.</param>
    /// <param name="name">What the text is, for messages (a parameter or field name such as <c>weight</c>).</param>
    /// <returns>The weight in kg.</returns>
    /// <exception cref="FormatException">Not a number or a unit other than kg; the message starts with <paramref name="name"/> and the text.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Out of range; the message starts with <paramref name="name"/> and the text.</exception>
    public static double ParseWeightKg(string text, string name = "weight")
    {
        var (number, unit) = Quantity.Split(text, name, "70kg or 70", unitRequired: false);
        if (unit is not ("" or "kg"))
            throw new FormatException(Quantity.Problem(name, text, "use kg, e.g. 70kg (a bare number is read as kg)."));
        if (!(number > 0) || number > MaxWeightKg)
            throw new ArgumentOutOfRangeException(name, text, Quantity.Problem(name, text, string.Create(CultureInfo.InvariantCulture, $"the weight must be in (0, {MaxWeightKg}] kg, got {number:R}.")));
        return number;
    }

    /// <summary>Parses an age in years: <c>45</c>, <c>45y</c>, <c>45 yr</c> or <c>45years</c>, in [0, <see cref="MaxAgeYears"/>].</summary>
    /// <param name="text">The text.</param>
    /// <param name="name">What the text is, for messages (a parameter or field name such as <c>age</c>).</param>
    /// <returns>The age in years.</returns>
    /// <exception cref="FormatException">Not a number or a unit other than years; the message starts with <paramref name="name"/> and the text.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Out of range; the message starts with <paramref name="name"/> and the text.</exception>
    public static double ParseAgeYears(string text, string name = "age")
    {
        var (number, unit) = Quantity.Split(text, name, "45 or 45y", unitRequired: false);
        if (unit is not ("" or "y" or "yr" or "yrs" or "year" or "years"))
            throw new FormatException(Quantity.Problem(name, text, "give the age in years, e.g. 45 or 45y."));
        if (!(number >= 0) || number > MaxAgeYears)
            throw new ArgumentOutOfRangeException(name, text, Quantity.Problem(name, text, string.Create(CultureInfo.InvariantCulture, $"the age must be in [0, {MaxAgeYears}] years, got {number:R}.")));
        return number;
    }

    /// <summary>True for <see cref="Ancestry.AsianNonJapanese"/> and <see cref="Ancestry.Japanese"/>.</summary>
    public bool IsAsian => Ancestry != Ancestry.NonAsian;

    /// <summary>Formats as <c>70 kg, 45 y, NonAsian</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{WeightKg:G4} kg, {AgeYears:G3} y, {Ancestry}");
}
