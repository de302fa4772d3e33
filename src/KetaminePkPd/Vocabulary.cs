using KetaminePkPd.Numerics;

namespace KetaminePkPd;

/// <summary>
/// The words of the library, in one place: the tokens (and their synonyms) that name drugs, routes, solvers,
/// and ancestries, parsed and formatted the same way by every front end (the command
/// line's options, its <c>--arm</c> strings, scenario files, the web page and user code). Parsing ignores case, leading
/// and trailing white space, and treats <c>_</c> as <c>-</c>. Models parse with
/// <see cref="Pharmacokinetics.PkParameterSet.Parse"/> and hypotheses with <see cref="Trials.Hypothesis.Parse"/>, by the same rules.
/// </summary>
/// <remarks>
/// Every parse failure is an <see cref="ArgumentException"/> whose message starts with the name given and the text
/// (<c>--route 'venous': unknown route; use iv, intranasal, oral, sublingual, im or sc.</c>), so callers need not wrap it.
/// </remarks>
internal static class Vocabulary
{
    private static readonly (Drug Value, string Token, string[] Synonyms)[] Drugs =
    [
        (Drug.RacemicKetamine, "racemic", ["ketamine", "racemic-ketamine", "racemicketamine", "rs-ketamine", "(r,s)-ketamine"]),
        (Drug.Esketamine, "esketamine", ["s-ketamine", "(s)-ketamine"]),
    ];

    private static readonly (Route Value, string Token, string[] Synonyms)[] Routes =
    [
        (Route.Intravenous, "iv", ["intravenous"]),
        (Route.Intranasal, "intranasal", ["in", "nasal"]),
        (Route.Oral, "oral", ["po"]),
        (Route.Sublingual, "sublingual", ["sl"]),
        (Route.Intramuscular, "im", ["intramuscular"]),
        (Route.Subcutaneous, "sc", ["subcutaneous"]),
    ];

    private static readonly (SolverMethod Value, string Token, string[] Synonyms)[] Solvers =
    [
        (SolverMethod.Exact, "exact", ["matrix-exponential"]),
        (SolverMethod.DormandPrince54, "dopri5", ["dormandprince54", "dormand-prince", "dormand-prince54"]),
        (SolverMethod.Rosenbrock, "rodas4", ["rosenbrock"]),
    ];

    private static readonly (Ancestry Value, string Token, string[] Synonyms)[] Ancestries =
    [
        (Ancestry.NonAsian, "non-asian", ["nonasian"]),
        (Ancestry.AsianNonJapanese, "asian", ["asian-non-japanese", "asiannonjapanese"]),
        (Ancestry.Japanese, "japanese", []),
    ];

    /// <summary>The drug tokens: <c>racemic</c>, <c>esketamine</c>.</summary>
    public static IReadOnlyList<string> DrugTokens { get; } = [.. Drugs.Select(d => d.Token)];

    /// <summary>The route tokens: <c>iv</c>, <c>intranasal</c>, <c>oral</c>, <c>sublingual</c>, <c>im</c>, <c>sc</c>.</summary>
    public static IReadOnlyList<string> RouteTokens { get; } = [.. Routes.Select(d => d.Token)];

    /// <summary>The solver tokens: <c>exact</c>, <c>dopri5</c>, <c>rodas4</c>.</summary>
    public static IReadOnlyList<string> SolverTokens { get; } = [.. Solvers.Select(d => d.Token)];

    /// <summary>The ancestry tokens: <c>non-asian</c>, <c>asian</c>, <c>japanese</c>.</summary>
    public static IReadOnlyList<string> AncestryTokens { get; } = [.. Ancestries.Select(d => d.Token)];

    /// <summary>Every word (token or synonym) each drug is parsed from, tokens first.</summary>
    public static IReadOnlyDictionary<Drug, IReadOnlyList<string>> DrugWords { get; } = Words(Drugs);

    /// <summary>Every word (token or synonym) each route is parsed from, tokens first.</summary>
    public static IReadOnlyDictionary<Route, IReadOnlyList<string>> RouteWords { get; } = Words(Routes);

    /// <summary>Every word (token or synonym) each solver is parsed from, tokens first.</summary>
    public static IReadOnlyDictionary<SolverMethod, IReadOnlyList<string>> SolverWords { get; } = Words(Solvers);

    /// <summary>Every word (token or synonym) each ancestry is parsed from, tokens first.</summary>
    public static IReadOnlyDictionary<Ancestry, IReadOnlyList<string>> AncestryWords { get; } = Words(Ancestries);

    /// <summary>Parses a drug: <c>racemic</c> (also <c>ketamine</c>, <c>racemic-ketamine</c>) or <c>esketamine</c> (also <c>s-ketamine</c>).</summary>
    /// <param name="text">The word.</param>
    /// <param name="name">What the text is, for the message (a parameter or field name such as <c>drug</c>, a JSON path).</param>
    /// <exception cref="ArgumentException">Unknown word; the message lists the tokens.</exception>
    public static Drug ParseDrug(string text, string name = "drug") => Parse(Drugs, text, name, "drug");

    /// <summary>Parses a route: iv, intranasal, oral, sublingual, im or sc, or a synonym (intravenous, nasal, in, po, sl, intramuscular, subcutaneous).</summary>
    /// <param name="text">The word.</param>
    /// <param name="name">What the text is, for the message.</param>
    /// <exception cref="ArgumentException">Unknown word; the message lists the tokens.</exception>
    public static Route ParseRoute(string text, string name = "route") => Parse(Routes, text, name, "route");

    /// <summary>Parses a solver: exact, dopri5 or rodas4 (also dormand-prince, rosenbrock).</summary>
    /// <param name="text">The word.</param>
    /// <param name="name">What the text is, for the message.</param>
    /// <exception cref="ArgumentException">Unknown word; the message lists the tokens.</exception>
    public static SolverMethod ParseSolver(string text, string name = "solver") => Parse(Solvers, text, name, "solver");

    /// <summary>Parses an ancestry: non-asian, asian or japanese.</summary>
    /// <param name="text">The word.</param>
    /// <param name="name">What the text is, for the message.</param>
    /// <exception cref="ArgumentException">Unknown word; the message lists the tokens.</exception>
    public static Ancestry ParseAncestry(string text, string name = "ancestry") => Parse(Ancestries, text, name, "ancestry");

    /// <summary>The token of a drug: <c>racemic</c> or <c>esketamine</c>.</summary>
    /// <param name="drug">The drug.</param>
    public static string Token(Drug drug) => Token(Drugs, drug);

    /// <summary>The token of a route: <c>iv</c>, <c>intranasal</c>, <c>oral</c>, <c>sublingual</c>, <c>im</c> or <c>sc</c>.</summary>
    /// <param name="route">The route.</param>
    public static string Token(Route route) => Token(Routes, route);

    /// <summary>The token of a solver: <c>exact</c>, <c>dopri5</c> or <c>rodas4</c>.</summary>
    /// <param name="solver">The solver.</param>
    public static string Token(SolverMethod solver) => Token(Solvers, solver);

    /// <summary>The token of an ancestry: <c>non-asian</c>, <c>asian</c> or <c>japanese</c>.</summary>
    /// <param name="ancestry">The ancestry.</param>
    public static string Token(Ancestry ancestry) => Token(Ancestries, ancestry);

    /// <summary>The name of a drug in prose: <c>racemic ketamine</c> or <c>esketamine</c>.</summary>
    /// <param name="drug">The drug.</param>
    public static string Name(Drug drug) => drug == Drug.Esketamine ? "esketamine" : "racemic ketamine";

    /// <summary>The name of the parent compound of a drug: <c>ketamine</c> or <c>esketamine</c>.</summary>
    /// <param name="drug">The drug.</param>
    public static string ParentName(Drug drug) => drug == Drug.Esketamine ? "esketamine" : "ketamine";

    /// <summary>The route as written in reports: <c>IV</c> for intravenous, the token otherwise.</summary>
    /// <param name="route">The route.</param>
    public static string Label(Route route) => route == Route.Intravenous ? "IV" : Token(route);

    /// <summary>Tokens as a message lists them: <c>a, b or c</c>.</summary>
    /// <param name="tokens">The tokens, at least one.</param>
    public static string OrList(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return tokens.Count <= 1 ? string.Join("", tokens) : string.Join(", ", tokens.Take(tokens.Count - 1)) + " or " + tokens[^1];
    }

    /// <summary>A word as parsing sees it: trimmed, lower case, <c>_</c> as <c>-</c>.</summary>
    /// <param name="text">The word.</param>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant().Replace('_', '-');
    }

    private static T Parse<T>((T Value, string Token, string[] Synonyms)[] words, string text, string name, string what) where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(text);
        string key = Normalize(text);
        foreach (var w in words)
            if (w.Token == key || w.Synonyms.Contains(key)) return w.Value;
        throw Unknown(name, text, what, [.. words.Select(w => w.Token)]);
    }

    private static string Token<T>((T Value, string Token, string[] Synonyms)[] words, T value) where T : struct, Enum
    {
        foreach (var w in words)
            if (EqualityComparer<T>.Default.Equals(w.Value, value)) return w.Token;
        throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(T).Name} {value} has no token.");
    }

    private static Dictionary<T, IReadOnlyList<string>> Words<T>((T Value, string Token, string[] Synonyms)[] words) where T : struct, Enum =>
        words.ToDictionary(w => w.Value, w => (IReadOnlyList<string>)[w.Token, .. w.Synonyms]);

    /// <summary>The message of an unknown word: <c>name 'text': unknown what; use a, b or c.</c></summary>
    internal static ArgumentException Unknown(string name, string text, string what, IReadOnlyList<string> tokens) =>
        new($"{name} '{text}': unknown {what}; use {OrList(tokens)}.");
}
