using System.Globalization;

namespace KetaminePkPd.Trials;

/// <summary>
/// What links dissociation and the antidepressant response besides shared exposure (docs/model.md section 5). The parts
/// compose: a hypothesis may combine a shared sensitivity, mediation and expectancy. With all parts off it is
/// "exposure only": the effects share nothing but the drug concentration. Immutable.
/// </summary>
/// <remarks>
/// Shared sensitivity and mediation are dependence structures with calibrated marginals: they change only how a patient's
/// antidepressant responsiveness depends on their dissociation, never the distribution of either effect across patients
/// (the random effects are rotated, not rescaled; docs/model.md section 5). Strength 0 is exposure-only, bit for bit.
/// Expectancy adds placebo response to patients who notice dissociation, so it moves the ketamine arm's mean by design.
/// </remarks>
public sealed record Hypothesis
{
    private readonly string _name = "exposure-only";
    private readonly double _rho, _share, _threshold = 20, _boost;

    /// <summary>The largest expectancy threshold: 92 CADSS points, the top of the 23-item CADSS.</summary>
    public const double MaxThresholdCadss = RatingScales.CadssMaximum;

    /// <summary>The largest expectancy boost: 60 MADRS points, the top of the MADRS.</summary>
    public const double MaxBoostMadrs = 60;

    /// <summary>Shared exposure only (Andrade's reply): independent PD parameters.</summary>
    public static Hypothesis ExposureOnly { get; } = new();

    /// <summary>
    /// A common mechanism: corr(dissociation propensity, antidepressant responsiveness) = rho, where each is the standardized
    /// combination of that effect's random effects that drives its spread (for dissociation EMAX_D and C50_D, for the
    /// antidepressant SCALE_A, KDEC and EC50_A; directions from the typical patient of the design, docs/model.md section 5.2).
    /// </summary>
    /// <param name="rho">Correlation in [-1, 1]; default 0.7 (PROVISIONAL illustration). Positive: patients who dissociate more respond more.</param>
    public static Hypothesis SharedSensitivity(double rho = 0.7) => new() { Name = "shared-sensitivity", SensitivityCorrelation = rho };

    /// <summary>
    /// Mediation (the letter's argument): a share of the between-patient variance of antidepressant responsiveness comes from how
    /// much the patient actually dissociated (the normal score of their own true peak CADSS in the arm, exposure included; docs/model.md
    /// section 5.3). The mean and spread of the antidepressant effect are kept.
    /// </summary>
    /// <param name="share">Share in [0, 1]; default 0.5 (PROVISIONAL illustration). At 1 the responsiveness is set by the dissociation alone.</param>
    public static Hypothesis Mediation(double share = 0.5) => new() { Name = "mediation", MediationShare = share };

    /// <summary>Expectancy or unblinding: patients whose dissociation peaks above a threshold get a larger placebo response.</summary>
    /// <param name="thresholdCadss">Peak CADSS above which a patient notices dissociation, in [0, 92]; default 20 (docs/model.md section 4.1: the
    /// letter's "about 1 in 5" with significant dissociation fits a threshold around 20 points, not 4).</param>
    /// <param name="boostMadrs">Extra placebo improvement, MADRS points, in [0, 60]; default 6 (PROVISIONAL illustration).</param>
    public static Hypothesis Expectancy(double thresholdCadss = 20, double boostMadrs = 6) =>
        new() { Name = "expectancy", ExpectancyThresholdCadss = thresholdCadss, ExpectancyBoostMadrs = boostMadrs };

    /// <summary>The four hypotheses of docs/model.md section 5 with their default strengths.</summary>
    public static IReadOnlyList<Hypothesis> All { get; } = [ExposureOnly, SharedSensitivity(), Mediation(), Expectancy()];

    /// <summary>The names of the built-in hypotheses: exposure-only, shared-sensitivity, mediation, expectancy.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(h => h.Name)];

    /// <summary>
    /// A built-in hypothesis by name, with its default strengths, by the rules of <see cref="Vocabulary"/> (case,
    /// surrounding white space and <c>_</c> for <c>-</c> ignored).
    /// </summary>
    /// <param name="text">The name.</param>
    /// <param name="name">What the text is, for the message (a parameter or field name such as <c>hypothesis</c>, a JSON path).</param>
    /// <exception cref="ArgumentException">Unknown name; the message names <paramref name="name"/>, the text and the names.</exception>
    public static Hypothesis Parse(string text, string name = "hypothesis")
    {
        ArgumentNullException.ThrowIfNull(text);
        string key = Vocabulary.Normalize(text);
        return All.FirstOrDefault(h => string.Equals(h.Name, key, StringComparison.OrdinalIgnoreCase))
            ?? throw Vocabulary.Unknown(name, text, "hypothesis", Names);
    }

    /// <summary>Short name (used in outputs).</summary>
    public string Name { get => _name; init { ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(Name)); _name = value; } }

    /// <summary>Correlation of dissociation propensity and antidepressant responsiveness, in [-1, 1]. 0 means independent.</summary>
    public double SensitivityCorrelation { get => _rho; init => _rho = Guard.InRange(value, -1, 1, nameof(SensitivityCorrelation)); }

    /// <summary>Share of the variance of antidepressant responsiveness set by the patient's own dissociation, in [0, 1]. 0 means none.</summary>
    public double MediationShare { get => _share; init => _share = Guard.InRange(value, 0, 1, nameof(MediationShare)); }

    /// <summary>Peak CADSS above which dissociation is noticed, in [0, 92]. Default 20.</summary>
    public double ExpectancyThresholdCadss { get => _threshold; init => _threshold = Guard.InRange(value, 0, MaxThresholdCadss, nameof(ExpectancyThresholdCadss)); }

    /// <summary>Extra placebo improvement when dissociation is noticed, MADRS points, in [0, 60]. 0 means no expectancy effect.</summary>
    public double ExpectancyBoostMadrs { get => _boost; init => _boost = Guard.InRange(value, 0, MaxBoostMadrs, nameof(ExpectancyBoostMadrs)); }

    /// <summary>True when nothing but exposure links the effects.</summary>
    public bool IsExposureOnly => SensitivityCorrelation == 0 && MediationShare == 0 && ExpectancyBoostMadrs == 0;

    /// <summary>Describes the hypothesis and its strengths.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (SensitivityCorrelation != 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"rho {SensitivityCorrelation:G3}"));
        if (MediationShare != 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"mediated share {MediationShare:G3}"));
        if (ExpectancyBoostMadrs != 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"+{ExpectancyBoostMadrs:G3} MADRS placebo when peak CADSS > {ExpectancyThresholdCadss:G3}"));
        return parts.Count == 0 ? Name : $"{Name} ({string.Join(", ", parts)})";
    }
}
