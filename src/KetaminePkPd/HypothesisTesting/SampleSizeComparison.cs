
namespace KetaminePkPd.HypothesisTesting;

/// <summary>
/// Patients a trial needs for its r (CADSS vs % change at <see cref="Time"/>) to tell <see cref="Alternative"/> from
/// <see cref="Reference"/> with the settings' alpha and power, by Fisher's z (one-sample test against the reference
/// hypothesis's median r). Null <see cref="Subjects"/> when the medians are too close to tell apart. Immutable.
/// </summary>
public sealed record SampleSizeComparison
{
    /// <summary>Creates the record; every value is checked as its property is set, so a <c>with</c> expression is checked too.</summary>
    /// <param name="time">Assessment time.</param>
    /// <param name="reference">The hypothesis tested against (exposure only).</param>
    /// <param name="alternative">The hypothesis to detect.</param>
    /// <param name="referenceMedianR">Median r under the reference.</param>
    /// <param name="alternativeMedianR">Median r under the alternative.</param>
    /// <param name="subjects">Patients needed, or null.</param>
    /// <exception cref="ArgumentException">A value outside its range (<see cref="ArgumentOutOfRangeException"/>), a null (<see cref="ArgumentNullException"/>) or a malformed array.</exception>
    public SampleSizeComparison(TimeSpan time, string reference, string alternative, double referenceMedianR, double alternativeMedianR, int? subjects)
    {
        Time = time;
        Reference = reference;
        Alternative = alternative;
        ReferenceMedianR = referenceMedianR;
        AlternativeMedianR = alternativeMedianR;
        Subjects = subjects;
    }

    /// <summary>Assessment time.</summary>
    public TimeSpan Time { get; init; }

    /// <summary>The hypothesis tested against (exposure only).</summary>
    public string Reference { get; init => field = Guard.NotNull(value, nameof(Reference)); }

    /// <summary>The hypothesis to detect.</summary>
    public string Alternative { get; init => field = Guard.NotNull(value, nameof(Alternative)); }

    /// <summary>Median r under the reference.</summary>
    public double ReferenceMedianR { get; init => field = Guard.InRange(value, -1, 1, nameof(ReferenceMedianR)); }

    /// <summary>Median r under the alternative.</summary>
    public double AlternativeMedianR { get; init => field = Guard.InRange(value, -1, 1, nameof(AlternativeMedianR)); }

    /// <summary>Patients needed, or null.</summary>
    public int? Subjects { get; init; }
}
