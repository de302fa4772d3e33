namespace KetaminePkPd.Web.Model;

/// <summary>The hypotheses the page offers (docs/model.md section 5; <see cref="KetaminePkPd.Trials.Hypothesis"/>).</summary>
internal enum HypothesisKind
{
    /// <summary>Shared exposure only.</summary>
    ExposureOnly,

    /// <summary>Correlated individual sensitivities.</summary>
    SharedSensitivity,

    /// <summary>Part of the antidepressant responsiveness comes from how much the patient dissociates.</summary>
    Mediation,

    /// <summary>Patients who notice dissociation get more placebo response.</summary>
    Expectancy,
}
