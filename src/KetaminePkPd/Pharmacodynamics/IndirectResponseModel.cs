using System.Globalization;

namespace KetaminePkPd.Pharmacodynamics;

/// <summary>
/// Indirect response acting on the production rate (Dayneka, Garg and Jusko 1993, models I and III):
/// dR/dt = kin (1 + s Emax Ce / (EC50 + Ce)) - kout R, s = -1 for inhibition (Emax in [0, 1]) and +1 for
/// stimulation, starting at the baseline R0 = kin / kout. The effect is R. Immutable; an example of a user-style effect
/// built on <see cref="EffectModel"/>.
/// </summary>
public sealed class IndirectResponseModel : EffectModel
{
    private readonly double _kin, _kout, _sign;

    /// <summary>Creates the model.</summary>
    /// <param name="name">Name.</param>
    /// <param name="unit">Unit of the response.</param>
    /// <param name="ke0PerH">Effect-site rate constant, 1/h, in (0, 1e4].</param>
    /// <param name="baseline">R0, finite and &gt; 0.</param>
    /// <param name="koutPerH">kout, 1/h, in (0, 1e3]; kin = kout x R0.</param>
    /// <param name="emax">Maximal fractional change of kin: in [0, 1] for inhibition, [0, 1e3] for stimulation.</param>
    /// <param name="ec50NgPerMl">EC50, ng/mL, in (0, 1e6].</param>
    /// <param name="inhibition">True for inhibition of kin, false for stimulation.</param>
    /// <param name="driver">Which plasma concentration drives the effect site.</param>
    /// <exception cref="ArgumentException">A value out of range.</exception>
    public IndirectResponseModel(string name, string unit, double ke0PerH, double baseline, double koutPerH, double emax, double ec50NgPerMl,
        bool inhibition = true, EffectDriver driver = EffectDriver.Parent) : base(name, unit, ke0PerH, driver)
    {
        Baseline = Guard.InRangeExclusiveMin(baseline, 0, 1e9, nameof(baseline));
        _kout = Guard.InRangeExclusiveMin(koutPerH, 0, 1e3, nameof(koutPerH));
        Emax = Guard.InRange(emax, 0, inhibition ? 1 : 1e3, nameof(emax));
        Ec50NgPerMl = Guard.InRangeExclusiveMin(ec50NgPerMl, 0, 1e6, nameof(ec50NgPerMl));
        _kin = _kout * Baseline;
        _sign = inhibition ? -1 : 1;
    }

    /// <summary>Baseline response R0.</summary>
    public double Baseline { get; }

    /// <summary>Maximal fractional change of kin.</summary>
    public double Emax { get; }

    /// <summary>EC50, ng/mL.</summary>
    public double Ec50NgPerMl { get; }

    /// <inheritdoc />
    public override int FilterStates => 1;

    /// <inheritdoc />
    public override void Filter(Span<double> a, Span<double> b)
    {
        a[0] = -_kout;
        b[0] = _kin;
    }

    /// <inheritdoc />
    public override void InitialFilterState(Span<double> p) => p[0] = Baseline;

    /// <inheritdoc />
    public override double Drive(double ceNgPerMl) => 1 + _sign * Emax * Math.Max(0, ceNgPerMl) / (Ec50NgPerMl + Math.Max(0, ceNgPerMl));

    /// <inheritdoc />
    public override double DriveDerivative(double ceNgPerMl)
    {
        double d = Ec50NgPerMl + Math.Max(0, ceNgPerMl);
        return _sign * Emax * Ec50NgPerMl / (d * d);
    }

    /// <inheritdoc />
    public override double Effect(double ceNgPerMl, ReadOnlySpan<double> filter) => filter[0];

    /// <summary>Describes the model.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: indirect response, R0 {Baseline:G4}, kout {_kout:G3}/h, {(_sign < 0 ? "inhibition" : "stimulation")} Emax {Emax:G3}, EC50 {Ec50NgPerMl:G4} ng/mL");
}
