using System.Collections.Immutable;

namespace KetaminePkPd.Pharmacodynamics;

/// <summary>
/// The parameters of the two effect models of the mission: dissociation (CADSS, a sigmoid Emax model) and the
/// antidepressant response (a <see cref="PlasticityModel"/> on MADRS points), with sources and PROVISIONAL labels,
/// and the random-effect scales a population uses. Immutable; <see cref="WithParameter"/> returns a modified copy.
/// </summary>
/// <remarks>
/// Concentration parameters are stated for racemic ketamine (total R+S as driver). For esketamine the dissociation C50 is
/// halved: with racemic total as driver, C50 is about twice the S-ketamine value, since R-ketamine adds nothing to the
/// psychedelic effect (Olofsen et al. 2022, Anesthesiology 136:792). Halving the antidepressant EC50 as well was our
/// earlier PROVISIONAL assumption (Correia-Melo 2020 found esketamine 0.25 mg/kg non-inferior to racemic 0.5 mg/kg); with Perez-Ruixo 2021 pharmacokinetics it gave intranasal
/// esketamine 56 mg a day-1 drug effect of about -15 MADRS points, 1.5 x Daly 2018's -10.0. The antidepressant EC50 is now
/// divided by its own factor ESKPOT_A (PROVISIONAL 1.0, calibrated to Daly 2018 day 1), and a slow tolerance state
/// (KTOL_A, TOL50_A) brings a twice-weekly course to TRANSFORM-2's day-28 difference (docs/validation.md,
/// docs/literature.md section 9). Esketamine's antidepressant numbers remain the least tested output of the library.
/// </remarks>
public sealed class EffectParameterSet
{
    private const string Olofsen = "Olofsen E, Kamp J, Henthorn TK, et al. Ketamine psychedelic and antinociceptive effects are connected. Anesthesiology 2022;136:792-801";
    private const string Provisional = "PROVISIONAL (docs/model.md section 4.4)";
    private const string Provisional10 = "PROVISIONAL (our calibration, docs/validation.md)";
    private const string Provisional16 = "PROVISIONAL (our calibration, docs/model.md section 4.1 and docs/validation.md)";
    private const string Calibrated = "PROVISIONAL (fitted by calibrate to the catalogue's calibration targets, docs/calibration.md)";
    private const double TolHalfLifeDays = 7, Tol50 = 3.5;
    // The values calibrate fits on the shipped catalogue (docs/calibration.md; CalibratorTests checks they are its fixed point).
    private const double Ktr = 2.419211373764039, Kdec = 0.007922292154526835, Beta = -2.6900434383299867, EskPotency = 0.3993632351732965,
        Kta = 1.854799703638987, EmaxD = 35.09462391642694;
    private const double AcuteTolerance50 = 40, SessionToleranceHalfLifeDays = 3.5, SessionTolerance50 = 16;
    private readonly ImmutableDictionary<string, int> _byName;

    /// <summary>Name of the dissociation effect.</summary>
    public const string DissociationName = "dissociation";

    /// <summary>Name of the antidepressant effect.</summary>
    public const string AntidepressantName = "antidepressant";

    private EffectParameterSet(ImmutableArray<ModelParameter> parameters)
    {
        Parameters = parameters;
        _byName = parameters.Select((p, i) => (p.Name, i)).ToImmutableDictionary(x => x.Name, x => x.i, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The defaults of docs/model.md sections 4.1, 4.2 and 4.4.</summary>
    public static EffectParameterSet Default { get; } = new(
    [
        new("KE0_D", Math.Log(2) / (8.3 / 60), "1/h", "dissociation effect-site rate constant (t1/2,ke0 8.3 min, 95% CI 5.1-13.0)", Olofsen, ParameterScale.Log, 1e-3, 1e4),
        new("C50_D", 240, "ng/mL", "racemic effect-site concentration at half-maximal dissociation (S-ketamine 121 ng/mL x 2; IIV log SD 0.5)",
            Provisional + ": twice the S-ketamine C50 of 0.51 nmol/mL (121 ng/mL, " + Olofsen + ")", ParameterScale.Log, 1e-3, 1e6, isProvisional: true),
        new("EMAX_D", EmaxD, "CADSS points", "maximal dissociation of the typical patient without tolerance (IIV log SD 0.75: a right-skewed CADSS distribution)",
            Calibrated + ": with the acute tolerance and the log-normal IIV, CADSS at 40 min after 0.5 mg/kg/40 min has mean and SD near van Schalkwyk 2018 (7.7, 9.2)", ParameterScale.Log, 0, 92, isProvisional: true),
        new("HILL_D", 2, "-", "Hill coefficient of dissociation", Provisional + ": Bowdle 1998 found psychedelic scores linear in 50-200 ng/mL; 2 fits resolution by 80-120 min", ParameterScale.Log, 0.1, 10, isProvisional: true),
        new("KE0_A", Math.Log(2) / (8.3 / 60), "1/h", "antidepressant effect-site rate constant (same as dissociation unless set)", Provisional, ParameterScale.Log, 1e-3, 1e4, isProvisional: true),
        new("EC50_A", 60, "ng/mL", "racemic effect-site concentration at half-maximal plasticity signal (IIV log SD 0.5)", "PROVISIONAL (docs/model.md section 4.2)", ParameterScale.Log, 1e-3, 1e6, isProvisional: true),
        new("KTR", Ktr, "1/h", "plasticity chain transfer rate constant", Calibrated + ": the racemic course's shape (docs/model.md section 4.2)", ParameterScale.Log, 1e-3, 1e3, isProvisional: true),
        new("KDEC", Kdec, "1/h", "plasticity decay rate constant (half-life 87.5 h; IIV log SD 0.7: how long the effect lasts differs between patients)",
            Calibrated + "; docs/model.md section 4.2; the IIV: about half of the day-3 responders to 0.5 mg/kg have not relapsed by day 14, Salloum 2020", ParameterScale.Log, 0, 1e3, isProvisional: true),
        new("BETA", Beta, "MADRS points", "drug effect per unit of the plasticity signal P2 (typical patient, racemic 0.5 mg/kg over 40 min: about -10 at 4 h, -12 at 24 h)",
            Calibrated + ": with the between-patient spread (SCALE_A, KDEC, EC50_A), a saline-controlled 0.5 mg/kg trial gives Wilkinson 2019's day-1 response " +
            "rates (ketamine 46%, saline 1%); the brief's -8 at 24 h equals the midazolam-adjusted difference (Murrough 2013), which the midazolam-controlled design reproduces", ParameterScale.Additive, -1e3, 1e3, isProvisional: true),
        new("SCALE_A", 1, "-", "individual multiplier on the antidepressant drug effect (median 1, IIV log SD 0.4)", Provisional16, ParameterScale.Log, 0, 100, isProvisional: true),
        new("KTOL_A", Math.Log(2) / (TolHalfLifeDays * 24), "1/h", $"rate constant of the tolerance state of the antidepressant effect (half-life {TolHalfLifeDays} days)",
            Provisional10 + ": calibrated so that esketamine day 1 (Daly 2018) and day 28 (Popova 2019) both come near the trials", ParameterScale.Log, 0, 1e3, isProvisional: true),
        new("TOL50_A", Tol50, "P2 units", "tolerance state at which the antidepressant effect is halved",
            Provisional10 + ": calibrated with KTOL_A", ParameterScale.Log, 1e-6, 1e6, isProvisional: true),
        new("ESKPOT_A", EskPotency, "-", "potency of esketamine on the antidepressant signal relative to racemic total (EC50 divided by it)",
            Calibrated + ": esketamine's day-1 results of Daly 2018 and TRANSFORM-2's day 28 (the dissociation C50 keeps Olofsen 2022's factor 2)", ParameterScale.Log, 0.1, 10, isProvisional: true),
        new("KTA_D", Kta, "1/h", "rate constant of each of the two stages of the acute tolerance chain of dissociation (half-life 22.4 min per stage)",
            Calibrated + ": so that esketamine dissociation peaks near 40 min and is mostly gone by 90 min while plasma esketamine is still about 70% of its peak (manufacturer's medical information; TRANSFORM-2)", ParameterScale.Log, 0, 1e4, isProvisional: true),
        new("TA50_D", AcuteTolerance50, "ng/mL", "acute tolerance concentration that doubles the dissociation C50 (racemic total; halved for esketamine like C50_D)",
            Provisional16 + ": calibrated with KTA_D and EMAX_D", ParameterScale.Log, 1e-3, 1e6, isProvisional: true),
        new("KTS_D", Math.Log(2) / (SessionToleranceHalfLifeDays * 24), "1/h", $"rate constant of the between-session tolerance compartment of dissociation (half-life {SessionToleranceHalfLifeDays} days)",
            Provisional16 + ": dissociation weakens over a twice-weekly esketamine course (Chen 2022; the manufacturer: 'attenuated with repeated dosing')", ParameterScale.Log, 0, 1e3, isProvisional: true),
        new("TS50_D", SessionTolerance50, "ng/mL", "between-session tolerance concentration that doubles the dissociation C50 (racemic total; halved for esketamine)",
            Provisional16 + ": no size of the attenuation is published; set so that the eighth session's peak is about two thirds of the first", ParameterScale.Log, 1e-6, 1e6, isProvisional: true),
    ]);

    /// <summary>The parameters, in the order random effects use.</summary>
    public ImmutableArray<ModelParameter> Parameters { get; }

    /// <summary>Index of the named parameter (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such parameter; the message lists the names.</exception>
    public int IndexOf(string parameterName)
    {
        ArgumentNullException.ThrowIfNull(parameterName);
        return _byName.TryGetValue(parameterName, out int i) ? i
            : throw new ArgumentException($"The effect parameters have no '{parameterName}'; they are {string.Join(", ", Parameters.Select(p => p.Name))}.", nameof(parameterName));
    }

    /// <summary>Index of the named parameter (case-insensitive), without throwing.</summary>
    internal bool TryIndexOf(string parameterName, out int index) => _byName.TryGetValue(parameterName, out index);

    /// <summary>The named parameter.</summary>
    /// <exception cref="ArgumentException">No such parameter.</exception>
    public ModelParameter this[string parameterName] => Parameters[IndexOf(parameterName)];

    /// <summary>A copy with one typical value replaced.</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Value outside the parameter's range.</exception>
    public EffectParameterSet WithParameter(string parameterName, double value)
    {
        int i = IndexOf(parameterName);
        return new EffectParameterSet(Parameters.SetItem(i, Parameters[i].WithValue(value)));
    }

    /// <summary>Potency factor of the driver: 1 for racemic ketamine, 2 for esketamine (C50 and EC50 are halved).</summary>
    public static double PotencyFactor(Drug drug) => drug == Drug.Esketamine ? 2 : 1;

    /// <summary>The dissociation model (CADSS points, 0 to 30 by default) for a drug and an individual's random effects.</summary>
    /// <param name="drug">The drug (sets the potency of the driver).</param>
    /// <param name="randomEffects">One eta per entry of <see cref="Parameters"/>, or empty for typical values.</param>
    /// <exception cref="ArgumentException">Wrong length or non-finite etas.</exception>
    public SigmoidEmaxModel Dissociation(Drug drug, ReadOnlySpan<double> randomEffects = default)
    {
        CheckEtas(randomEffects);
        // The individual maximum is capped at the top of the CADSS scale (92): the log-normal IIV on EMAX_D has a long tail.
        // Concentrations (C50 and the tolerance levels) are in racemic-total units; for esketamine the driver is S-ketamine alone.
        double potency = PotencyFactor(drug);
        return new SigmoidEmaxModel(DissociationName, "CADSS points", Value("KE0_D", randomEffects), Value("C50_D", randomEffects) / potency,
            Math.Min(Value("EMAX_D", randomEffects), 92), Value("HILL_D", randomEffects),
            acuteToleranceRatePerH: Value("KTA_D", randomEffects), acuteTolerance50NgPerMl: Value("TA50_D", randomEffects) / potency,
            sessionToleranceRatePerH: Value("KTS_D", randomEffects), sessionTolerance50NgPerMl: Value("TS50_D", randomEffects) / potency);
    }

    /// <summary>The antidepressant model (drug effect in MADRS points, negative = improvement) for a drug and an individual's random effects.</summary>
    /// <param name="drug">The drug (sets the potency of the driver).</param>
    /// <param name="randomEffects">One eta per entry of <see cref="Parameters"/>, or empty for typical values.</param>
    /// <exception cref="ArgumentException">Wrong length or non-finite etas.</exception>
    public PlasticityModel Antidepressant(Drug drug, ReadOnlySpan<double> randomEffects = default)
    {
        CheckEtas(randomEffects);
        double potency = drug == Drug.Esketamine ? Value("ESKPOT_A", randomEffects) : 1;
        return new PlasticityModel(AntidepressantName, "MADRS points", Value("KE0_A", randomEffects), Value("EC50_A", randomEffects) / potency,
            Value("KTR", randomEffects), Value("KDEC", randomEffects), Value("BETA", randomEffects), Value("SCALE_A", randomEffects),
            ktolPerH: Value("KTOL_A", randomEffects), tolerance50: Value("TOL50_A", randomEffects));
    }

    private double Value(string name, ReadOnlySpan<double> etas)
    {
        int i = _byName[name];
        return Parameters[i].Individual(Parameters[i].Value, etas.IsEmpty ? 0 : etas[i]);
    }

    private void CheckEtas(ReadOnlySpan<double> etas)
    {
        if (!etas.IsEmpty && etas.Length != Parameters.Length)
            throw new ArgumentException($"randomEffects must be empty or hold {Parameters.Length} values, got {etas.Length}.", nameof(etas));
        foreach (var e in etas)
            if (!double.IsFinite(e)) throw new ArgumentException($"randomEffects must be finite, got {e}.", nameof(etas));
    }
}
