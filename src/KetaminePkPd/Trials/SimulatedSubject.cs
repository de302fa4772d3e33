using System.Collections.Immutable;

namespace KetaminePkPd.Trials;

/// <summary>
/// One virtual patient's noise-free course in a trial: who they are, their key individual parameters, their exposure,
/// and the true (unrated) dissociation and drug effect. Rating noise is added later, so one simulated patient can be
/// rated many times (replicate trials). Immutable.
/// </summary>
internal sealed record SimulatedSubject
{
    /// <summary>Creates the record; every value is checked as its property is set, so a <c>with</c> expression is checked too.</summary>
    /// <param name="index">Subject index (its random streams derive from the seed and this index).</param>
    /// <param name="arm">Arm index in the design.</param>
    /// <param name="subject">Covariates.</param>
    /// <param name="doseMg">Dose per session, mg.</param>
    /// <param name="clearanceLPerH">Individual systemic clearance of the parent, L/h.</param>
    /// <param name="centralVolumeL">Individual central volume, L.</param>
    /// <param name="dissociationC50NgPerMl">Individual C50 of dissociation for this drug, ng/mL.</param>
    /// <param name="antidepressantEc50NgPerMl">Individual EC50 of the antidepressant signal for this drug, ng/mL.</param>
    /// <param name="antidepressantScale">Individual multiplier on the antidepressant effect.</param>
    /// <param name="concentrationAtCadssNgPerMl">Parent plasma concentration at the CADSS time, ng/mL (what a trial would measure).</param>
    /// <param name="cmaxNgPerMl">Parent Cmax, ng/mL.</param>
    /// <param name="auc0To24NgHPerMl">Parent AUC over the first 24 h, ng.h/mL.</param>
    /// <param name="cadssAtRatingTime">True CADSS at the CADSS rating time.</param>
    /// <param name="cadssPeak">True peak CADSS.</param>
    /// <param name="drugEffectMadrs">True drug effect at each assessment, MADRS points (negative = improvement).</param>
    /// <param name="baselineMadrs">Baseline MADRS.</param>
    /// <param name="placeboMadrs">Placebo improvement once fully developed, MADRS points (before any expectancy boost).</param>
    /// <param name="slowPlaceboMadrs">Slow (oral antidepressant / standard of care) improvement once fully developed, MADRS points; 0 when the clinical model has none.</param>
    /// <exception cref="ArgumentException">A value outside its range (<see cref="ArgumentOutOfRangeException"/>), a null (<see cref="ArgumentNullException"/>) or a malformed array.</exception>
    public SimulatedSubject(int index, int arm, Subject subject, double doseMg, double clearanceLPerH, double centralVolumeL, double dissociationC50NgPerMl, double antidepressantEc50NgPerMl, double antidepressantScale, double concentrationAtCadssNgPerMl, double cmaxNgPerMl, double auc0To24NgHPerMl, double cadssAtRatingTime, double cadssPeak, EquatableArray<double> drugEffectMadrs, double baselineMadrs, double placeboMadrs, double slowPlaceboMadrs = 0)
    {
        Index = index;
        Arm = arm;
        Subject = subject;
        DoseMg = doseMg;
        ClearanceLPerH = clearanceLPerH;
        CentralVolumeL = centralVolumeL;
        DissociationC50NgPerMl = dissociationC50NgPerMl;
        AntidepressantEc50NgPerMl = antidepressantEc50NgPerMl;
        AntidepressantScale = antidepressantScale;
        ConcentrationAtCadssNgPerMl = concentrationAtCadssNgPerMl;
        CmaxNgPerMl = cmaxNgPerMl;
        Auc0To24NgHPerMl = auc0To24NgHPerMl;
        CadssAtRatingTime = cadssAtRatingTime;
        CadssPeak = cadssPeak;
        DrugEffectMadrs = drugEffectMadrs;
        BaselineMadrs = baselineMadrs;
        PlaceboMadrs = placeboMadrs;
        SlowPlaceboMadrs = slowPlaceboMadrs;
    }

    /// <summary>Subject index (its random streams derive from the seed and this index).</summary>
    public int Index { get; init => field = Guard.NonNegative(value, nameof(Index)); }

    /// <summary>Arm index in the design.</summary>
    public int Arm { get; init => field = Guard.NonNegative(value, nameof(Arm)); }

    /// <summary>Covariates.</summary>
    public Subject Subject { get; init => field = Guard.NotNull(value, nameof(Subject)); }

    /// <summary>Dose per session, mg.</summary>
    public double DoseMg { get; init => field = Guard.NonNegative(value, nameof(DoseMg)); }

    /// <summary>Individual systemic clearance of the parent, L/h.</summary>
    public double ClearanceLPerH { get; init => field = Guard.Positive(value, nameof(ClearanceLPerH)); }

    /// <summary>Individual central volume, L.</summary>
    public double CentralVolumeL { get; init => field = Guard.Positive(value, nameof(CentralVolumeL)); }

    /// <summary>Individual C50 of dissociation for this drug, ng/mL.</summary>
    public double DissociationC50NgPerMl { get; init => field = Guard.Positive(value, nameof(DissociationC50NgPerMl)); }

    /// <summary>Individual EC50 of the antidepressant signal for this drug, ng/mL.</summary>
    public double AntidepressantEc50NgPerMl { get; init => field = Guard.Positive(value, nameof(AntidepressantEc50NgPerMl)); }

    /// <summary>Individual multiplier on the antidepressant effect.</summary>
    public double AntidepressantScale { get; init => field = Guard.NonNegative(value, nameof(AntidepressantScale)); }

    /// <summary>Parent plasma concentration at the CADSS time, ng/mL (what a trial would measure).</summary>
    public double ConcentrationAtCadssNgPerMl { get; init => field = Guard.Finite(value, nameof(ConcentrationAtCadssNgPerMl)); }

    /// <summary>Parent Cmax, ng/mL.</summary>
    public double CmaxNgPerMl { get; init => field = Guard.Finite(value, nameof(CmaxNgPerMl)); }

    /// <summary>Parent AUC over the first 24 h, ng.h/mL.</summary>
    public double Auc0To24NgHPerMl { get; init => field = Guard.Finite(value, nameof(Auc0To24NgHPerMl)); }

    /// <summary>True CADSS at the CADSS rating time.</summary>
    public double CadssAtRatingTime { get; init => field = Guard.Finite(value, nameof(CadssAtRatingTime)); }

    /// <summary>True peak CADSS.</summary>
    public double CadssPeak { get; init => field = Guard.Finite(value, nameof(CadssPeak)); }

    /// <summary>True drug effect at each assessment, MADRS points (negative = improvement).</summary>
    public EquatableArray<double> DrugEffectMadrs { get; init => field = Guard.FiniteValues(value, nameof(DrugEffectMadrs)); }

    /// <summary>Baseline MADRS.</summary>
    public double BaselineMadrs { get; init => field = Guard.Finite(value, nameof(BaselineMadrs)); }

    /// <summary>Placebo improvement once fully developed, MADRS points (before any expectancy boost).</summary>
    public double PlaceboMadrs { get; init => field = Guard.Finite(value, nameof(PlaceboMadrs)); }

    /// <summary>Slow (oral antidepressant / standard of care) improvement once fully developed, MADRS points; 0 when the clinical model has none.</summary>
    public double SlowPlaceboMadrs { get; init => field = Guard.Finite(value, nameof(SlowPlaceboMadrs)); }
}
