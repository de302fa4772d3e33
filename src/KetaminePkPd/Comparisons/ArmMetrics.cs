namespace KetaminePkPd.Comparisons;

/// <summary>
/// What a what-if comparison reports for one arm (parent drug; effects as the effect models give them, without placebo
/// or rating noise). Times from the first dose. Immutable.
/// </summary>
/// <param name="CmaxNgPerMl">Parent Cmax, ng/mL.</param>
/// <param name="TmaxH">Parent Tmax, h.</param>
/// <param name="Auc0To24NgHPerMl">Parent AUC over the first 24 h, ng.h/mL.</param>
/// <param name="TimeAboveH">Time the parent concentration spends above the comparison's threshold, h (on the exact solution).</param>
/// <param name="PeakCadss">Peak dissociation, CADSS points.</param>
/// <param name="PeakCadssTimeH">When it occurs, h.</param>
/// <param name="CadssBelow4AfterH">When CADSS is back under 4 after its peak, h; 0 when it never exceeds 4; null when it does not return within the simulation.</param>
/// <param name="Antidepressant4H">Antidepressant drug effect at 4 h, MADRS points (negative = improvement).</param>
/// <param name="AntidepressantDay1">Same at 24 h.</param>
/// <param name="AntidepressantDay7">Same at 7 days.</param>
public sealed record ArmMetrics(double CmaxNgPerMl, double TmaxH, double Auc0To24NgHPerMl, double TimeAboveH, double PeakCadss, double PeakCadssTimeH,
    double? CadssBelow4AfterH, double Antidepressant4H, double AntidepressantDay1, double AntidepressantDay7)
{
    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = Guard.NonNegative(CmaxNgPerMl, nameof(CmaxNgPerMl)) >= 0 && Guard.NonNegative(TmaxH, nameof(TmaxH)) >= 0
        && Guard.Finite(Auc0To24NgHPerMl, nameof(Auc0To24NgHPerMl)) == Auc0To24NgHPerMl && Guard.NonNegative(TimeAboveH, nameof(TimeAboveH)) >= 0
        && Guard.Finite(PeakCadss, nameof(PeakCadss)) == PeakCadss && Guard.NonNegative(PeakCadssTimeH, nameof(PeakCadssTimeH)) >= 0
        && Guard.Finite(CadssBelow4AfterH, nameof(CadssBelow4AfterH)) == CadssBelow4AfterH && Guard.Finite(Antidepressant4H, nameof(Antidepressant4H)) == Antidepressant4H
        && Guard.Finite(AntidepressantDay1, nameof(AntidepressantDay1)) == AntidepressantDay1 && Guard.Finite(AntidepressantDay7, nameof(AntidepressantDay7)) == AntidepressantDay7;
}
