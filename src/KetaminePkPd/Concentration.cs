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

    /// <inheritdoc />
    public int CompareTo(Concentration other) => MilligramsPerLiter.CompareTo(other.MilligramsPerLiter);

    /// <summary>Formats as <c>121 ng/mL</c>.</summary>
    public override string ToString() => NanogramsPerMilliliter.ToString("G4", CultureInfo.InvariantCulture) + " ng/mL";
}
