using System.Globalization;

namespace KetaminePkPd;

/// <summary>A mass concentration of ketamine (or a metabolite), stored in mg/L. Immutable; the default is 0.</summary>
public readonly record struct Concentration : IComparable<Concentration>
{
    private Concentration(double mgPerL) => MilligramsPerLiter = mgPerL;

    /// <summary>The concentration in mg/L (the library's internal unit; 1 mg/L = 1000 ng/mL).</summary>
    public double MilligramsPerLiter { get; }

    /// <summary>The concentration in ng/mL (the unit reported everywhere).</summary>
    public double NanogramsPerMilliliter => MilligramsPerLiter * Units.NgPerMlPerMgPerL;

    /// <summary>The concentration of ketamine in nmol/mL (molar mass 237.7 g/mol).</summary>
    public double NanomolesPerMilliliter => NanogramsPerMilliliter / Units.KetamineFreeBaseGPerMol;

    /// <summary>From ng/mL.</summary>
    /// <param name="nanogramsPerMilliliter">Finite, in [0, 1e7].</param>
    /// <exception cref="ArgumentOutOfRangeException">Negative, not finite or above 1e7.</exception>
    public static Concentration FromNanogramsPerMilliliter(double nanogramsPerMilliliter) =>
        new(Guard.InRange(nanogramsPerMilliliter, 0, 1e7, nameof(nanogramsPerMilliliter)) / Units.NgPerMlPerMgPerL);

    /// <summary>From mg/L.</summary>
    /// <param name="milligramsPerLiter">Finite, in [0, 1e4].</param>
    /// <exception cref="ArgumentOutOfRangeException">Negative, not finite or above 1e4.</exception>
    public static Concentration FromMilligramsPerLiter(double milligramsPerLiter) =>
        new(Guard.InRange(milligramsPerLiter, 0, 1e4, nameof(milligramsPerLiter)));

    /// <summary>From a molar concentration of ketamine, nmol/mL (1 nmol/mL = 237.7 ng/mL; Olofsen 2022 reports C50 this way).</summary>
    /// <param name="nanomolesPerMilliliter">Finite, in [0, 4e4].</param>
    /// <exception cref="ArgumentOutOfRangeException">Negative, not finite or above 4e4.</exception>
    public static Concentration FromNanomolesPerMilliliter(double nanomolesPerMilliliter) =>
        FromNanogramsPerMilliliter(Guard.InRange(nanomolesPerMilliliter, 0, 4e4, nameof(nanomolesPerMilliliter)) * Units.KetamineFreeBaseGPerMol);

    /// <summary>The largest concentration <see cref="Parse"/> accepts, ng/mL (100 000 ng/mL = 100 mg/L, far above any clinical level).</summary>
    public const double MaxParsedNanogramsPerMilliliter = 100_000;

    /// <summary>
    /// Parses a plasma concentration with its unit: <c>100ng/mL</c> (a bare number is read as ng/mL), <c>0.1mg/L</c>,
    /// <c>0.1ug/mL</c> (also <c>µg/mL</c>), or <c>0.42nmol/mL</c> (also <c>umol/L</c>; ketamine free base, 237.7 g/mol).
    /// Units ignore case and spaces around them; the value must be in (0, <see cref="MaxParsedNanogramsPerMilliliter"/>] ng/mL.
    /// </summary>
    /// <param name="text">The text, e.g. <c>100ng/mL</c>.</param>
    /// <param name="name">What the text is, for messages (a parameter or field name such as <c>threshold</c>, a JSON path).</param>
    /// <exception cref="FormatException">Not a number or an unknown unit; the message starts with <paramref name="name"/> and the text.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Zero, negative or above the maximum; the message starts with <paramref name="name"/> and the text.</exception>
    public static Concentration Parse(string text, string name = "concentration")
    {
        ArgumentNullException.ThrowIfNull(text);
        var (number, unit) = Quantity.Split(text, name, "100ng/mL, 0.1mg/L or 0.42nmol/mL", unitRequired: false);
        double ngPerMl = unit.Replace(" ", "") switch
        {
            "" or "ng/ml" => number,
            "mg/l" or "ug/ml" or "µg/ml" or "μg/ml" => number * Units.NgPerMlPerMgPerL,
            "nmol/ml" or "umol/l" or "µmol/l" or "μmol/l" => number * Units.KetamineFreeBaseGPerMol,
            _ => throw new FormatException(Quantity.Problem(name, text, "unknown unit; use ng/mL, mg/L, ug/mL or nmol/mL, e.g. 100ng/mL (a bare number is read as ng/mL).")),
        };
        if (!(ngPerMl > 0) || ngPerMl > MaxParsedNanogramsPerMilliliter)
            throw new ArgumentOutOfRangeException(name, text, Quantity.Problem(name, text,
                $"must be above 0 and at most {MaxParsedNanogramsPerMilliliter.ToString(CultureInfo.InvariantCulture)} ng/mL, got {ngPerMl.ToString("R", CultureInfo.InvariantCulture)} ng/mL."));
        return FromNanogramsPerMilliliter(ngPerMl);
    }

    /// <inheritdoc />
    public int CompareTo(Concentration other) => MilligramsPerLiter.CompareTo(other.MilligramsPerLiter);

    /// <summary>Formats as <c>121 ng/mL</c>.</summary>
    public override string ToString() => NanogramsPerMilliliter.ToString("G4", CultureInfo.InvariantCulture) + " ng/mL";
}
