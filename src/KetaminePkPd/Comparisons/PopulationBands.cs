namespace KetaminePkPd.Comparisons;

/// <summary>
/// Between-patient spread of an arm: percentiles of each metric and bands of the concentration, CADSS and antidepressant
/// time courses over a virtual population (docs/model.md section 4.4 variability). Immutable.
/// </summary>
/// <param name="Subjects">Virtual patients.</param>
/// <param name="P5">5th percentile of each metric (<see cref="ArmMetrics.CadssBelow4AfterH"/> null when more than 5% never return under 4).</param>
/// <param name="Median">Median of each metric.</param>
/// <param name="P95">95th percentile of each metric.</param>
/// <param name="Concentration">Parent concentration band, ng/mL.</param>
/// <param name="Cadss">Dissociation band, CADSS points.</param>
/// <param name="Antidepressant">Antidepressant drug-effect band, MADRS points.</param>
public sealed record PopulationBands(int Subjects, ArmMetrics P5, ArmMetrics Median, ArmMetrics P95,
    TimeCourseBand Concentration, TimeCourseBand Cadss, TimeCourseBand Antidepressant)
{
    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = Guard.NonNegative(Subjects, nameof(Subjects)) >= 0 && Guard.NotNull(P5, nameof(P5)) is not null && Guard.NotNull(Median, nameof(Median)) is not null
        && Guard.NotNull(P95, nameof(P95)) is not null && Guard.NotNull(Concentration, nameof(Concentration)) is not null
        && Guard.NotNull(Cadss, nameof(Cadss)) is not null && Guard.NotNull(Antidepressant, nameof(Antidepressant)) is not null;
}
