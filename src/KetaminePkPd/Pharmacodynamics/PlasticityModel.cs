using System.Globalization;

namespace KetaminePkPd.Pharmacodynamics;

/// <summary>
/// The antidepressant response of docs/model.md section 4.2 (PROVISIONAL structure, calibrated to the trial time course): an
/// occupancy-like signal at the effect site, S = Ce / (EC50 + Ce), feeds a slow "plasticity" chain
/// dP1/dt = ktr (S - P1), dP2/dt = ktr P1 - kdec P2, and the drug effect on the depression score is
/// beta x scale x P2 (negative = improvement). Immutable.
/// </summary>
/// <remarks>
/// Optional tolerance (PROVISIONAL, issue 10): a third, slow state follows the plasticity signal,
/// dP3/dt = ktol (P2 - P3), and the effect becomes beta x scale x P2 / (1 + P3 / P3,50): repeated sessions build P3 and
/// weaken each further session's effect, so that day 1 and day 28 of a twice-weekly esketamine course can both come near
/// the trials (Daly 2018, Popova 2019). With ktol = 0 (the constructor's default) the model is the two-state chain.
/// </remarks>
/// <remarks>
/// With EC50 60 ng/mL, ktr 2.0 1/h, kdec ln 2 / 72 h and beta -1.89 points per unit P2, 0.5 mg/kg over 40 min with
/// Domino PK gives about -6 MADRS points at 4 h, -8 at 24 h, -5 at day 3 and -2 at day 7 (placebo-adjusted targets of
/// docs/model.md section 4.2). No published concentration-response model for ketamine's antidepressant effect was readable; this is
/// our own calibration.
/// </remarks>
public sealed class PlasticityModel : EffectModel
{
    private readonly double _ktr, _kdec;

    /// <summary>Creates the model.</summary>
    /// <param name="name">Name.</param>
    /// <param name="unit">Unit of the effect (e.g. <c>MADRS points</c>).</param>
    /// <param name="ke0PerH">Effect-site rate constant, 1/h, in (0, 1e4].</param>
    /// <param name="ec50NgPerMl">Effect-site concentration at half-maximal signal, ng/mL, in (0, 1e6].</param>
    /// <param name="ktrPerH">Transfer rate constant of the plasticity chain, 1/h, in (0, 1e3].</param>
    /// <param name="kdecPerH">Decay rate constant of the second stage, 1/h, in [0, 1e3].</param>
    /// <param name="beta">Effect per unit P2 (points; negative lowers the score), finite, |beta| &lt;= 1e4.</param>
    /// <param name="scale">Individual multiplier on the effect, in [0, 100].</param>
    /// <param name="driver">Which plasma concentration drives the effect site.</param>
    /// <param name="ktolPerH">Rate constant of the tolerance state P3, 1/h, in [0, 1e3]; 0 (default) disables tolerance.</param>
    /// <param name="tolerance50">P3 at which the effect is halved (units of P2), in (0, 1e6]; default 1.</param>
    /// <exception cref="ArgumentException">A value out of range.</exception>
    public PlasticityModel(string name, string unit, double ke0PerH, double ec50NgPerMl, double ktrPerH, double kdecPerH, double beta, double scale = 1,
        EffectDriver driver = EffectDriver.Parent, double ktolPerH = 0, double tolerance50 = 1) : base(name, unit, ke0PerH, driver)
    {
        KtolPerH = Guard.InRange(ktolPerH, 0, 1e3, nameof(ktolPerH));
        Tolerance50 = Guard.InRangeExclusiveMin(tolerance50, 0, 1e6, nameof(tolerance50));
        Ec50NgPerMl = Guard.InRangeExclusiveMin(ec50NgPerMl, 0, 1e6, nameof(ec50NgPerMl));
        _ktr = Guard.InRangeExclusiveMin(ktrPerH, 0, 1e3, nameof(ktrPerH));
        _kdec = Guard.InRange(kdecPerH, 0, 1e3, nameof(kdecPerH));
        Beta = Guard.InRange(beta, -1e4, 1e4, nameof(beta));
        Scale = Guard.InRange(scale, 0, 100, nameof(scale));
    }

    /// <summary>EC50 of the signal, ng/mL.</summary>
    public double Ec50NgPerMl { get; }

    /// <summary>Chain transfer rate constant, 1/h.</summary>
    public double KtrPerH => _ktr;

    /// <summary>Decay rate constant of P2, 1/h.</summary>
    public double KdecPerH => _kdec;

    /// <summary>Effect per unit P2.</summary>
    public double Beta { get; }

    /// <summary>Individual multiplier on the effect.</summary>
    public double Scale { get; }

    /// <summary>Rate constant of the tolerance state, 1/h (0: no tolerance).</summary>
    public double KtolPerH { get; }

    /// <summary>Tolerance state at which the effect is halved, units of P2.</summary>
    public double Tolerance50 { get; }

    /// <inheritdoc />
    public override int FilterStates => KtolPerH > 0 ? 3 : 2;

    /// <inheritdoc />
    public override void Filter(Span<double> a, Span<double> b)
    {
        if (KtolPerH > 0)
        {
            a[0] = -_ktr; a[1] = 0; a[2] = 0;
            a[3] = _ktr; a[4] = -_kdec; a[5] = 0;
            a[6] = 0; a[7] = KtolPerH; a[8] = -KtolPerH;
            b[0] = _ktr; b[1] = 0; b[2] = 0;
            return;
        }
        a[0] = -_ktr; a[1] = 0;
        a[2] = _ktr; a[3] = -_kdec;
        b[0] = _ktr; b[1] = 0;
    }

    /// <inheritdoc />
    public override double Drive(double ceNgPerMl) => ceNgPerMl <= 0 ? 0 : ceNgPerMl / (Ec50NgPerMl + ceNgPerMl);

    /// <inheritdoc />
    public override double DriveDerivative(double ceNgPerMl)
    {
        double d = Ec50NgPerMl + Math.Max(0, ceNgPerMl);
        return Ec50NgPerMl / (d * d);
    }

    /// <inheritdoc />
    public override double Effect(double ceNgPerMl, ReadOnlySpan<double> filter) =>
        KtolPerH > 0 ? Beta * Scale * filter[1] / (1 + Math.Max(0, filter[2]) / Tolerance50) : Beta * Scale * filter[1];

    /// <summary>Describes the model.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: S = Ce/({Ec50NgPerMl:G4} + Ce), ktr {_ktr:G3}/h, kdec {_kdec:G3}/h, effect {Beta * Scale:G4} x P2 {Unit}") +
        (KtolPerH > 0 ? string.Create(CultureInfo.InvariantCulture, $" / (1 + P3/{Tolerance50:G3}), ktol {KtolPerH:G3}/h") : "");
}
