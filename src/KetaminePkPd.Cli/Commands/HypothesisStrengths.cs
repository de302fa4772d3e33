using KetaminePkPd.Trials;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// The strengths given with <c>--rho</c>, <c>--share</c>, <c>--threshold</c> and <c>--boost</c>. Each belongs to one
/// hypothesis (rho to shared-sensitivity, share to mediation, threshold and boost to expectancy) and is an error when
/// that hypothesis does not run.
/// </summary>
internal sealed record HypothesisStrengths(double? Rho, double? Share, double? Threshold, double? Boost)
{
    /// <summary>Hypothesis tokens as the help shows them.</summary>
    public const string Tokens = "exposure-only|shared-sensitivity|mediation|expectancy";

    /// <summary>Name of the shared-sensitivity hypothesis.</summary>
    public const string SharedSensitivity = "shared-sensitivity";

    /// <summary>Name of the mediation hypothesis.</summary>
    public const string Mediation = "mediation";

    /// <summary>Name of the expectancy hypothesis.</summary>
    public const string Expectancy = "expectancy";

    /// <summary>Parses the four optional texts, checking each range.</summary>
    /// <exception cref="ArgumentException">A value that is not a number or is out of range; the message names the option.</exception>
    public static HypothesisStrengths Parse(string? rho, string? share, string? threshold, string? boost) => new(
        rho is null ? null : Parsing.ParseNumber(rho, "--rho", -1, 1),
        share is null ? null : Parsing.ParseNumber(share, "--share", 0, 1),
        threshold is null ? null : Parsing.ParseNumber(threshold, "--threshold", 0, 92, "CADSS points"),
        boost is null ? null : Parsing.ParseNumber(boost, "--boost", 0, 60, "MADRS points"));

    /// <summary>The options given, each with the hypothesis it belongs to.</summary>
    public IEnumerable<(string Option, string Hypothesis)> Given()
    {
        if (Rho is not null) yield return ("--rho", SharedSensitivity);
        if (Share is not null) yield return ("--share", Mediation);
        if (Threshold is not null) yield return ("--threshold", Expectancy);
        if (Boost is not null) yield return ("--boost", Expectancy);
    }

    /// <summary>Parses a hypothesis name and applies the strengths that belong to it.</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public Hypothesis Build(string name, string option = "--hypothesis")
    {
        var h = Parsing.ParseHypothesis(name, option);
        return Apply(h);
    }

    /// <summary>Applies the strengths that belong to <paramref name="h"/> (by its name); others are left alone.</summary>
    public Hypothesis Apply(Hypothesis h)
    {
        ArgumentNullException.ThrowIfNull(h);
        if (Is(h, SharedSensitivity) && Rho is { } rho) h = h with { SensitivityCorrelation = rho };
        if (Is(h, Mediation) && Share is { } share) h = h with { MediationShare = share };
        if (Is(h, Expectancy) && Threshold is { } threshold) h = h with { ExpectancyThresholdCadss = threshold };
        if (Is(h, Expectancy) && Boost is { } boost) h = h with { ExpectancyBoostMadrs = boost };
        return h;
    }

    /// <summary>The first strength option whose hypothesis is not among <paramref name="running"/>, or null when all belong.</summary>
    /// <param name="running">Names of the hypotheses that will run.</param>
    public (string Option, string Hypothesis)? FirstWithout(IReadOnlyCollection<string> running)
    {
        foreach (var (option, hypothesis) in Given())
            if (!running.Contains(hypothesis, StringComparer.OrdinalIgnoreCase)) return (option, hypothesis);
        return null;
    }

    /// <summary>The strength options as command-line arguments, for a reproducible command line.</summary>
    public IEnumerable<string> Arguments()
    {
        if (Rho is { } rho) yield return $"--rho {Parsing.Plain(rho)}";
        if (Share is { } share) yield return $"--share {Parsing.Plain(share)}";
        if (Threshold is { } threshold) yield return $"--threshold {Parsing.Plain(threshold)}";
        if (Boost is { } boost) yield return $"--boost {Parsing.Plain(boost)}";
    }

    private static bool Is(Hypothesis h, string name) => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase);
}
