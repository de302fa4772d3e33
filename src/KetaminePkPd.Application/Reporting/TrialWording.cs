using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Populations;

namespace KetaminePkPd.Application.Reporting;

/// <summary>Words for designs, populations and hypotheses, shared by the <c>trial</c> and <c>hypothesis</c> reports.</summary>
public static class TrialWording
{
    /// <summary>A rating scale's short name: <c>MADRS</c> or <c>HDRS-17</c>.</summary>
    public static string ScaleLabel(RatingScale scale) => scale.Label();

    /// <summary>One arm: <c>ketamine 0.5 mg/kg: 0.5 mg/kg IV over 40 min, n = 108</c>.</summary>
    public static string Arm(TrialArm arm) => $"{arm.Name}: {Administration(arm)}, n = {arm.Subjects}";

    /// <summary>What each patient of an arm receives: <c>0.5 mg/kg IV over 40 min</c>, <c>56 mg intranasal, 8 sessions every 3.5 d</c>.</summary>
    public static string Administration(TrialArm arm)
    {
        var a = arm.Administration;
        string route = a.Route == Route.Intravenous ? "IV" : Vocabulary.Token(a.Route);
        string how = a.IsInfusion ? $"{a.Dose} {route} over {Formatting.Span(a.InfusionDuration)}" : $"{a.Dose} {route}";
        return arm.Sessions > 1 ? $"{how}, {arm.Sessions} sessions every {Formatting.Span(arm.Interval)}" : how;
    }

    /// <summary>
    /// A design in one phrase: its name, arms, ratings and PK model, e.g. <c>NIMH 0.5 mg/kg over 40 min (ketamine
    /// 0.5 mg/kg: 0.5 mg/kg IV over 40 min, n = 108; CADSS at 40 min; HDRS-17 at 230 min, 1 d, 3 d, 7 d; Domino 1982 ... PK)</c>.
    /// </summary>
    /// <param name="design">The design.</param>
    public static string DesignSummary(TrialDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        return $"{design.Name} ({string.Join(", ", design.Arms.Select(Arm))}; {Ratings(design)}; {design.Population.Pk.DisplayName} PK)";
    }

    /// <summary>When the ratings are done: <c>CADSS at 40 min; HDRS-17 at 230 min, 1 d, 3 d, 7 d</c>.</summary>
    public static string Ratings(TrialDesign design) =>
        $"CADSS at {Formatting.Span(design.CadssTime)}; {design.Scale.Label()} at {string.Join(", ", design.Assessments.Select(Formatting.Span))}";

    /// <summary>The population: PK set, covariates and between-subject variability.</summary>
    public static string Population(PopulationModel population) =>
        $"{population.Pk.DisplayName} [{population.Pk.Key}]; {population.Covariates}; between-subject SDs of random effects (log scale): {population.Variability}";

    /// <summary>The hypothesis by name with what it means and its strengths.</summary>
    public static string Hypothesis(Hypothesis h)
    {
        if (h.IsExposureOnly) return $"{h.Name}: the two effects share nothing but the drug concentration (shared exposure only)";
        var parts = new List<string>();
        string Label(string kind) => string.Equals(h.Name, kind, StringComparison.OrdinalIgnoreCase) ? "" : kind + ": ";
        if (h.SensitivityCorrelation != 0)
            parts.Add(Label("shared-sensitivity") + string.Create(CultureInfo.InvariantCulture,
                $"corr(dissociation propensity, antidepressant responsiveness) = {h.SensitivityCorrelation:0.###}: a common individual sensitivity, each effect's distribution unchanged"));
        if (h.MediationShare != 0)
            parts.Add(Label("mediation") + string.Create(CultureInfo.InvariantCulture,
                $"a share of {h.MediationShare:0.###} of the variance of antidepressant responsiveness is set by how much the patient dissociates, the effect's distribution unchanged"));
        if (h.ExpectancyBoostMadrs != 0)
            parts.Add(Label("expectancy") + string.Create(CultureInfo.InvariantCulture,
                $"{h.ExpectancyBoostMadrs:0.###} MADRS points more placebo response when peak CADSS > {h.ExpectancyThresholdCadss:0.###} (the patient notices dissociation)"));
        return $"{h.Name}: {string.Join("; ", parts)}";
    }

    /// <summary>The strengths of a hypothesis in one short phrase: <c>rho 0.7</c>, <c>share 0.5</c>, <c>threshold 20, boost 6</c>, or empty.</summary>
    public static string Strengths(Hypothesis h)
    {
        var parts = new List<string>();
        if (h.SensitivityCorrelation != 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"rho {h.SensitivityCorrelation:0.###}"));
        if (h.MediationShare != 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"share {h.MediationShare:0.###}"));
        if (h.ExpectancyBoostMadrs != 0)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"threshold {h.ExpectancyThresholdCadss:0.###}, boost {h.ExpectancyBoostMadrs:0.###}"));
        return string.Join(", ", parts);
    }

    /// <summary>The hypothesis name with its strengths in parentheses: <c>mediation (share 0.5)</c>.</summary>
    public static string NameWithStrengths(Hypothesis h) => Strengths(h) is { Length: > 0 } s ? $"{h.Name} ({s})" : h.Name;

    /// <summary>The sign convention, stated in every output.</summary>
    public static string SignConvention(TrialDesign design) =>
        $"Sign convention: r is CADSS at {Formatting.Span(design.CadssTime)} against % change of {design.Scale.Label()} from baseline, " +
        "as Luckenbaugh 2014 reports it: a negative r means more dissociation, more improvement. " +
        "\"r with improvement\" is -r: positive means more dissociation, more improvement.";

    /// <summary>The PK parameters (for the design's routes) and effect parameters that are the project's own calibrations.</summary>
    public static IReadOnlyList<ModelParameter> ProvisionalParameters(TrialDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        return [.. ProvisionalParameters(design.Population.Pk, Routes(design)), .. ProvisionalParameters(design.Population.Effects)];
    }

    /// <summary>
    /// The parameters of <paramref name="pk"/> used by <paramref name="routes"/> (the shared ones and those of each
    /// route) that are the project's own calibrations, not published estimates: the one list every output shows.
    /// </summary>
    /// <param name="pk">The PK parameter set.</param>
    /// <param name="routes">The routes given.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<ModelParameter> ProvisionalParameters(PkParameterSet pk, IEnumerable<Route> routes)
    {
        ArgumentNullException.ThrowIfNull(pk);
        ArgumentNullException.ThrowIfNull(routes);
        var given = routes.ToHashSet();
        return [.. pk.Parameters.Where(p => p.IsProvisional && (p.Route is null || given.Contains(p.Route.Value)))];
    }

    /// <summary>The effect parameters that are the project's own calibrations (docs/model.md sections 4.1, 4.2 and 4.4).</summary>
    /// <param name="effects">The effect parameters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="effects"/> is null.</exception>
    public static IReadOnlyList<ModelParameter> ProvisionalParameters(EffectParameterSet effects)
    {
        ArgumentNullException.ThrowIfNull(effects);
        return [.. effects.Parameters.Where(p => p.IsProvisional)];
    }

    /// <summary>The PROVISIONAL statement: which parameters and model parts are our own calibrations.</summary>
    public static string ProvisionalLine(TrialDesign design, IEnumerable<Hypothesis> hypotheses)
    {
        var pk = ProvisionalParameters(design.Population.Pk, Routes(design)).Select(p => p.Name).ToList();
        var effects = ProvisionalParameters(design.Population.Effects).Select(p => p.Name).ToList();
        var parts = new List<string>();
        if (pk.Count > 0) parts.Add($"PK {string.Join(", ", pk)}");
        if (effects.Count > 0) parts.Add($"effects {string.Join(", ", effects)}");
        var effectNames = design.Population.Effects.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var effectVariability = design.Population.Variability.Names.Where(effectNames.Contains).ToList();
        if (effectVariability.Count > 0) parts.Add($"the effect variability ({string.Join(", ", effectVariability)})");
        parts.Add("the clinical model (baseline, placebo response and its slow component, rating noise; docs/model.md sections 4.3-4.4, docs/literature.md 9)");
        if (hypotheses.Any(h => !h.IsExposureOnly)) parts.Add("the hypothesis strengths (illustrations)");
        return "PROVISIONAL (own calibrations, not published estimates): " + string.Join("; ", parts) + ".";
    }

    private static IEnumerable<Route> Routes(TrialDesign design) => design.Arms.Select(a => a.Administration.Route).Distinct();

    /// <summary>A verdict in words: <c>compatible</c>, <c>stronger</c>, <c>weaker</c> or <c>opposite sign</c>.</summary>
    public static string Verdict(CompatibilityVerdict verdict) => verdict switch
    {
        CompatibilityVerdict.Compatible => "compatible",
        CompatibilityVerdict.Stronger => "stronger",
        CompatibilityVerdict.Weaker => "weaker",
        _ => "opposite sign",
    };
}
