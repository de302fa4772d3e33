using System.Collections.Immutable;

namespace KetaminePkPd.Comparisons;

/// <summary>The outcome of <see cref="RouteComparison.Run"/>. Immutable.</summary>
public sealed record ComparisonResult
{
    /// <summary>Creates the record; every value is checked as its property is set, so a <c>with</c> expression is checked too.</summary>
    /// <param name="options">The settings used.</param>
    /// <param name="arms">One result per arm, in the order given.</param>
    /// <exception cref="ArgumentException">A value outside its range (<see cref="ArgumentOutOfRangeException"/>), a null (<see cref="ArgumentNullException"/>) or a malformed array.</exception>
    public ComparisonResult(ComparisonOptions options, EquatableArray<ArmComparison> arms)
    {
        Options = options;
        Arms = arms;
    }

    /// <summary>The settings used.</summary>
    public ComparisonOptions Options { get; init => field = Guard.NotNull(value, nameof(Options)); }

    /// <summary>One result per arm, in the order given.</summary>
    public EquatableArray<ArmComparison> Arms { get; init => field = Guard.Values(value, nameof(Arms)); }
}
