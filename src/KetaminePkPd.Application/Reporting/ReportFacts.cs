using System.Collections.Immutable;

namespace KetaminePkPd.Application.Reporting;

/// <summary>A block of labelled lines (what was run: design, arms, population, seed, ...).</summary>
/// <param name="Facts">The lines, in order.</param>
public sealed record ReportFacts(ImmutableArray<ReportFact> Facts) : ReportBlock
{
    /// <summary>The lines, in order.</summary>
    /// <exception cref="ArgumentException">Default or empty.</exception>
    public ImmutableArray<ReportFact> Facts { get; } = Guard.NotEmpty(Facts, nameof(Facts));

    /// <inheritdoc />
    public bool Equals(ReportFacts? other) => other is not null && ValueEquality.Equal(Facts, other.Facts);

    /// <inheritdoc />
    public override int GetHashCode() => ValueEquality.Hash(Facts);
}
