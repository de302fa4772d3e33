using System.Collections.Immutable;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Strengths;

/// <summary>
/// What <see cref="StrengthScanResult.Run"/> does: which strengths to scan over which grids, how to combine observations, and
/// what every replicate study shares (design, observations, Monte Carlo sizes, seed: <see cref="ReplicateStudySettings"/>). Immutable; the defaults scan rho over -1 to 1 in steps of 0.1, the
/// mediated share over 0 to 1 in steps of 0.1, the expectancy boost over 0 to 12 MADRS in steps of 1 and its threshold over
/// 0 to 40 CADSS in steps of 5, against Luckenbaugh 2014's two observations (combined by Bonferroni: they share patients).
/// </summary>
public sealed record StrengthScanSettings : ReplicateStudySettings
{
    private readonly EquatableArray<StrengthParameter> _parameters = [.. Enum.GetValues<StrengthParameter>()];

    /// <summary>The defaults.</summary>
    public static StrengthScanSettings Default { get; } = new();

    /// <summary>The strengths to scan, distinct and at least one. Default all four.</summary>
    /// <exception cref="ArgumentException">Empty or repeated.</exception>
    public EquatableArray<StrengthParameter> Parameters
    {
        get => _parameters;
        init => _parameters = value.IsDefaultOrEmpty ? throw new ArgumentException("Parameters must hold at least one strength.", nameof(Parameters))
            : value.Distinct().Count() != value.Length ? throw new ArgumentException("Parameters must be distinct.", nameof(Parameters)) : value;
    }

    /// <summary>How the observations' p are combined. Default <see cref="PValueCombination.Bonferroni"/> (valid when they share patients).</summary>
    public PValueCombination Combination { get; init; } = PValueCombination.Bonferroni;

    /// <summary>The token of a strength: <c>rho</c>, <c>share</c>, <c>boost</c> or <c>threshold</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An undefined value.</exception>
    public static string Token(StrengthParameter parameter) => parameter switch
    {
        StrengthParameter.SensitivityCorrelation => "rho",
        StrengthParameter.MediationShare => "share",
        StrengthParameter.ExpectancyBoost => "boost",
        StrengthParameter.ExpectancyThreshold => "threshold",
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "Undefined strength."),
    };

    /// <summary>What a strength is, in words (axis labels, table titles).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An undefined value.</exception>
    public static string Describe(StrengthParameter parameter) => parameter switch
    {
        StrengthParameter.SensitivityCorrelation => "shared sensitivity: rho of dissociation propensity and antidepressant responsiveness",
        StrengthParameter.MediationShare => "mediation: share of the responsiveness set by the patient's own dissociation",
        StrengthParameter.ExpectancyBoost => "expectancy: extra placebo improvement when dissociation is noticed (MADRS)",
        StrengthParameter.ExpectancyThreshold => "expectancy: peak CADSS above which dissociation is noticed",
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "Undefined strength."),
    };

    /// <summary>The hypothesis at one strength (the other strengths of expectancy at their defaults).</summary>
    /// <param name="parameter">The strength.</param>
    /// <param name="value">Its value, in the strength's range (<see cref="Grid"/>'s ends).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value outside the strength's range, or an undefined parameter.</exception>
    public static Hypothesis HypothesisAt(StrengthParameter parameter, double value) => StrengthScan.At(parameter, value);

    /// <summary>The token of a combination: <c>bonferroni</c> or <c>fisher</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An undefined value.</exception>
    public static string Token(PValueCombination combination) => combination switch
    {
        PValueCombination.Bonferroni => "bonferroni",
        PValueCombination.Fisher => "fisher",
        _ => throw new ArgumentOutOfRangeException(nameof(combination), combination, "Undefined combination."),
    };

    /// <summary>The strengths to scan, from tokens (each may hold several separated by commas; see <see cref="Token(StrengthParameter)"/>);
    /// none given means all four.</summary>
    /// <param name="tokens">The tokens as given, or null.</param>
    /// <param name="name">What the list is called in messages, e.g. an option name.</param>
    /// <exception cref="ArgumentException">An unknown token or one given twice; the message names <paramref name="name"/>.</exception>
    public static ImmutableArray<StrengthParameter> ParseParameters(IEnumerable<string>? tokens, string name = "strengths")
    {
        var names = (tokens ?? []).SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (names.Count == 0) return Default.Parameters;
        var all = Enum.GetValues<StrengthParameter>();
        ImmutableArray<StrengthParameter> parsed = [.. names.Select(n => all.FirstOrDefault(p => Token(p).Equals(n, StringComparison.OrdinalIgnoreCase), (StrengthParameter)(-1)) is var p && p >= 0 ? p
            : throw new ArgumentException($"{name} '{n}': use {string.Join(", ", all.Select(Token).SkipLast(1))} or {Token(all[^1])}."))];
        return parsed.Distinct().Count() == parsed.Length ? parsed : throw new ArgumentException($"{name}: a strength is given more than once.");
    }

    /// <summary>A combination from its token (<c>bonferroni</c> or <c>fisher</c>, case-insensitive).</summary>
    /// <param name="text">The token.</param>
    /// <param name="name">What the text is called in messages, e.g. an option name.</param>
    /// <exception cref="ArgumentException">Another text; the message names <paramref name="name"/>.</exception>
    public static PValueCombination ParseCombination(string text, string name = "combination")
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in Enum.GetValues<PValueCombination>())
            if (Token(c).Equals(text.Trim(), StringComparison.OrdinalIgnoreCase)) return c;
        throw new ArgumentException($"{name} '{text}': use bonferroni or fisher.");
    }

    /// <summary>The grid of a strength: rho -1..1 step 0.1; share 0..1 step 0.1; boost 0..12 step 1 MADRS; threshold 0..40 step 5 CADSS.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An undefined value.</exception>
    public static ImmutableArray<double> Grid(StrengthParameter parameter) => parameter switch
    {
        StrengthParameter.SensitivityCorrelation => [.. Enumerable.Range(-10, 21).Select(i => i / 10.0)],
        StrengthParameter.MediationShare => [.. Enumerable.Range(0, 11).Select(i => i / 10.0)],
        StrengthParameter.ExpectancyBoost => [.. Enumerable.Range(0, 13).Select(i => (double)i)],
        StrengthParameter.ExpectancyThreshold => [.. Enumerable.Range(0, 9).Select(i => 5.0 * i)],
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "Undefined strength."),
    };
}
