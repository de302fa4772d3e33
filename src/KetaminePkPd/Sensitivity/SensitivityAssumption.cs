using KetaminePkPd.Trials;

namespace KetaminePkPd.Sensitivity;

/// <summary>
/// A provisional assumption that <see cref="SensitivityResult.Run"/> varies over a range around the design's current
/// value (<see cref="SensitivitySettings.Levels"/> gives each range). Tokens for the command line are in <see cref="SensitivitySettings.Token"/>.
/// </summary>
public enum SensitivityAssumption
{
    /// <summary>Between-subject SDs of every PK random effect of the population (CL and V1 for the racemic sets), scaled together.</summary>
    PkVariability,

    /// <summary>How doses differ between patients: the design's own dose basis, the other basis (fixed mg instead of mg/kg, or the reverse), or a per-patient log-uniform spread around the dose.</summary>
    DoseSpread,

    /// <summary>Between-subject SD (log scale) of the dissociation C50 (C50_D).</summary>
    DissociationC50Sd,

    /// <summary>Between-subject SD (log scale) of the maximal dissociation (EMAX_D), the main source of the CADSS spread.</summary>
    DissociationEmaxSd,

    /// <summary>Between-subject SD (log scale) of the antidepressant EC50 (EC50_A).</summary>
    AntidepressantEc50Sd,

    /// <summary>Between-subject SD (log scale) of the antidepressant effect's scale (SCALE_A).</summary>
    AntidepressantScaleSd,

    /// <summary>Between-subject SD (log scale) of the antidepressant effect's decay rate (KDEC): how much its duration differs between patients.</summary>
    AntidepressantDurationSd,

    /// <summary>Mean placebo improvement, MADRS points.</summary>
    PlaceboMean,

    /// <summary>SD of the placebo improvement between patients, MADRS points.</summary>
    PlaceboSd,

    /// <summary>SD of the rating noise of a depression score, MADRS points.</summary>
    DepressionRatingNoiseSd,

    /// <summary>SD of the rating noise of a CADSS total, points.</summary>
    CadssRatingNoiseSd,

    /// <summary>When the CADSS is rated, from the first dose.</summary>
    CadssTime,

    /// <summary>Mean baseline severity, MADRS points.</summary>
    BaselineMean,
}
