using System.Collections.Immutable;

namespace KetaminePkPd.Comparisons;

/// <summary>The outcome of <see cref="RouteComparison.Run"/>. Immutable.</summary>
/// <param name="Options">The settings used.</param>
/// <param name="Arms">One result per arm, in the order given.</param>
public sealed record ComparisonResult(ComparisonOptions Options, EquatableArray<ArmComparison> Arms)
{

    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = Guard.NotNull(Options, nameof(Options)) is not null && Guard.Values(Arms, nameof(Arms)).Length >= 0;
}
