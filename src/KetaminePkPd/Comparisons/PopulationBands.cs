using KetaminePkPd.Populations;
namespace KetaminePkPd.Comparisons;

/// <summary>
/// Between-patient spread of an arm: percentiles of each metric and bands of the concentration, CADSS and antidepressant
/// time courses over a virtual population (docs/model.md section 4.4 variability). Immutable; every property is checked
/// when set, so a <c>with</c> expression is checked too.
/// </summary>
public sealed record PopulationBands
{
    /// <summary>
    /// Prepares the population bands of one arm (<see cref="ComparisonOptions.PopulationSize"/> virtual patients of the arm
    /// model's default population, docs/model.md section 4.4) as a run of bounded steps (a unit of work is one patient), for a
    /// caller that must stay responsive between steps. Stepped to the end, it gives the arm's
    /// <see cref="ArmComparison.Population"/> of <see cref="ComparisonResult.Run"/>, bit for bit, whatever the step sizes: patient i
    /// is always drawn from (<see cref="ComparisonOptions.Seed"/>, i) (tested).
    /// </summary>
    /// <param name="arm">The arm.</param>
    /// <param name="options">The comparison's settings: <see cref="ComparisonOptions.PopulationSize"/> patients (at least 1), the seed,
    /// the threshold and whether each step uses all cores.</param>
    /// <exception cref="ArgumentException"><see cref="ComparisonOptions.PopulationSize"/> is 0.</exception>
    public static SimulationRun<PopulationBands> Start(ComparisonArm arm, ComparisonOptions options) => RouteComparison.StartPopulation(arm, options);

    /// <summary>Creates the bands.</summary>
    /// <param name="subjects">Virtual patients, &gt;= 0.</param>
    /// <param name="p5">5th percentile of each metric.</param>
    /// <param name="median">Median of each metric.</param>
    /// <param name="p95">95th percentile of each metric.</param>
    /// <param name="concentration">Parent concentration band, ng/mL.</param>
    /// <param name="cadss">Dissociation band, CADSS points.</param>
    /// <param name="antidepressant">Antidepressant drug-effect band, MADRS points.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="subjects"/> is negative.</exception>
    /// <exception cref="ArgumentNullException">A null metric or band.</exception>
    public PopulationBands(int subjects, ArmMetrics p5, ArmMetrics median, ArmMetrics p95, TimeCourseBand concentration, TimeCourseBand cadss, TimeCourseBand antidepressant)
    {
        Subjects = subjects;
        P5 = p5;
        Median = median;
        P95 = p95;
        Concentration = concentration;
        Cadss = cadss;
        Antidepressant = antidepressant;
    }

    /// <summary>Virtual patients.</summary>
    public int Subjects { get; init => field = Guard.NonNegative(value, nameof(Subjects)); }

    /// <summary>5th percentile of each metric (<see cref="ArmMetrics.CadssBelow4AfterH"/> null when more than 5% never return under 4).</summary>
    public ArmMetrics P5 { get; init => field = Guard.NotNull(value, nameof(P5)); }

    /// <summary>Median of each metric.</summary>
    public ArmMetrics Median { get; init => field = Guard.NotNull(value, nameof(Median)); }

    /// <summary>95th percentile of each metric.</summary>
    public ArmMetrics P95 { get; init => field = Guard.NotNull(value, nameof(P95)); }

    /// <summary>Parent concentration band, ng/mL.</summary>
    public TimeCourseBand Concentration { get; init => field = Guard.NotNull(value, nameof(Concentration)); }

    /// <summary>Dissociation band, CADSS points.</summary>
    public TimeCourseBand Cadss { get; init => field = Guard.NotNull(value, nameof(Cadss)); }

    /// <summary>Antidepressant drug-effect band, MADRS points.</summary>
    public TimeCourseBand Antidepressant { get; init => field = Guard.NotNull(value, nameof(Antidepressant)); }
}
