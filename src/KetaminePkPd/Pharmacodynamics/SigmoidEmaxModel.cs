using System.Globalization;

namespace KetaminePkPd.Pharmacodynamics;

/// <summary>
/// Direct sigmoid Emax effect at the effect site: E = E0 + Emax Ce^gamma / (C50^gamma + Ce^gamma) (Hill 1910;
/// Holford and Sheiner 1981). Bounded in [E0, E0 + Emax] and monotone in Ce. Immutable.
/// </summary>
public sealed class SigmoidEmaxModel : EffectModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="name">Name.</param>
    /// <param name="unit">Unit of the effect.</param>
    /// <param name="ke0PerH">Effect-site rate constant, 1/h, in (0, 1e4].</param>
    /// <param name="c50NgPerMl">Effect-site concentration at half-maximal effect, ng/mL, in (0, 1e6].</param>
    /// <param name="emax">Maximal effect above baseline, in [0, 1e6] (in <paramref name="unit"/>).</param>
    /// <param name="hill">Hill coefficient gamma, in [0.1, 10].</param>
    /// <param name="e0">Baseline effect, finite.</param>
    /// <param name="driver">Which plasma concentration drives the effect site.</param>
    /// <exception cref="ArgumentException">A value out of range.</exception>
    public SigmoidEmaxModel(string name, string unit, double ke0PerH, double c50NgPerMl, double emax, double hill, double e0 = 0,
        EffectDriver driver = EffectDriver.Parent) : base(name, unit, ke0PerH, driver)
    {
        C50NgPerMl = Guard.InRangeExclusiveMin(c50NgPerMl, 0, 1e6, nameof(c50NgPerMl));
        Emax = Guard.InRange(emax, 0, 1e6, nameof(emax));
        Hill = Guard.InRange(hill, 0.1, 10, nameof(hill));
        E0 = Guard.InRange(e0, -1e6, 1e6, nameof(e0));
    }

    /// <summary>C50, ng/mL.</summary>
    public double C50NgPerMl { get; }

    /// <summary>Maximal effect above baseline.</summary>
    public double Emax { get; }

    /// <summary>Hill coefficient.</summary>
    public double Hill { get; }

    /// <summary>Baseline effect.</summary>
    public double E0 { get; }

    /// <inheritdoc />
    public override double Effect(double ceNgPerMl, ReadOnlySpan<double> filter) => E0 + Emax * (FractionOfMaximum(ceNgPerMl) ?? 0);

    /// <inheritdoc />
    public override double? FractionOfMaximum(double ceNgPerMl)
    {
        if (ceNgPerMl <= 0) return 0;
        double x = Math.Pow(ceNgPerMl / C50NgPerMl, Hill);
        return x / (1 + x);
    }

    /// <summary>Describes the model.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: E0 {E0:G4} + Emax {Emax:G4} Ce^{Hill:G3} / ({C50NgPerMl:G4}^{Hill:G3} + Ce^{Hill:G3}) {Unit}, t1/2ke0 {Ke0HalfLifeMinutes:G3} min");
}
