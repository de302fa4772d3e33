using System.Globalization;

namespace KetaminePkPd.Trials;

/// <summary>
/// Baseline severity, placebo response and rating noise (docs/model.md section 4.3), all in MADRS points and all PROVISIONAL.
/// The defaults describe a saline-controlled single-infusion trial like the NIMH studies behind Luckenbaugh 2014: baseline
/// N(32, 5); placebo improvement N(3, 8), one draw per patient, rising with a 1 h half-time, half of it fading with a 12 h
/// half-time (<see cref="PlaceboCourse"/>); rating noise N(0, 3) per depression rating and N(0, 3) per CADSS rating. Scores
/// are clamped to their scales. Immutable.
/// </summary>
/// <remarks>
/// <para>The MADRS of a patient at time t is baseline - (placebo + active control) x course(t) - slow x slowOnset(t) + drug
/// effect(t) + noise. The placebo defaults are calibrated so that, with the antidepressant effect's between-patient spread, a
/// saline-controlled 0.5 mg/kg trial gives the day-1 response rates of Wilkinson 2019's patient-level analysis (ketamine
/// 46%, saline 1%) and a ketamine-to-control SD ratio of change near 1.2 (docs/validation.md).</para>
/// <para>A second, slow placebo/standard-of-care component (issue 10) represents a newly started oral antidepressant and the
/// weeks of trial care: improvement N(<see cref="SlowPlaceboMean"/>, <see cref="SlowPlaceboSd"/>) per patient, reached as
/// 1 - 2^(-t / <see cref="SlowPlaceboHalfTimeDays"/>); off by default, on in <see cref="NewOralAntidepressant"/>.</para>
/// </remarks>
public sealed record ClinicalModel
{
    private readonly double _baselineMean = 32, _baselineSd = 5, _placeboMean = 3, _placeboSd = 10, _placeboHalfTimeH = 1;
    private readonly double _ratingSd = 3, _cadssSd = 3;
    private readonly double _slowMean, _slowSd, _slowHalfTimeDays = 7;
    private readonly double _persistent = 0.5, _fadeHalfTimeH = 12, _activeControl;

    /// <summary>The defaults: a saline-controlled single-infusion trial (NIMH-like); see the type's summary.</summary>
    public static ClinicalModel Default { get; } = new();

    /// <summary>
    /// A midazolam-controlled single-infusion trial (Murrough 2013 and the midazolam trials of Wilkinson 2019): the defaults,
    /// with the control arm improving by an extra 8 MADRS points on the placebo's time course (<see cref="ActiveControlMadrs"/>;
    /// PROVISIONAL, calibrated to midazolam's day-1 response of 18% in Wilkinson 2019) and a wider placebo spread (Murrough's
    /// midazolam arm: SD of change about 9.5 at 24 h, with a placebo SD of 12 here).
    /// </summary>
    public static ClinicalModel MidazolamControlled { get; } = new() { ActiveControlMadrs = 8, PlaceboSd = 12 };

    /// <summary>Patients who stay on their current oral antidepressant (Daly 2018 period 1): baseline MADRS N(35, 5) (the placebo
    /// arm's 35.0, SD 5.2), placebo improvement N(11, 10) with a 0.5 h onset half-time, half of it fading with a 12 h half-time
    /// (PROVISIONAL: the placebo arm changed -9.7 at 2 h, -5.7 at 24 h and -4.9 at day 8 after a supervised nasal-spray session).
    /// No slow component.</summary>
    public static ClinicalModel ContinuedOralAntidepressant { get; } = new() { BaselineMean = 35, PlaceboMean = 11, PlaceboHalfTimeH = 0.5 };

    /// <summary>
    /// Patients who start a new oral antidepressant with the study drug (TRANSFORM-1/2): baseline MADRS N(37.7, 5.5) (the pooled
    /// baseline of those trials), the fast placebo response of <see cref="ContinuedOralAntidepressant"/>, and a slow improvement
    /// N(11, 14) MADRS points with a 7-day half-time (PROVISIONAL: calibrated to the pooled placebo + antidepressant change of
    /// -15.9, SD about 14.5, at day 28).
    /// </summary>
    public static ClinicalModel NewOralAntidepressant { get; } = new()
    {
        BaselineMean = 37.7, BaselineSd = 5.5, PlaceboMean = 11, PlaceboHalfTimeH = 0.5, SlowPlaceboMean = 11, SlowPlaceboSd = 14, SlowPlaceboHalfTimeDays = 7,
    };

    /// <summary>The built-in clinical models by key: saline-controlled, midazolam-controlled, continued-oral-antidepressant, new-oral-antidepressant.</summary>
    public static IReadOnlyDictionary<string, ClinicalModel> Presets { get; } = new Dictionary<string, ClinicalModel>(StringComparer.OrdinalIgnoreCase)
    {
        ["saline-controlled"] = Default,
        ["midazolam-controlled"] = MidazolamControlled,
        ["continued-oral-antidepressant"] = ContinuedOralAntidepressant,
        ["new-oral-antidepressant"] = NewOralAntidepressant,
    };

    /// <summary>Mean of the slow (oral antidepressant / standard of care) improvement, MADRS points, in [-30, 60]. Default 0 (off).</summary>
    public double SlowPlaceboMean { get => _slowMean; init => _slowMean = Guard.InRange(value, -30, 60, nameof(SlowPlaceboMean)); }

    /// <summary>SD of the slow improvement between patients, MADRS points, in [0, 30]. Default 0.</summary>
    public double SlowPlaceboSd { get => _slowSd; init => _slowSd = Guard.InRange(value, 0, 30, nameof(SlowPlaceboSd)); }

    /// <summary>Half-time of the slow improvement, days, in (0, 365]. Default 7 (PROVISIONAL).</summary>
    public double SlowPlaceboHalfTimeDays { get => _slowHalfTimeDays; init => _slowHalfTimeDays = Guard.InRangeExclusiveMin(value, 0, 365, nameof(SlowPlaceboHalfTimeDays)); }

    /// <summary>Fraction of the slow improvement reached at <paramref name="hours"/> after the first dose.</summary>
    /// <param name="hours">Time after the first dose, h (0 or less gives 0).</param>
    public double SlowPlaceboOnset(double hours) => hours <= 0 ? 0 : 1 - Math.Pow(2, -hours / (24 * SlowPlaceboHalfTimeDays));

    /// <summary>Mean baseline MADRS, in [0, 60]. Default 32 (treatment-resistant depression, about 30-35).</summary>
    public double BaselineMean { get => _baselineMean; init => _baselineMean = Guard.InRange(value, 0, 60, nameof(BaselineMean)); }

    /// <summary>SD of baseline MADRS, in [0, 30]. Default 5.</summary>
    public double BaselineSd { get => _baselineSd; init => _baselineSd = Guard.InRange(value, 0, 30, nameof(BaselineSd)); }

    /// <summary>Mean placebo improvement at its peak, MADRS points, in [-30, 60]. Default 3.</summary>
    public double PlaceboMean { get => _placeboMean; init => _placeboMean = Guard.InRange(value, -30, 60, nameof(PlaceboMean)); }

    /// <summary>SD of the placebo improvement between patients, MADRS points, in [0, 30]. Default 8.</summary>
    public double PlaceboSd { get => _placeboSd; init => _placeboSd = Guard.InRange(value, 0, 30, nameof(PlaceboSd)); }

    /// <summary>Half-time of the placebo improvement's onset, h, in (0, 1000]. Default 1 (PROVISIONAL).</summary>
    public double PlaceboHalfTimeH { get => _placeboHalfTimeH; init => _placeboHalfTimeH = Guard.InRangeExclusiveMin(value, 0, 1000, nameof(PlaceboHalfTimeH)); }

    /// <summary>SD of the rating noise of a depression score, MADRS points, in [0, 20]. Default 3.</summary>
    public double RatingNoiseSd { get => _ratingSd; init => _ratingSd = Guard.InRange(value, 0, 20, nameof(RatingNoiseSd)); }

    /// <summary>SD of the rating noise of a CADSS total, points, in [0, 20]. Default 3.</summary>
    public double CadssNoiseSd { get => _cadssSd; init => _cadssSd = Guard.InRange(value, 0, 20, nameof(CadssNoiseSd)); }

    /// <summary>
    /// Extra improvement of patients in arms that receive no study drug when the control is active (midazolam in Murrough
    /// 2013, Fava 2020, Phillips 2019), MADRS points, in [0, 60], following the placebo's time course. Default 0 (an inert
    /// control, saline). Midazolam arms improve more than saline arms (Wilkinson 2019: day-1 response 18% against 1%).
    /// </summary>
    public double ActiveControlMadrs { get => _activeControl; init => _activeControl = Guard.InRange(value, 0, 60, nameof(ActiveControlMadrs)); }

    /// <summary>Fraction of the placebo improvement that persists after the early peak, in [0, 1]. Default 0.5 (1: no fading).</summary>
    public double PlaceboPersistentFraction { get => _persistent; init => _persistent = Guard.InRange(value, 0, 1, nameof(PlaceboPersistentFraction)); }

    /// <summary>Half-time of the fading part of the placebo improvement, h, in (0, 10 000]. Default 12.</summary>
    public double PlaceboFadeHalfTimeH { get => _fadeHalfTimeH; init => _fadeHalfTimeH = Guard.InRangeExclusiveMin(value, 0, 10_000, nameof(PlaceboFadeHalfTimeH)); }

    /// <summary>
    /// Fraction of a patient's placebo improvement present at <paramref name="hours"/> after the first dose: it rises with
    /// <see cref="PlaceboHalfTimeH"/> and then a share 1 - <see cref="PlaceboPersistentFraction"/> of it fades with
    /// <see cref="PlaceboFadeHalfTimeH"/>: (1 - 2^(-t/t_on)) (f + (1 - f) 2^(-t/t_fade)).
    /// </summary>
    /// <param name="hours">Time after the first dose, h (0 or less gives 0).</param>
    public double PlaceboCourse(double hours) => hours <= 0 ? 0
        : (1 - Math.Pow(2, -hours / PlaceboHalfTimeH)) * (PlaceboPersistentFraction + (1 - PlaceboPersistentFraction) * Math.Pow(2, -hours / PlaceboFadeHalfTimeH));

    /// <summary>Describes the model.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"baseline MADRS N({BaselineMean:G3}, {BaselineSd:G3}); placebo improvement N({PlaceboMean:G3}, {PlaceboSd:G3}) with {PlaceboHalfTimeH:G3} h half-time") +
        (PlaceboPersistentFraction < 1 ? string.Create(CultureInfo.InvariantCulture, $", {100 * (1 - PlaceboPersistentFraction):G3}% of it fading with {PlaceboFadeHalfTimeH:G3} h half-time") : "") +
        (ActiveControlMadrs > 0 ? string.Create(CultureInfo.InvariantCulture, $"; active control +{ActiveControlMadrs:G3}") : "") +
        string.Create(CultureInfo.InvariantCulture, $"; rating noise SD {RatingNoiseSd:G3} (MADRS), {CadssNoiseSd:G3} (CADSS)") +
        (SlowPlaceboMean != 0 || SlowPlaceboSd != 0
            ? string.Create(CultureInfo.InvariantCulture, $"; slow improvement N({SlowPlaceboMean:G3}, {SlowPlaceboSd:G3}) with {SlowPlaceboHalfTimeDays:G3} d half-time") : "");
}
