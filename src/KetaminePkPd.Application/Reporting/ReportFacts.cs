namespace KetaminePkPd.Application.Reporting;

/// <summary>A block of labelled lines (what was run: design, arms, population, seed, ...).</summary>
/// <param name="Facts">The lines, in order.</param>
public sealed record ReportFacts(EquatableArray<ReportFact> Facts) : ReportBlock
{
    /// <summary>The lines, in order.</summary>
    /// <exception cref="ArgumentException">Default or empty.</exception>
    public EquatableArray<ReportFact> Facts { get; } = Guard.NotEmpty(Facts, nameof(Facts));
}
