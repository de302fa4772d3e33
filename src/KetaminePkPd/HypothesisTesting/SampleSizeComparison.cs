
namespace KetaminePkPd.HypothesisTesting;

/// <summary>
/// Patients a trial needs for its r (CADSS vs % change at <see cref="Time"/>) to tell <see cref="Alternative"/> from
/// <see cref="Reference"/> with the settings' alpha and power, by Fisher's z (one-sample test against the reference
/// hypothesis's median r). Null <see cref="Subjects"/> when the medians are too close to tell apart. Immutable.
/// </summary>
/// <param name="Time">Assessment time.</param>
/// <param name="Reference">The hypothesis tested against (exposure only).</param>
/// <param name="Alternative">The hypothesis to detect.</param>
/// <param name="ReferenceMedianR">Median r under the reference.</param>
/// <param name="AlternativeMedianR">Median r under the alternative.</param>
/// <param name="Subjects">Patients needed, or null.</param>
public sealed record SampleSizeComparison(TimeSpan Time, string Reference, string Alternative, double ReferenceMedianR, double AlternativeMedianR, int? Subjects)
{
    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = Guard.NotNull(Reference, nameof(Reference)) is not null && Guard.NotNull(Alternative, nameof(Alternative)) is not null
        && Guard.InRange(ReferenceMedianR, -1, 1, nameof(ReferenceMedianR)) >= -1 && Guard.InRange(AlternativeMedianR, -1, 1, nameof(AlternativeMedianR)) >= -1;
}
