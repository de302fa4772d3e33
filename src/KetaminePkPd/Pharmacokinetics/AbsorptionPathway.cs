namespace KetaminePkPd.Pharmacokinetics;

/// <summary>
/// One way a dose reaches the body: a fraction of it enters a target compartment, after an optional lag, either at
/// once or released at a constant rate over a duration (zero-order), as NONMEM's F, ALAG and D do. Immutable.
/// </summary>
internal sealed record AbsorptionPathway
{
    /// <summary>Creates a pathway.</summary>
    /// <param name="target">Name of the compartment the drug enters (a depot for first-order absorption, or central).</param>
    /// <param name="fraction">Fraction in [0, 1]; its meaning depends on <paramref name="kind"/>.</param>
    /// <param name="kind">How the fraction applies.</param>
    /// <param name="lag">Delay before release starts, in [0, 24 h].</param>
    /// <param name="zeroOrderDuration">Zero for an instantaneous input, otherwise the release duration, in [0, 7 days].</param>
    /// <exception cref="ArgumentException">Empty target, or a fraction, lag or duration out of range.</exception>
    public AbsorptionPathway(string target, double fraction, PathwayKind kind = PathwayKind.Direct, TimeSpan lag = default, TimeSpan zeroOrderDuration = default)
    {
        Target = Guard.NotBlank(target, nameof(target));
        Fraction = double.IsFinite(fraction) && fraction >= 0 && fraction <= 1 ? fraction : Guard.InRange(fraction, 0, 1, $"fraction of pathway into '{target}'");
        Kind = Guard.Defined(kind, nameof(kind));
        Lag = Guard.InRange(lag, TimeSpan.Zero, TimeSpan.FromHours(24), nameof(lag));
        ZeroOrderDuration = Guard.InRange(zeroOrderDuration, TimeSpan.Zero, TimeSpan.FromDays(7), nameof(zeroOrderDuration));
    }

    /// <summary>Target compartment name.</summary>
    public string Target { get; }

    /// <summary>Fraction of the dose (see <see cref="Kind"/>).</summary>
    public double Fraction { get; }

    /// <summary>How the fraction applies.</summary>
    public PathwayKind Kind { get; }

    /// <summary>Absorption lag time.</summary>
    public TimeSpan Lag { get; }

    /// <summary>Zero-order release duration (zero for instantaneous).</summary>
    public TimeSpan ZeroOrderDuration { get; }
}
