using System.Collections.Immutable;

namespace KetaminePkPd.Comparisons;

/// <summary>The outcome of <see cref="RouteComparison.Run"/>. Immutable.</summary>
/// <param name="Options">The settings used.</param>
/// <param name="Arms">One result per arm, in the order given.</param>
public sealed record ComparisonResult(ComparisonOptions Options, ImmutableArray<ArmComparison> Arms)
{
    /// <summary>Value equality: every member, sequences element by element.</summary>
    /// <param name="other">The record to compare with.</param>
    public bool Equals(ComparisonResult? other) => ReferenceEquals(this, other) || other is not null
        && ValueEquality.Equal(Options, other.Options)
        && ValueEquality.Equal(Arms, other.Arms);

    /// <summary>A hash consistent with <see cref="Equals(ComparisonResult)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(ValueEquality.Hash(Arms), Options);

    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = Guard.NotNull(Options, nameof(Options)) is not null && !Guard.Values(Arms, nameof(Arms)).IsDefault;
}
