using System.Collections.Immutable;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Comparisons;

/// <summary>
/// The outcome of <see cref="DoseResponse.Run"/>: both effects along the sweep, the doses at which each reaches half of
/// its largest value in the sweep (interpolated on log dose), and what a population given doses across the sweep shows
/// about the correlation that dose alone produces. Immutable.
/// </summary>
/// <remarks>
/// The half-maximal doses are relative to the largest value within the sweep, not to a true maximum. Dissociation
/// levels off towards its Emax, so its half-maximal dose is close to an ED50. The antidepressant effect of the
/// plasticity model does not level off (a bigger dose keeps the signal on longer), so its half-maximal dose moves with
/// the top of the sweep and is not a potency: compare the curves, not the two numbers.
/// </remarks>
public sealed record DoseResponseResult
{
    /// <summary>Creates the record; every value is checked as its property is set, so a <c>with</c> expression is checked too.</summary>
    /// <param name="settings">The settings used.</param>
    /// <param name="points">The typical patient's effects at each dose.</param>
    /// <param name="halfMaximalDissociationDose">Dose where peak CADSS reaches half of its largest value in the sweep, or null if never.</param>
    /// <param name="halfMaximalAntidepressantDose">Dose where the day-1 improvement reaches half of its largest value, or null if never.</param>
    /// <param name="population">The virtual trial across the sweep (exposure-only hypothesis), or null when no population was asked for.</param>
    /// <exception cref="ArgumentException">A value outside its range (<see cref="ArgumentOutOfRangeException"/>), a null (<see cref="ArgumentNullException"/>) or a malformed array.</exception>
    public DoseResponseResult(DoseResponseSettings settings, EquatableArray<DoseResponsePoint> points, Dose? halfMaximalDissociationDose, Dose? halfMaximalAntidepressantDose, TrialResult? population)
    {
        Settings = settings;
        Points = points;
        HalfMaximalDissociationDose = halfMaximalDissociationDose;
        HalfMaximalAntidepressantDose = halfMaximalAntidepressantDose;
        Population = population;
    }

    /// <summary>The settings used.</summary>
    public DoseResponseSettings Settings { get; init => field = Guard.NotNull(value, nameof(Settings)); }

    /// <summary>The typical patient's effects at each dose.</summary>
    public EquatableArray<DoseResponsePoint> Points { get; init => field = Guard.Values(value, nameof(Points)); }

    /// <summary>Dose where peak CADSS reaches half of its largest value in the sweep, or null if never.</summary>
    public Dose? HalfMaximalDissociationDose { get; init; }

    /// <summary>Dose where the day-1 improvement reaches half of its largest value, or null if never.</summary>
    public Dose? HalfMaximalAntidepressantDose { get; init; }

    /// <summary>The virtual trial across the sweep (exposure-only hypothesis), or null when no population was asked for.</summary>
    public TrialResult? Population { get; init; }

    /// <summary>The dose-alone association at day 1 over the population (r of CADSS and % change; see <see cref="AssociationSummary"/>), or null.</summary>
    public AssociationSummary? PopulationDay1 => Population?.Associations.FirstOrDefault(a => a?.Time == TimeSpan.FromDays(1));

    /// <summary>
    /// Runs a dose-response sweep of both effects for one route: peak dissociation and the day-1 antidepressant effect of the
    /// typical patient along a log-spaced dose sweep, the half-maximal doses, and a virtual population given doses across the
    /// sweep in which only dose and exposure link the two effects, with the correlation that this produces.
    /// </summary>
    /// <param name="settings">Settings; null for <see cref="DoseResponseSettings.Default"/>.</param>
    /// <param name="progress">Receives the fraction done (optional).</param>
    /// <exception cref="ArgumentException">A dose a patient cannot be given, or a route the model does not support (<see cref="DoseResponseSettings.CheckDoses"/>).</exception>
    public static DoseResponseResult Run(DoseResponseSettings? settings = null, IProgress<double>? progress = null) => DoseResponse.Run(settings, progress);
}
