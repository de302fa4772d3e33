namespace KetaminePkPd.Comparisons;

/// <summary>Both effects at one dose for the typical patient. Immutable.</summary>
public sealed record DoseResponsePoint
{
    /// <summary>Creates the record; every value is checked as its property is set, so a <c>with</c> expression is checked too.</summary>
    /// <param name="dose">The dose.</param>
    /// <param name="peakCadss">Peak dissociation, CADSS points.</param>
    /// <param name="day1Improvement">Antidepressant drug effect at 24 h as an improvement, MADRS points (positive = better).</param>
    /// <param name="cmaxNgPerMl">Parent Cmax, ng/mL.</param>
    /// <exception cref="ArgumentException">A value outside its range (<see cref="ArgumentOutOfRangeException"/>), a null (<see cref="ArgumentNullException"/>) or a malformed array.</exception>
    public DoseResponsePoint(Dose dose, double peakCadss, double day1Improvement, double cmaxNgPerMl)
    {
        Dose = dose;
        PeakCadss = peakCadss;
        Day1Improvement = day1Improvement;
        CmaxNgPerMl = cmaxNgPerMl;
    }

    /// <summary>The dose.</summary>
    public Dose Dose { get; init; }

    /// <summary>Peak dissociation, CADSS points.</summary>
    public double PeakCadss { get; init => field = Guard.Finite(value, nameof(PeakCadss)); }

    /// <summary>Antidepressant drug effect at 24 h as an improvement, MADRS points (positive = better).</summary>
    public double Day1Improvement { get; init => field = Guard.Finite(value, nameof(Day1Improvement)); }

    /// <summary>Parent Cmax, ng/mL.</summary>
    public double CmaxNgPerMl { get; init => field = Guard.NonNegative(value, nameof(CmaxNgPerMl)); }

    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    /// <summary>
    /// The antidepressant drug effect at 24 h as a change of the MADRS score, points: <c>-</c><see cref="Day1Improvement"/>,
    /// so negative = improvement, the sign convention of every output (docs/outputs.md).
    /// </summary>
    public double Day1ChangeMadrs => 0 - Day1Improvement; // 0 - x, not -x: no negative zero in the outputs

}
