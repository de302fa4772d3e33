using System.Collections.Immutable;

namespace KetaminePkPd.Trials;

/// <summary>
/// One virtual patient's noise-free course in a trial: who they are, their key individual parameters, their exposure,
/// and the true (unrated) dissociation and drug effect. Rating noise is added later, so one simulated patient can be
/// rated many times (replicate trials). Immutable.
/// </summary>
/// <param name="Index">Subject index (its random streams derive from the seed and this index).</param>
/// <param name="Arm">Arm index in the design.</param>
/// <param name="Subject">Covariates.</param>
/// <param name="DoseMg">Dose per session, mg.</param>
/// <param name="ClearanceLPerH">Individual systemic clearance of the parent, L/h.</param>
/// <param name="CentralVolumeL">Individual central volume, L.</param>
/// <param name="DissociationC50NgPerMl">Individual C50 of dissociation for this drug, ng/mL.</param>
/// <param name="AntidepressantEc50NgPerMl">Individual EC50 of the antidepressant signal for this drug, ng/mL.</param>
/// <param name="AntidepressantScale">Individual multiplier on the antidepressant effect.</param>
/// <param name="ConcentrationAtCadssNgPerMl">Parent plasma concentration at the CADSS time, ng/mL (what a trial would measure).</param>
/// <param name="CmaxNgPerMl">Parent Cmax, ng/mL.</param>
/// <param name="Auc0To24NgHPerMl">Parent AUC over the first 24 h, ng.h/mL.</param>
/// <param name="CadssAtRatingTime">True CADSS at the CADSS rating time.</param>
/// <param name="CadssPeak">True peak CADSS.</param>
/// <param name="DrugEffectMadrs">True drug effect at each assessment, MADRS points (negative = improvement).</param>
/// <param name="BaselineMadrs">Baseline MADRS.</param>
/// <param name="PlaceboMadrs">Placebo improvement once fully developed, MADRS points (before any expectancy boost).</param>
/// <param name="SlowPlaceboMadrs">Slow (oral antidepressant / standard of care) improvement once fully developed, MADRS points; 0 when the clinical model has none.</param>
public sealed record SimulatedSubject(int Index, int Arm, Subject Subject, double DoseMg, double ClearanceLPerH, double CentralVolumeL,
    double DissociationC50NgPerMl, double AntidepressantEc50NgPerMl, double AntidepressantScale,
    double ConcentrationAtCadssNgPerMl, double CmaxNgPerMl, double Auc0To24NgHPerMl,
    double CadssAtRatingTime, double CadssPeak, EquatableArray<double> DrugEffectMadrs, double BaselineMadrs, double PlaceboMadrs,
    double SlowPlaceboMadrs = 0)
{

    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = Guard.NonNegative(Index, nameof(Index)) >= 0 && Guard.NonNegative(Arm, nameof(Arm)) >= 0 && Guard.NotNull(Subject, nameof(Subject)) is not null
        && Guard.NonNegative(DoseMg, nameof(DoseMg)) >= 0 && Guard.Positive(ClearanceLPerH, nameof(ClearanceLPerH)) > 0
        && Guard.Positive(CentralVolumeL, nameof(CentralVolumeL)) > 0 && Guard.Positive(DissociationC50NgPerMl, nameof(DissociationC50NgPerMl)) > 0
        && Guard.Positive(AntidepressantEc50NgPerMl, nameof(AntidepressantEc50NgPerMl)) > 0 && Guard.NonNegative(AntidepressantScale, nameof(AntidepressantScale)) >= 0
        && Guard.Finite(ConcentrationAtCadssNgPerMl, nameof(ConcentrationAtCadssNgPerMl)) == ConcentrationAtCadssNgPerMl
        && Guard.Finite(CmaxNgPerMl, nameof(CmaxNgPerMl)) == CmaxNgPerMl && Guard.Finite(Auc0To24NgHPerMl, nameof(Auc0To24NgHPerMl)) == Auc0To24NgHPerMl
        && Guard.Finite(CadssAtRatingTime, nameof(CadssAtRatingTime)) == CadssAtRatingTime && Guard.Finite(CadssPeak, nameof(CadssPeak)) == CadssPeak
        && Guard.FiniteValues(DrugEffectMadrs, nameof(DrugEffectMadrs)).Length >= 0 && Guard.Finite(BaselineMadrs, nameof(BaselineMadrs)) == BaselineMadrs
        && Guard.Finite(PlaceboMadrs, nameof(PlaceboMadrs)) == PlaceboMadrs && Guard.Finite(SlowPlaceboMadrs, nameof(SlowPlaceboMadrs)) == SlowPlaceboMadrs;
}
