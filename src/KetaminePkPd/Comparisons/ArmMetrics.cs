namespace KetaminePkPd.Comparisons;

/// <summary>
/// What a what-if comparison reports for one arm (parent drug; effects as the effect models give them, without placebo
/// or rating noise). Times from the first dose. Immutable.
/// </summary>
public sealed record ArmMetrics
{
    /// <summary>Creates the record; every value is checked as its property is set, so a <c>with</c> expression is checked too.</summary>
    /// <param name="cmaxNgPerMl">Parent Cmax, ng/mL.</param>
    /// <param name="tmaxH">Parent Tmax, h.</param>
    /// <param name="auc0To24NgHPerMl">Parent AUC over the first 24 h, ng.h/mL.</param>
    /// <param name="timeAboveH">Time the parent concentration spends above the comparison's threshold, h (on the exact solution).</param>
    /// <param name="peakCadss">Peak dissociation, CADSS points.</param>
    /// <param name="peakCadssTimeH">When it occurs, h.</param>
    /// <param name="cadssBelow4AfterH">When CADSS is back under 4 after its peak, h; 0 when it never exceeds 4; null when it does not return within the simulation.</param>
    /// <param name="antidepressant4H">Antidepressant drug effect at 4 h, MADRS points (negative = improvement).</param>
    /// <param name="antidepressantDay1">Same at 24 h.</param>
    /// <param name="antidepressantDay7">Same at 7 days.</param>
    /// <exception cref="ArgumentException">A value outside its range (<see cref="ArgumentOutOfRangeException"/>), a null (<see cref="ArgumentNullException"/>) or a malformed array.</exception>
    public ArmMetrics(double cmaxNgPerMl, double tmaxH, double auc0To24NgHPerMl, double timeAboveH, double peakCadss, double peakCadssTimeH, double? cadssBelow4AfterH, double antidepressant4H, double antidepressantDay1, double antidepressantDay7)
    {
        CmaxNgPerMl = cmaxNgPerMl;
        TmaxH = tmaxH;
        Auc0To24NgHPerMl = auc0To24NgHPerMl;
        TimeAboveH = timeAboveH;
        PeakCadss = peakCadss;
        PeakCadssTimeH = peakCadssTimeH;
        CadssBelow4AfterH = cadssBelow4AfterH;
        Antidepressant4H = antidepressant4H;
        AntidepressantDay1 = antidepressantDay1;
        AntidepressantDay7 = antidepressantDay7;
    }

    /// <summary>Parent Cmax, ng/mL.</summary>
    public double CmaxNgPerMl { get; init => field = Guard.NonNegative(value, nameof(CmaxNgPerMl)); }

    /// <summary>Parent Tmax, h.</summary>
    public double TmaxH { get; init => field = Guard.NonNegative(value, nameof(TmaxH)); }

    /// <summary>Parent AUC over the first 24 h, ng.h/mL.</summary>
    public double Auc0To24NgHPerMl { get; init => field = Guard.Finite(value, nameof(Auc0To24NgHPerMl)); }

    /// <summary>Time the parent concentration spends above the comparison's threshold, h (on the exact solution).</summary>
    public double TimeAboveH { get; init => field = Guard.NonNegative(value, nameof(TimeAboveH)); }

    /// <summary>Peak dissociation, CADSS points.</summary>
    public double PeakCadss { get; init => field = Guard.Finite(value, nameof(PeakCadss)); }

    /// <summary>When it occurs, h.</summary>
    public double PeakCadssTimeH { get; init => field = Guard.NonNegative(value, nameof(PeakCadssTimeH)); }

    /// <summary>When CADSS is back under 4 after its peak, h; 0 when it never exceeds 4; null when it does not return within the simulation.</summary>
    public double? CadssBelow4AfterH { get; init => field = Guard.Finite(value, nameof(CadssBelow4AfterH)); }

    /// <summary>Antidepressant drug effect at 4 h, MADRS points (negative = improvement).</summary>
    public double Antidepressant4H { get; init => field = Guard.Finite(value, nameof(Antidepressant4H)); }

    /// <summary>Same at 24 h.</summary>
    public double AntidepressantDay1 { get; init => field = Guard.Finite(value, nameof(AntidepressantDay1)); }

    /// <summary>Same at 7 days.</summary>
    public double AntidepressantDay7 { get; init => field = Guard.Finite(value, nameof(AntidepressantDay7)); }
}
