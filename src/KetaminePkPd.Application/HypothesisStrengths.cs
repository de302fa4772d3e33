namespace KetaminePkPd.Application;

/// <summary>
/// Strengths a user gives for the hypotheses, each optional: <see cref="Rho"/> belongs to shared-sensitivity,
/// <see cref="Share"/> to mediation, <see cref="ThresholdCadss"/> and <see cref="BoostMadrs"/> to expectancy. A strength
/// given for a hypothesis that does not run is an error (see <see cref="FirstWithout"/>), so that a typo in the
/// hypothesis list cannot silently drop it. The option names (<see cref="RhoOption"/> ...) are the command line's.
/// </summary>
public sealed record HypothesisStrengths
{
    /// <summary>The option of <see cref="Rho"/>.</summary>
    public const string RhoOption = "--rho";

    /// <summary>The option of <see cref="Share"/>.</summary>
    public const string ShareOption = "--share";

    /// <summary>The option of <see cref="ThresholdCadss"/>.</summary>
    public const string ThresholdOption = "--threshold-cadss";

    /// <summary>The option of <see cref="BoostMadrs"/>.</summary>
    public const string BoostOption = "--boost";

    /// <summary>Creates a set of strengths; a null strength is not given.</summary>
    /// <param name="rho">Shared-sensitivity correlation of dissociation propensity and antidepressant responsiveness, in [-1, 1].</param>
    /// <param name="share">Mediated share of the variance of antidepressant responsiveness, in [0, 1].</param>
    /// <param name="thresholdCadss">Expectancy threshold, CADSS points in [0, <see cref="Hypothesis.MaxThresholdCadss"/>].</param>
    /// <param name="boostMadrs">Expectancy boost, MADRS points in [0, <see cref="Hypothesis.MaxBoostMadrs"/>].</param>
    /// <exception cref="ArgumentOutOfRangeException">A strength out of its range, NaN or infinite.</exception>
    public HypothesisStrengths(double? rho = null, double? share = null, double? thresholdCadss = null, double? boostMadrs = null)
    {
        Rho = rho is { } r ? Guard.InRange(r, -1, 1, nameof(rho)) : null;
        Share = share is { } s ? Guard.InRange(s, 0, 1, nameof(share)) : null;
        ThresholdCadss = thresholdCadss is { } t ? Guard.InRange(t, 0, Hypothesis.MaxThresholdCadss, nameof(thresholdCadss)) : null;
        BoostMadrs = boostMadrs is { } b ? Guard.InRange(b, 0, Hypothesis.MaxBoostMadrs, nameof(boostMadrs)) : null;
    }

    /// <summary>No strength given.</summary>
    public static HypothesisStrengths None { get; } = new();

    /// <summary>The shared-sensitivity correlation, or null.</summary>
    public double? Rho { get; }

    /// <summary>The mediated share, or null.</summary>
    public double? Share { get; }

    /// <summary>The expectancy threshold in CADSS points, or null.</summary>
    public double? ThresholdCadss { get; }

    /// <summary>The expectancy boost in MADRS points, or null.</summary>
    public double? BoostMadrs { get; }

    /// <summary>The strengths given, each as (option, name of the hypothesis it belongs to).</summary>
    public IEnumerable<(string Option, string Hypothesis)> Given()
    {
        if (Rho is not null) yield return (RhoOption, Hypothesis.SharedSensitivity().Name);
        if (Share is not null) yield return (ShareOption, Hypothesis.Mediation().Name);
        if (ThresholdCadss is not null) yield return (ThresholdOption, Hypothesis.Expectancy().Name);
        if (BoostMadrs is not null) yield return (BoostOption, Hypothesis.Expectancy().Name);
    }

    /// <summary>The first strength whose hypothesis is not among <paramref name="running"/> (names, any case), or null when every one belongs.</summary>
    public (string Option, string Hypothesis)? FirstWithout(IEnumerable<string> running)
    {
        ArgumentNullException.ThrowIfNull(running);
        var names = running.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var given in Given())
            if (!names.Contains(given.Hypothesis)) return given;
        return null;
    }

    /// <summary>Applies the strengths that belong to <paramref name="h"/> (by its name); the others are left alone.</summary>
    public Hypothesis Apply(Hypothesis h)
    {
        ArgumentNullException.ThrowIfNull(h);
        if (Is(h, Hypothesis.SharedSensitivity()) && Rho is { } rho) h = h with { SensitivityCorrelation = rho };
        if (Is(h, Hypothesis.Mediation()) && Share is { } share) h = h with { MediationShare = share };
        if (Is(h, Hypothesis.Expectancy()) && ThresholdCadss is { } threshold) h = h with { ExpectancyThresholdCadss = threshold };
        if (Is(h, Hypothesis.Expectancy()) && BoostMadrs is { } boost) h = h with { ExpectancyBoostMadrs = boost };
        return h;
    }

    /// <summary>The strengths as command-line arguments (e.g. <c>--rho 0.4</c>), for a command line that reproduces a run.</summary>
    public IEnumerable<string> Arguments()
    {
        if (Rho is { } rho) yield return $"{RhoOption} {Plain(rho)}";
        if (Share is { } share) yield return $"{ShareOption} {Plain(share)}";
        if (ThresholdCadss is { } threshold) yield return $"{ThresholdOption} {Plain(threshold)}";
        if (BoostMadrs is { } boost) yield return $"{BoostOption} {Plain(boost)}";
    }

    private static string Plain(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static bool Is(Hypothesis h, Hypothesis kind) => string.Equals(h.Name, kind.Name, StringComparison.OrdinalIgnoreCase);
}
