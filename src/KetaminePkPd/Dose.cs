using System.Globalization;

namespace KetaminePkPd;

/// <summary>
/// An amount of drug, as free base: either absolute (mg) or per kilogram of body weight (mg/kg).
/// Immutable; the default value is 0 mg.
/// </summary>
/// <remarks>
/// Doses are free base unless created with <see cref="FromMilligramsOfHydrochloride"/>, which converts the salt
/// to free base by the molar-mass ratio 237.7 / 274.2 (docs/model.md section 2).
/// </remarks>
public readonly record struct Dose
{
    /// <summary>Largest absolute dose accepted, mg (a guard against unit mistakes, far above any clinical dose).</summary>
    public const double MaxMilligrams = 10_000;

    /// <summary>Largest weight-based dose accepted, mg/kg.</summary>
    public const double MaxMilligramsPerKilogram = 100;

    private Dose(double value, bool perKilogram)
    {
        Value = value;
        IsPerKilogram = perKilogram;
    }

    /// <summary>The number: mg when <see cref="IsPerKilogram"/> is false, else mg/kg.</summary>
    public double Value { get; }

    /// <summary>True for a weight-based dose (mg/kg), false for an absolute dose (mg).</summary>
    public bool IsPerKilogram { get; }

    /// <summary>An absolute dose of free base.</summary>
    /// <param name="milligrams">Amount in mg, finite, in [0, 10 000].</param>
    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN, infinite or above the limit.</exception>
    public static Dose FromMilligrams(double milligrams) =>
        new(Guard.InRange(milligrams, 0, MaxMilligrams, nameof(milligrams)), false);

    /// <summary>A weight-based dose of free base.</summary>
    /// <param name="milligramsPerKilogram">Amount in mg/kg, finite, in [0, 100].</param>
    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN, infinite or above the limit.</exception>
    public static Dose FromMilligramsPerKilogram(double milligramsPerKilogram) =>
        new(Guard.InRange(milligramsPerKilogram, 0, MaxMilligramsPerKilogram, nameof(milligramsPerKilogram)), true);

    /// <summary>An absolute dose stated as ketamine hydrochloride salt, stored as its free-base equivalent (x 237.7/274.2).</summary>
    /// <param name="milligramsOfSalt">Amount of the hydrochloride salt in mg, finite, in [0, 10 000].</param>
    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN, infinite or above the limit.</exception>
    public static Dose FromMilligramsOfHydrochloride(double milligramsOfSalt) =>
        new(Guard.InRange(milligramsOfSalt, 0, MaxMilligrams, nameof(milligramsOfSalt)) * Units.KetamineFreeBaseGPerMol / Units.KetamineHydrochlorideGPerMol, false);

    /// <summary>The absolute amount of free base for a patient of the given weight.</summary>
    /// <param name="weightKg">Body weight in kg, finite, in (0, 300]; used only for weight-based doses.</param>
    /// <returns>Amount in mg.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The weight is out of range.</exception>
    public double ToMilligrams(double weightKg) =>
        IsPerKilogram ? Value * Guard.InRangeExclusiveMin(weightKg, 0, Subject.MaxWeightKg, nameof(weightKg)) : Value;

    /// <summary>Multiplies the dose by a non-negative factor, keeping its kind.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The factor is negative or not finite, or the result exceeds the limit.</exception>
    public Dose Scale(double factor)
    {
        Guard.NonNegative(factor, nameof(factor));
        return IsPerKilogram ? FromMilligramsPerKilogram(Value * factor) : FromMilligrams(Value * factor);
    }

    /// <summary>Parses a dose with its unit: <c>35mg</c>, <c>0.5mg/kg</c>, <c>50mg-hcl</c> (hydrochloride salt); spaces allowed.</summary>
    /// <param name="text">The text to parse.</param>
    /// <exception cref="FormatException">No number, no unit, or an unknown unit; the message shows the text and the accepted forms.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The number is out of range.</exception>
    public static Dose Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (number, unit) = Quantity.Split(text, "dose", "35mg, 0.5mg/kg or 50mg-hcl");
        return unit switch
        {
            "mg" => FromMilligrams(number),
            "mg/kg" => FromMilligramsPerKilogram(number),
            "mg-hcl" or "mghcl" => FromMilligramsOfHydrochloride(number),
            _ => throw new FormatException($"dose '{text}' has unknown unit '{unit}'; use mg, mg/kg or mg-hcl (e.g. 35mg, 0.5mg/kg)."),
        };
    }

    /// <summary>Formats as <c>35 mg</c> or <c>0.5 mg/kg</c> (invariant culture).</summary>
    public override string ToString() =>
        Value.ToString("G6", CultureInfo.InvariantCulture) + (IsPerKilogram ? " mg/kg" : " mg");
}
