using System.Globalization;

namespace KetaminePkPd.Pharmacodynamics;

/// <summary>
/// Direct sigmoid Emax effect at the effect site: E = E0 + Emax Ce^gamma / (C50'^gamma + Ce^gamma) (Hill 1910;
/// Holford and Sheiner 1981), with optional tolerance that raises the C50 while the drug is present. Bounded in
/// [E0, E0 + Emax] and monotone in Ce. Immutable.
/// </summary>
/// <remarks>
/// <para>Tolerance (both parts off by default, so that C50' = C50) follows the tolerance-compartment model of Porchet,
/// Benowitz and Sheiner (1988, J Pharmacol Exp Ther 244:231): C50' = C50 (1 + Ta / Ta50 + Ts / Ts50), where Ta and Ts are
/// concentrations (ng/mL) of hypothetical tolerance compartments that follow the effect-site concentration linearly:</para>
/// <para>acute: dA1/dt = ka (Ce - A1), dTa/dt = ka (A1 - Ta), a two-stage chain, so that acute tolerance builds with a delay
/// and an effect can fade while the concentration is still near its peak (clockwise hysteresis);</para>
/// <para>between sessions: dTs/dt = ks (Ce - Ts), slow (days), so that repeated sessions dissociate less.</para>
/// <para>The compartments are linear in Ce, so the system stays linear and exact; the effect is a direct function of
/// (Ce, Ta, Ts), and its peak is found without a grid like the concentration peak.</para>
/// </remarks>
public sealed class SigmoidEmaxModel : EffectModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="name">Name.</param>
    /// <param name="unit">Unit of the effect.</param>
    /// <param name="ke0PerH">Effect-site rate constant, 1/h, in (0, 1e4].</param>
    /// <param name="c50NgPerMl">Effect-site concentration at half-maximal effect (no tolerance), ng/mL, in (0, 1e6].</param>
    /// <param name="emax">Maximal effect above baseline, in [0, 1e6] (in <paramref name="unit"/>).</param>
    /// <param name="hill">Hill coefficient gamma, in [0.1, 10].</param>
    /// <param name="e0">Baseline effect, finite.</param>
    /// <param name="driver">Which plasma concentration drives the effect site.</param>
    /// <param name="acuteToleranceRatePerH">Rate constant ka of each stage of the acute tolerance chain, 1/h, in [0, 1e4]; 0 (default) disables acute tolerance.</param>
    /// <param name="acuteTolerance50NgPerMl">Acute tolerance concentration Ta50 that doubles C50, ng/mL, in (0, 1e6]; default 1.</param>
    /// <param name="sessionToleranceRatePerH">Rate constant ks of the between-session tolerance compartment, 1/h, in [0, 1e3]; 0 (default) disables it.</param>
    /// <param name="sessionTolerance50NgPerMl">Between-session tolerance concentration Ts50 that doubles C50, ng/mL, in (0, 1e6]; default 1.</param>
    /// <exception cref="ArgumentException">A value out of range.</exception>
    public SigmoidEmaxModel(string name, string unit, double ke0PerH, double c50NgPerMl, double emax, double hill, double e0 = 0,
        EffectDriver driver = EffectDriver.Parent, double acuteToleranceRatePerH = 0, double acuteTolerance50NgPerMl = 1,
        double sessionToleranceRatePerH = 0, double sessionTolerance50NgPerMl = 1) : base(name, unit, ke0PerH, driver)
    {
        C50NgPerMl = Guard.InRangeExclusiveMin(c50NgPerMl, 0, 1e6, nameof(c50NgPerMl));
        Emax = Guard.InRange(emax, 0, 1e6, nameof(emax));
        Hill = Guard.InRange(hill, 0.1, 10, nameof(hill));
        E0 = Guard.InRange(e0, -1e6, 1e6, nameof(e0));
        AcuteToleranceRatePerH = Guard.InRange(acuteToleranceRatePerH, 0, 1e4, nameof(acuteToleranceRatePerH));
        AcuteTolerance50NgPerMl = Guard.InRangeExclusiveMin(acuteTolerance50NgPerMl, 0, 1e6, nameof(acuteTolerance50NgPerMl));
        SessionToleranceRatePerH = Guard.InRange(sessionToleranceRatePerH, 0, 1e3, nameof(sessionToleranceRatePerH));
        SessionTolerance50NgPerMl = Guard.InRangeExclusiveMin(sessionTolerance50NgPerMl, 0, 1e6, nameof(sessionTolerance50NgPerMl));
    }

    /// <summary>C50 without tolerance, ng/mL.</summary>
    public double C50NgPerMl { get; }

    /// <summary>Maximal effect above baseline.</summary>
    public double Emax { get; }

    /// <summary>Hill coefficient.</summary>
    public double Hill { get; }

    /// <summary>Baseline effect.</summary>
    public double E0 { get; }

    /// <summary>Rate constant of each stage of the acute tolerance chain, 1/h (0: no acute tolerance).</summary>
    public double AcuteToleranceRatePerH { get; }

    /// <summary>Acute tolerance concentration that doubles C50, ng/mL.</summary>
    public double AcuteTolerance50NgPerMl { get; }

    /// <summary>Rate constant of the between-session tolerance compartment, 1/h (0: none).</summary>
    public double SessionToleranceRatePerH { get; }

    /// <summary>Between-session tolerance concentration that doubles C50, ng/mL.</summary>
    public double SessionTolerance50NgPerMl { get; }

    /// <summary>The effect with no tolerance developed (the tolerance compartments empty), from the effect-site concentration.</summary>
    public override double Effect(double ceNgPerMl, ReadOnlySpan<double> filter) => E0 + Emax * FractionOfMaximum(ceNgPerMl);

    /// <summary>The effect as a fraction of its maximum, in [0, 1], with no tolerance developed.</summary>
    /// <param name="ceNgPerMl">Effect-site concentration, ng/mL.</param>
    public double FractionOfMaximum(double ceNgPerMl) => Fraction(ceNgPerMl, C50NgPerMl);

    // Tolerance compartments: [A1, Ta] when acute tolerance is on, then [Ts] when session tolerance is on.
    internal override int ToleranceStates => (AcuteToleranceRatePerH > 0 ? 2 : 0) + (SessionToleranceRatePerH > 0 ? 1 : 0);

    internal override void ToleranceDynamics(Span<double> m, Span<double> fromEffectSite)
    {
        int s = ToleranceStates, i = 0;
        m.Clear();
        fromEffectSite.Clear();
        if (AcuteToleranceRatePerH > 0)
        {
            double k = AcuteToleranceRatePerH;
            m[0] = -k; fromEffectSite[0] = k;
            m[s + 0] = k; m[s + 1] = -k;
            i = 2;
        }
        if (SessionToleranceRatePerH > 0)
        {
            m[i * s + i] = -SessionToleranceRatePerH;
            fromEffectSite[i] = SessionToleranceRatePerH;
        }
    }

    internal override double EffectWithTolerance(double ceNgPerMl, ReadOnlySpan<double> tolerance, ReadOnlySpan<double> filter) =>
        E0 + Emax * Fraction(ceNgPerMl, C50NgPerMl * Shift(tolerance));

    internal override double EffectRate(double ceNgPerMl, ReadOnlySpan<double> tolerance, double ceRate, ReadOnlySpan<double> toleranceRates)
    {
        // E = Emax x / (1 + x), x = (Ce / C50')^gamma; dE/dt = Emax x / (1 + x)^2 gamma (Ce'/Ce - C50''/C50').
        if (ceNgPerMl <= 0) return 0;
        double shift = Shift(tolerance), c50 = C50NgPerMl * shift;
        double x = Math.Pow(ceNgPerMl / c50, Hill);
        double shiftRate = 0;
        int i = 0;
        if (AcuteToleranceRatePerH > 0) { shiftRate += toleranceRates[1] / AcuteTolerance50NgPerMl; i = 2; }
        if (SessionToleranceRatePerH > 0) shiftRate += toleranceRates[i] / SessionTolerance50NgPerMl;
        return Emax * x / ((1 + x) * (1 + x)) * Hill * (ceRate / ceNgPerMl - shiftRate / shift);
    }

    /// <summary>The factor C50'/C50 = 1 + Ta/Ta50 + Ts/Ts50 (tolerance states below zero count as zero).</summary>
    private double Shift(ReadOnlySpan<double> tolerance)
    {
        double shift = 1;
        int i = 0;
        if (AcuteToleranceRatePerH > 0) { shift += Math.Max(0, tolerance[1]) / AcuteTolerance50NgPerMl; i = 2; }
        if (SessionToleranceRatePerH > 0) shift += Math.Max(0, tolerance[i]) / SessionTolerance50NgPerMl;
        return shift;
    }

    private double Fraction(double ceNgPerMl, double c50)
    {
        if (ceNgPerMl <= 0) return 0;
        double x = Math.Pow(ceNgPerMl / c50, Hill);
        return x / (1 + x);
    }

    /// <summary>Describes the model.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: E0 {E0:G4} + Emax {Emax:G4} Ce^{Hill:G3} / ({C50NgPerMl:G4}^{Hill:G3} + Ce^{Hill:G3}) {Unit}, t1/2ke0 {Ke0HalfLifeMinutes:G3} min") +
        (AcuteToleranceRatePerH > 0 ? string.Create(CultureInfo.InvariantCulture, $"; acute tolerance: C50 x (1 + Ta/{AcuteTolerance50NgPerMl:G3}), two stages of {Math.Log(2) / AcuteToleranceRatePerH * 60:G3} min") : "") +
        (SessionToleranceRatePerH > 0 ? string.Create(CultureInfo.InvariantCulture, $"; session tolerance: + Ts/{SessionTolerance50NgPerMl:G3}, half-life {Math.Log(2) / SessionToleranceRatePerH / 24:G3} d") : "");
}
