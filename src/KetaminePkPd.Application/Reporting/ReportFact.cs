namespace KetaminePkPd.Application.Reporting;

/// <summary>One labelled line of <see cref="ReportFacts"/>: <c>Design: nimh [built-in]</c>.</summary>
/// <param name="Label">The label, e.g. <c>Design</c>.</param>
/// <param name="Value">The value; may span several lines (separated by <c>\n</c>).</param>
public sealed record ReportFact(string Label, string Value)
{
    /// <summary>The label, e.g. <c>Design</c>.</summary>
    /// <exception cref="ArgumentException">Null or blank.</exception>
    public string Label { get; } = Guard.NotBlank(Label, nameof(Label));

    /// <summary>The value; may span several lines (separated by <c>\n</c>).</summary>
    /// <exception cref="ArgumentNullException">Null.</exception>
    public string Value { get; } = Value ?? throw new ArgumentNullException(nameof(Value));
}
