using System.Collections.Immutable;

namespace KetaminePkPd.Comparisons;

/// <summary>The outcome of <see cref="ComparisonResult.Run"/>. Immutable.</summary>
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

    /// <summary>The output times of a comparison, h: every 2 min over the first day, then every 6 h to day 7.</summary>
    public static ImmutableArray<double> TimesH => RouteComparison.TimesH;

    /// <summary>
    /// Routes and regimens side by side: each arm is simulated for a typical patient over 7 days (PK, dissociation and the
    /// antidepressant drug effect), again at both ends of any uncertain bioavailability, and optionally over a virtual
    /// population for 5-95% bands. Cmax, Tmax, peak dissociation and "time above" come from the exact solution (independent
    /// of the output grid <see cref="TimesH"/>); "back under 4" is interpolated linearly between outputs.
    /// </summary>
    /// <param name="arms">One or more arms.</param>
    /// <param name="options">Settings; null for <see cref="ComparisonOptions.Default"/>.</param>
    /// <param name="progress">Receives the fraction done (optional).</param>
    /// <exception cref="ArgumentException">No arms, or an arm the typical patient cannot receive (e.g. a nasal dose that is not a whole number of devices).</exception>
    public static ComparisonResult Run(IEnumerable<ComparisonArm> arms, ComparisonOptions? options = null, IProgress<double>? progress = null) =>
        RouteComparison.Run(arms, options, progress);

    /// <summary>The settings used.</summary>
    public ComparisonOptions Options { get; init => field = Guard.NotNull(value, nameof(Options)); }

    /// <summary>One result per arm, in the order given.</summary>
    public EquatableArray<ArmComparison> Arms { get; init => field = Guard.Values(value, nameof(Arms)); }
}
