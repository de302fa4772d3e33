namespace KetaminePkPd.Comparisons;

/// <summary>Both effects at one dose for the typical patient. Immutable.</summary>
/// <param name="Dose">The dose.</param>
/// <param name="PeakCadss">Peak dissociation, CADSS points.</param>
/// <param name="Day1Improvement">Antidepressant drug effect at 24 h as an improvement, MADRS points (positive = better).</param>
/// <param name="CmaxNgPerMl">Parent Cmax, ng/mL.</param>
public sealed record DoseResponsePoint(Dose Dose, double PeakCadss, double Day1Improvement, double CmaxNgPerMl)
{
    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    /// <summary>
    /// The antidepressant drug effect at 24 h as a change of the MADRS score, points: <c>-</c><see cref="Day1Improvement"/>,
    /// so negative = improvement, the sign convention of every output (docs/outputs.md).
    /// </summary>
    public double Day1ChangeMadrs => 0 - Day1Improvement; // 0 - x, not -x: no negative zero in the outputs

    private readonly bool _checked = Guard.Finite(PeakCadss, nameof(PeakCadss)) == PeakCadss && Guard.Finite(Day1Improvement, nameof(Day1Improvement)) == Day1Improvement
        && Guard.NonNegative(CmaxNgPerMl, nameof(CmaxNgPerMl)) >= 0;
}
