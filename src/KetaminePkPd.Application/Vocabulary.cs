namespace KetaminePkPd.Application;

/// <summary>
/// The words of the front ends, in one place: the tokens (and their synonyms) that name drugs, routes, solvers and ancestries, parsed and formatted the same way by the command line's options, its <c>--arm</c> strings, scenario files and the web page (the library's own rules, which parse scenario files and model names). Parsing ignores case, leading and trailing white space, and treats <c>_</c> as <c>-</c>; every parse failure is an <see cref="ArgumentException"/> whose message starts with the name given and the text.
/// </summary>
public static class Vocabulary
{
    /// <inheritdoc cref="KetaminePkPd.Vocabulary.DrugTokens"/>
    public static IReadOnlyList<string> DrugTokens => KetaminePkPd.Vocabulary.DrugTokens;

    /// <inheritdoc cref="KetaminePkPd.Vocabulary.RouteTokens"/>
    public static IReadOnlyList<string> RouteTokens => KetaminePkPd.Vocabulary.RouteTokens;

    /// <inheritdoc cref="KetaminePkPd.Vocabulary.SolverTokens"/>
    public static IReadOnlyList<string> SolverTokens => KetaminePkPd.Vocabulary.SolverTokens;

    /// <inheritdoc cref="KetaminePkPd.Vocabulary.AncestryTokens"/>
    public static IReadOnlyList<string> AncestryTokens => KetaminePkPd.Vocabulary.AncestryTokens;

    /// <inheritdoc cref="KetaminePkPd.Vocabulary.DrugWords"/>
    public static IReadOnlyDictionary<Drug, IReadOnlyList<string>> DrugWords => KetaminePkPd.Vocabulary.DrugWords;

    /// <inheritdoc cref="KetaminePkPd.Vocabulary.RouteWords"/>
    public static IReadOnlyDictionary<Route, IReadOnlyList<string>> RouteWords => KetaminePkPd.Vocabulary.RouteWords;

    /// <inheritdoc cref="KetaminePkPd.Vocabulary.SolverWords"/>
    public static IReadOnlyDictionary<SolverMethod, IReadOnlyList<string>> SolverWords => KetaminePkPd.Vocabulary.SolverWords;

    /// <inheritdoc cref="KetaminePkPd.Vocabulary.AncestryWords"/>
    public static IReadOnlyDictionary<Ancestry, IReadOnlyList<string>> AncestryWords => KetaminePkPd.Vocabulary.AncestryWords;

    /// <inheritdoc cref="KetaminePkPd.Vocabulary.ParseDrug(string,string)"/>
    public static Drug ParseDrug(string text, string name = "drug") => KetaminePkPd.Vocabulary.ParseDrug(text, name);

    /// <inheritdoc cref="KetaminePkPd.Vocabulary.ParseRoute(string,string)"/>
    public static Route ParseRoute(string text, string name = "route") => KetaminePkPd.Vocabulary.ParseRoute(text, name);

    /// <inheritdoc cref="KetaminePkPd.Vocabulary.ParseSolver(string,string)"/>
    public static SolverMethod ParseSolver(string text, string name = "solver") => KetaminePkPd.Vocabulary.ParseSolver(text, name);

    /// <inheritdoc cref="KetaminePkPd.Vocabulary.ParseAncestry(string,string)"/>
    public static Ancestry ParseAncestry(string text, string name = "ancestry") => KetaminePkPd.Vocabulary.ParseAncestry(text, name);

    /// <inheritdoc cref="KetaminePkPd.Vocabulary.Token(Drug)"/>
    public static string Token(Drug drug) => KetaminePkPd.Vocabulary.Token(drug);

    /// <inheritdoc cref="KetaminePkPd.Vocabulary.Token(Route)"/>
    public static string Token(Route route) => KetaminePkPd.Vocabulary.Token(route);

    /// <inheritdoc cref="KetaminePkPd.Vocabulary.Token(SolverMethod)"/>
    public static string Token(SolverMethod solver) => KetaminePkPd.Vocabulary.Token(solver);

    /// <inheritdoc cref="KetaminePkPd.Vocabulary.Token(Ancestry)"/>
    public static string Token(Ancestry ancestry) => KetaminePkPd.Vocabulary.Token(ancestry);

    /// <inheritdoc cref="KetaminePkPd.Vocabulary.Name(Drug)"/>
    public static string Name(Drug drug) => KetaminePkPd.Vocabulary.Name(drug);

    /// <inheritdoc cref="KetaminePkPd.Vocabulary.ParentName(Drug)"/>
    public static string ParentName(Drug drug) => KetaminePkPd.Vocabulary.ParentName(drug);

    /// <inheritdoc cref="KetaminePkPd.Vocabulary.Label(Route)"/>
    public static string Label(Route route) => KetaminePkPd.Vocabulary.Label(route);

    /// <inheritdoc cref="KetaminePkPd.Vocabulary.OrList"/>
    public static string OrList(IReadOnlyList<string> tokens) => KetaminePkPd.Vocabulary.OrList(tokens);

    /// <inheritdoc cref="KetaminePkPd.Vocabulary.Normalize(string)"/>
    public static string Normalize(string text) => KetaminePkPd.Vocabulary.Normalize(text);
}
