using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Web.Model;

/// <summary>
/// The page's lesson presets: each sets the one-patient panel and says what to notice. The fourth (a correlation from
/// exposure alone) points at the hypothesis panel, whose default hypothesis is exposure alone.
/// </summary>
internal static class Lessons
{
    /// <summary>A preset.</summary>
    /// <param name="Key">URL key (<c>?lesson=</c>).</param>
    /// <param name="Title">Menu text.</param>
    /// <param name="Settings">The one-patient settings it starts from.</param>
    /// <param name="Notice">What to notice, and what to move.</param>
    public sealed record Lesson(string Key, string Title, PatientSettings Settings, string Notice);

    /// <summary>The four lessons.</summary>
    public static IReadOnlyList<Lesson> All { get; } =
    [
        new("bolus", "Bolus or infusion", new PatientSettings { Route = RouteChoice.IntravenousBolus, DoseValue = 0.5 },
            "The same 0.5 mg/kg as an IV bolus: plasma peaks at once, far above the infusion's peak, while the effect sites rise " +
            "more slowly. Switch the route to IV infusion and lengthen it: the peak falls, dissociation falls with it, and the " +
            "day-1 antidepressant effect barely moves (in this model it builds up from the effect-site exposure over hours, not from the peak)."),
        new("flat-dose", "Weight-based or flat dose", new PatientSettings { PerKilogram = false, DoseValue = 35, WeightKg = 110 },
            "A flat 35 mg (0.5 mg/kg of a 70 kg patient) in a 110 kg patient. Move the weight: with a flat dose the exposure " +
            "falls as weight rises, because the volumes scale with weight; switch the unit to mg/kg and the concentrations no " +
            "longer depend on weight."),
        new("nasal", "IV or nasal", new PatientSettings { ModelKey = PkParameterSet.PerezRuixo2021.Key, Route = RouteChoice.Intranasal, PerKilogram = false, DoseValue = 56 },
            "Esketamine 56 mg by nasal spray (two 28 mg devices 5 min apart): a later, lower peak than an IV infusion, and part of " +
            "each spray is swallowed. Add devices and watch the AUC grow less than the number of devices. Compare with the IV " +
            "vs intranasal panel below."),
        new("exposure", "A correlation from exposure alone?", new PatientSettings(),
            "The NIMH dose: 0.5 mg/kg over 40 min. Patients who reach higher concentrations dissociate more and, if the " +
            "antidepressant signal is not saturated, improve more: a correlation with no shared mechanism. Move the dose and " +
            "watch both effects, then run the 'Two sides of the same coin?' panel with exposure alone and see how strong a " +
            "correlation exposure can make between patients; then ask 'What would it take?' which assumption would have to change " +
            "for exposure alone to reach the observed r."),
    ];

    /// <summary>The lesson with the key, or null.</summary>
    public static Lesson? Find(string? key) => All.FirstOrDefault(l => string.Equals(l.Key, key, StringComparison.OrdinalIgnoreCase));
}
