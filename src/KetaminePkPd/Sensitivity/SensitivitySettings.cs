using System.Collections.Immutable;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Sensitivity;

/// <summary>
/// What <see cref="SensitivityResult.Run"/> does: the hypothesis (exposure only by default), which assumptions to vary
/// one at a time, an optional pair to vary together, and what every replicate study shares (design, observations, Monte
/// Carlo sizes, seed: <see cref="ReplicateStudySettings"/>). Immutable; the defaults are the default run
/// (exposure only, the NIMH design, Luckenbaugh 2014's two observations, every assumption, 1000 replicates from pools of
/// 2000 patients, seed 1).
/// </summary>
public sealed record SensitivitySettings : ReplicateStudySettings
{
    private readonly Hypothesis _hypothesis = Hypothesis.ExposureOnly;
    private readonly EquatableArray<SensitivityAssumption> _assumptions = SensitivityAnalysis.All;
    private readonly (SensitivityAssumption First, SensitivityAssumption Second)? _pair;

    /// <summary>The defaults.</summary>
    public static SensitivitySettings Default { get; } = new();

    /// <summary>Every assumption, in the order tables list them.</summary>
    public static ImmutableArray<SensitivityAssumption> AllAssumptions => SensitivityAnalysis.All;

    /// <summary>The token of an assumption, e.g. <c>placebo-sd</c>.</summary>
    /// <param name="assumption">The assumption.</param>
    /// <exception cref="ArgumentOutOfRangeException">An undefined value.</exception>
    public static string Token(SensitivityAssumption assumption) => SensitivityAnalysis.Token(assumption);

    /// <summary>What an assumption is, in words, e.g. <c>placebo response SD (MADRS)</c>.</summary>
    /// <param name="assumption">The assumption.</param>
    /// <exception cref="ArgumentOutOfRangeException">An undefined value.</exception>
    public static string Describe(SensitivityAssumption assumption) => SensitivityAnalysis.Describe(assumption);

    /// <summary>Parses a token (see <see cref="Token"/>), case-insensitive.</summary>
    /// <param name="token">The token, e.g. <c>placebo-sd</c>.</param>
    /// <exception cref="ArgumentException">Unknown token; the message lists the known ones.</exception>
    public static SensitivityAssumption ParseAssumption(string token) => SensitivityAnalysis.Parse(token);

    /// <summary>
    /// The assumptions to vary one at a time, from a list of tokens (each may hold several separated by commas):
    /// none given means every assumption that applies to <paramref name="design"/> (<see cref="AppliesTo"/>); the single
    /// token <c>none</c> means none (only a pair); otherwise the tokens, distinct, each checked against the design.
    /// </summary>
    /// <param name="tokens">The tokens as given, or null.</param>
    /// <param name="design">The design whose current values the ranges are built around.</param>
    /// <param name="name">What the list is called in messages, e.g. a parameter name.</param>
    /// <exception cref="ArgumentException">An unknown token, one given twice, or one the design cannot vary; the message names <paramref name="name"/>.</exception>
    public static ImmutableArray<SensitivityAssumption> ParseAssumptions(IEnumerable<string>? tokens, TrialDesign design, string name = "assumptions") =>
        SensitivityAnalysis.ParseList(tokens, design, name);

    /// <summary>Two different assumptions to vary together, from <c>a,b</c>, each checked against <paramref name="design"/>.</summary>
    /// <param name="text">The text, e.g. <c>placebo-sd,ec50-a-sd</c>.</param>
    /// <param name="design">The design whose current values the ranges are built around.</param>
    /// <param name="name">What the text is called in messages, e.g. a parameter name.</param>
    /// <exception cref="ArgumentException">Not two tokens, an unknown token, the same twice, or one the design cannot vary.</exception>
    public static (SensitivityAssumption First, SensitivityAssumption Second) ParsePair(string text, TrialDesign design, string name = "pair") =>
        SensitivityAnalysis.ParsePair(text, design, name);

    /// <summary>The multiples of the current value that make up the range of <paramref name="assumption"/> (docs/sensitivity.md).</summary>
    /// <param name="assumption">The assumption.</param>
    /// <exception cref="ArgumentOutOfRangeException">An undefined value.</exception>
    public static ImmutableArray<double> Multipliers(SensitivityAssumption assumption) => SensitivityAnalysis.Multipliers(assumption);

    /// <summary>
    /// The levels of <paramref name="assumption"/> for <paramref name="design"/>: its range as multiples of the design's
    /// current value, lowest first, with the default flagged.
    /// </summary>
    /// <param name="assumption">The assumption.</param>
    /// <param name="design">The design whose current values the range is built around.</param>
    /// <exception cref="ArgumentNullException"><paramref name="design"/> is null.</exception>
    /// <exception cref="ArgumentException">A PD assumption whose parameter has no between-subject variability in the design's population, a PK assumption for a population without PK variability, or a dose spread of intranasal doses.</exception>
    public static ImmutableArray<SensitivityLevel> Levels(SensitivityAssumption assumption, TrialDesign design) => SensitivityAnalysis.Levels(assumption, design);

    /// <summary>True when <see cref="Levels"/> can build the range of <paramref name="assumption"/> for <paramref name="design"/>
    /// (e.g. not a dose spread of intranasal doses, which are whole devices, nor the SD of a parameter without variability).</summary>
    /// <param name="assumption">The assumption.</param>
    /// <param name="design">The design.</param>
    public static bool AppliesTo(SensitivityAssumption assumption, TrialDesign design) => SensitivityAnalysis.AppliesTo(assumption, design);

    /// <summary>True for the assumptions sampled on the log scale by the global analysis: a range that starts above 0 and spans a
    /// factor of 2 or more (CADSS time, dose spread).</summary>
    /// <param name="assumption">The assumption.</param>
    /// <exception cref="ArgumentOutOfRangeException">An undefined value.</exception>
    public static bool IsLogScale(SensitivityAssumption assumption) => SensitivityAnalysis.IsLogScale(assumption);

    /// <summary>The hypothesis whose assumptions are varied. Default <see cref="Hypothesis.ExposureOnly"/>.</summary>
    public Hypothesis Hypothesis { get => _hypothesis; init => _hypothesis = value ?? throw new ArgumentNullException(nameof(Hypothesis)); }

    /// <summary>Assumptions varied one at a time (the tornado), distinct. May be empty when <see cref="Pair"/> is set. Default all.</summary>
    /// <exception cref="ArgumentException">A repeated assumption.</exception>
    public EquatableArray<SensitivityAssumption> Assumptions
    {
        get => _assumptions;
        init => _assumptions = value.Distinct().Count() != value.Length
            ? throw new ArgumentException("Assumptions must be distinct.", nameof(Assumptions)) : value;
    }

    /// <summary>Two different assumptions varied together over every combination of their levels (the heat map), or null for none. Default null.</summary>
    /// <exception cref="ArgumentException">The same assumption twice.</exception>
    public (SensitivityAssumption First, SensitivityAssumption Second)? Pair
    {
        get => _pair;
        init => _pair = value is { } p && p.First == p.Second
            ? throw new ArgumentException($"Pair needs two different assumptions, got {SensitivityAnalysis.Token(p.First)} twice.", nameof(Pair)) : value;
    }

    /// <summary>
    /// Checks the rules that tie the properties together: those of <see cref="ReplicateStudySettings.Validate"/>, something
    /// to vary (an assumption or a pair), and every assumption varied one the design can vary (<see cref="AppliesTo"/>).
    /// </summary>
    /// <exception cref="ArgumentException">A rule is broken.</exception>
    public override void Validate()
    {
        base.Validate();
        if (Assumptions.IsEmpty && Pair is null) throw new ArgumentException("Nothing to vary: give at least one assumption or a pair.", "settings");
        foreach (var a in Pair is { } p ? Assumptions.Append(p.First).Append(p.Second) : Assumptions) SensitivityAnalysis.Levels(a, Design);
    }
}
