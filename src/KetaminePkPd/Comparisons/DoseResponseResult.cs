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
/// <param name="Settings">The settings used.</param>
/// <param name="Points">The typical patient's effects at each dose.</param>
/// <param name="HalfMaximalDissociationDose">Dose where peak CADSS reaches half of its largest value in the sweep, or null if never.</param>
/// <param name="HalfMaximalAntidepressantDose">Dose where the day-1 improvement reaches half of its largest value, or null if never.</param>
/// <param name="Population">The virtual trial across the sweep (exposure-only hypothesis), or null when no population was asked for.</param>
public sealed record DoseResponseResult(DoseResponseSettings Settings, EquatableArray<DoseResponsePoint> Points, Dose? HalfMaximalDissociationDose,
    Dose? HalfMaximalAntidepressantDose, TrialResult? Population)
{
    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = Guard.NotNull(Settings, nameof(Settings)) is not null && Guard.Values(Points, nameof(Points)).Length >= 0;

    /// <summary>The dose-alone association at day 1 over the population (r of CADSS and % change; see <see cref="AssociationSummary"/>), or null.</summary>
    public AssociationSummary? PopulationDay1 => Population?.Associations.FirstOrDefault(a => a?.Time == TimeSpan.FromDays(1));
}
