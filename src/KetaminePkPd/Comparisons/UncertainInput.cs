namespace KetaminePkPd.Comparisons;

/// <summary>An input of an arm that the literature does not pin down (e.g. racemic intranasal bioavailability, 11-45%), with the range the comparison was also run at. Immutable.</summary>
/// <param name="Parameter">Parameter name (e.g. F_IN).</param>
/// <param name="Value">Value used for the typical numbers.</param>
/// <param name="Low">Low end of the documented range.</param>
/// <param name="High">High end of the documented range.</param>
/// <param name="Source">Where the range comes from.</param>
public sealed record UncertainInput(string Parameter, double Value, double Low, double High, string Source)
{
    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = (!string.IsNullOrWhiteSpace(Guard.NotNull(Parameter, nameof(Parameter))) && Guard.Finite(Value, nameof(Value)) == Value
        && Guard.Finite(Low, nameof(Low)) <= Guard.Finite(High, nameof(High)) && Guard.NotNull(Source, nameof(Source)) is not null)
        ? true : throw new ArgumentException($"UncertainInput needs a parameter name and Low <= High, got '{Parameter}', [{Guard.F(Low)}, {Guard.F(High)}].", nameof(Low));
}
