using System.Globalization;

namespace KetaminePkPd.Trials;

/// <summary>
/// Baseline severity, placebo response and rating noise (docs/model.md sections 4.3-4.4), all in MADRS points and all PROVISIONAL:
/// baseline N(32, 5); placebo improvement N(8, 8), one draw per patient, reached with a 1 h half-time and then held;
/// rating noise N(0, 3) per depression rating and N(0, 3) per CADSS rating. Scores are clamped to their scales. Immutable.
/// </summary>
/// <remarks>
/// A second, slow placebo/standard-of-care component (PROVISIONAL, issue 10) represents a newly started oral antidepressant
/// and the weeks of trial care: improvement N(<see cref="SlowPlaceboMean"/>, <see cref="SlowPlaceboSd"/>) per patient, reached as
/// 1 - 2^(-t / <see cref="SlowPlaceboHalfTimeDays"/>). It is off (mean and SD 0) by default and in the ketamine IV designs;
/// <see cref="NewOralAntidepressant"/> switches it on, calibrated to the TRANSFORM-1/2 placebo + antidepressant arm (change
/// -15.9, SD about 14.5, at day 28). The MADRS of a patient at time t is
/// baseline - placebo x onset(t) - slow x slowOnset(t) + drug effect(t) + noise.
/// </remarks>
public sealed record ClinicalModel
{
    private readonly double _baselineMean = 32, _baselineSd = 5, _placeboMean = 8, _placeboSd = 8, _placeboHalfTimeH = 1;
    private readonly double _ratingSd = 3, _cadssSd = 3;
    private readonly double _slowMean, _slowSd, _slowHalfTimeDays = 7;

    /// <summary>The defaults.</summary>
    public static ClinicalModel Default { get; } = new();

    /// <summary>Patients who stay on their current oral antidepressant (Daly 2018 period 1): the defaults with baseline MADRS N(35, 5)
    /// (the placebo arm's 35.0, SD 5.2) and a 0.5 h placebo onset half-time (PROVISIONAL: the placebo arm improved 9.7 points by 2 h
    /// after a supervised nasal-spray session). No slow component.</summary>
    public static ClinicalModel ContinuedOralAntidepressant { get; } = new() { BaselineMean = 35, PlaceboHalfTimeH = 0.5 };

    /// <summary>
    /// Patients who start a new oral antidepressant with the study drug (TRANSFORM-1/2): baseline MADRS N(37.7, 5.5) (the pooled
    /// baseline of those trials) and a slow improvement N(8.5, 11) MADRS points with a 7-day half-time on top of the fast placebo
    /// response (PROVISIONAL: calibrated to the pooled placebo + antidepressant change of -15.9, SD about 14.5, at day 28).
    /// </summary>
    public static ClinicalModel NewOralAntidepressant { get; } = new()
    {
        BaselineMean = 37.7, BaselineSd = 5.5, SlowPlaceboMean = 8.5, SlowPlaceboSd = 11, SlowPlaceboHalfTimeDays = 7,
    };

    /// <summary>Mean of the slow (oral antidepressant / standard of care) improvement, MADRS points, in [-30, 60]. Default 0 (off).</summary>
    public double SlowPlaceboMean { get => _slowMean; init => _slowMean = Guard.InRange(value, -30, 60, nameof(SlowPlaceboMean)); }

    /// <summary>SD of the slow improvement between patients, MADRS points, in [0, 30]. Default 0.</summary>
    public double SlowPlaceboSd { get => _slowSd; init => _slowSd = Guard.InRange(value, 0, 30, nameof(SlowPlaceboSd)); }

    /// <summary>Half-time of the slow improvement, days, in (0, 365]. Default 7 (PROVISIONAL).</summary>
    public double SlowPlaceboHalfTimeDays { get => _slowHalfTimeDays; init => _slowHalfTimeDays = Guard.InRangeExclusiveMin(value, 0, 365, nameof(SlowPlaceboHalfTimeDays)); }

    /// <summary>Fraction of the slow improvement reached at <paramref name="hours"/> after the first dose.</summary>
    public double SlowPlaceboOnset(double hours) => hours <= 0 ? 0 : 1 - Math.Pow(2, -hours / (24 * SlowPlaceboHalfTimeDays));

    /// <summary>Mean baseline MADRS, in [0, 60]. Default 32 (treatment-resistant depression, about 30-35).</summary>
    public double BaselineMean { get => _baselineMean; init => _baselineMean = Guard.InRange(value, 0, 60, nameof(BaselineMean)); }

    /// <summary>SD of baseline MADRS, in [0, 30]. Default 5.</summary>
    public double BaselineSd { get => _baselineSd; init => _baselineSd = Guard.InRange(value, 0, 30, nameof(BaselineSd)); }

    /// <summary>Mean placebo improvement, MADRS points, in [-30, 60]. Default 8.</summary>
    public double PlaceboMean { get => _placeboMean; init => _placeboMean = Guard.InRange(value, -30, 60, nameof(PlaceboMean)); }

    /// <summary>SD of the placebo improvement between patients, MADRS points, in [0, 30]. Default 8.</summary>
    public double PlaceboSd { get => _placeboSd; init => _placeboSd = Guard.InRange(value, 0, 30, nameof(PlaceboSd)); }

    /// <summary>Half-time of the placebo improvement's onset, h, in (0, 1000]. Default 1 (PROVISIONAL).</summary>
    public double PlaceboHalfTimeH { get => _placeboHalfTimeH; init => _placeboHalfTimeH = Guard.InRangeExclusiveMin(value, 0, 1000, nameof(PlaceboHalfTimeH)); }

    /// <summary>SD of the rating noise of a depression score, MADRS points, in [0, 20]. Default 3.</summary>
    public double RatingNoiseSd { get => _ratingSd; init => _ratingSd = Guard.InRange(value, 0, 20, nameof(RatingNoiseSd)); }

    /// <summary>SD of the rating noise of a CADSS total, points, in [0, 20]. Default 3.</summary>
    public double CadssNoiseSd { get => _cadssSd; init => _cadssSd = Guard.InRange(value, 0, 20, nameof(CadssNoiseSd)); }

    /// <summary>Fraction of the placebo improvement reached at <paramref name="hours"/> after the first dose.</summary>
    public double PlaceboOnset(double hours) => hours <= 0 ? 0 : 1 - Math.Pow(2, -hours / PlaceboHalfTimeH);

    /// <summary>Describes the model.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"baseline MADRS N({BaselineMean:G3}, {BaselineSd:G3}); placebo improvement N({PlaceboMean:G3}, {PlaceboSd:G3}) with {PlaceboHalfTimeH:G3} h half-time; rating noise SD {RatingNoiseSd:G3} (MADRS), {CadssNoiseSd:G3} (CADSS)") +
        (SlowPlaceboMean != 0 || SlowPlaceboSd != 0
            ? string.Create(CultureInfo.InvariantCulture, $"; slow improvement N({SlowPlaceboMean:G3}, {SlowPlaceboSd:G3}) with {SlowPlaceboHalfTimeDays:G3} d half-time") : "");
}
