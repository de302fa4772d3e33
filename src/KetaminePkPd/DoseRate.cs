using System.Globalization;

namespace KetaminePkPd;

/// <summary>An infusion rate of free base: absolute (mg/h) or weight-based (mg/kg/h). Immutable.</summary>
public readonly record struct DoseRate
{
    private DoseRate(double value, bool perKilogram)
    {
        Value = value;
        IsPerKilogram = perKilogram;
    }

    /// <summary>The number: mg/h, or mg/kg/h when <see cref="IsPerKilogram"/>.</summary>
    public double Value { get; }

    /// <summary>True for mg/kg/h.</summary>
    public bool IsPerKilogram { get; }

    /// <summary>An absolute rate.</summary>
    /// <param name="milligramsPerHour">Finite, in [0, 10 000] mg/h.</param>
    /// <exception cref="ArgumentOutOfRangeException">Out of range.</exception>
    public static DoseRate FromMilligramsPerHour(double milligramsPerHour) =>
        new(Guard.InRange(milligramsPerHour, 0, Dose.MaxMilligrams, nameof(milligramsPerHour)), false);

    /// <summary>A weight-based rate.</summary>
    /// <param name="milligramsPerKilogramPerHour">Finite, in [0, 100] mg/kg/h.</param>
    /// <exception cref="ArgumentOutOfRangeException">Out of range.</exception>
    public static DoseRate FromMilligramsPerKilogramPerHour(double milligramsPerKilogramPerHour) =>
        new(Guard.InRange(milligramsPerKilogramPerHour, 0, Dose.MaxMilligramsPerKilogram, nameof(milligramsPerKilogramPerHour)), true);

    /// <summary>The dose delivered by running this rate for <paramref name="duration"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative or the dose exceeds the <see cref="Dose"/> limits.</exception>
    public Dose Over(TimeSpan duration)
    {
        double hours = Units.Hours(Guard.NonNegative(duration, nameof(duration)));
        return IsPerKilogram ? Dose.FromMilligramsPerKilogram(Value * hours) : Dose.FromMilligrams(Value * hours);
    }

    /// <summary>Parses <c>20mg/h</c> or <c>0.75mg/kg/h</c>.</summary>
    /// <exception cref="FormatException">Missing or unknown unit.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Out of range.</exception>
    public static DoseRate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (number, unit) = Quantity.Split(text, "rate", "20mg/h or 0.75mg/kg/h");
        return unit switch
        {
            "mg/h" => FromMilligramsPerHour(number),
            "mg/kg/h" => FromMilligramsPerKilogramPerHour(number),
            "mg/min" => FromMilligramsPerHour(number * Units.MinutesPerHour),
            "mg/kg/min" => FromMilligramsPerKilogramPerHour(number * Units.MinutesPerHour),
            _ => throw new FormatException($"rate '{text}' has unknown unit '{unit}'; use mg/h, mg/kg/h, mg/min or mg/kg/min."),
        };
    }

    /// <summary>Formats as <c>20 mg/h</c> or <c>0.75 mg/kg/h</c>.</summary>
    public override string ToString() => Value.ToString("G6", CultureInfo.InvariantCulture) + (IsPerKilogram ? " mg/kg/h" : " mg/h");
}
