namespace KetaminePkPd.Application;

/// <summary>
/// The trial design a user chose: a built-in design by key (<see cref="TrialDesign.ByKey"/>) or a JSON scenario file
/// (<see cref="TrialDesignJson.Load"/>), with the hypothesis the file gives, if any. Built by <see cref="Resolve"/>.
/// </summary>
public sealed record DesignChoice
{
    private DesignChoice(TrialDesign design, string token, string? filePath, Hypothesis? scenarioHypothesis)
    {
        Design = design;
        Token = token;
        FilePath = filePath;
        ScenarioHypothesis = scenarioHypothesis;
    }

    /// <summary>The key of the default design, the NIMH trial (<see cref="TrialDesign.Nimh"/>).</summary>
    public const string DefaultKey = "nimh";

    /// <summary>The keys of the built-in designs, in the order the help lists them.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. TrialDesign.ByKey.Keys];

    /// <summary>The default choice: the NIMH design.</summary>
    public static DesignChoice Default { get; } = new(TrialDesign.Nimh, DefaultKey, null, null);

    /// <summary>The design.</summary>
    public TrialDesign Design { get; }

    /// <summary>The key (e.g. <c>nimh</c>, lower case) or the scenario file path as given.</summary>
    public string Token { get; }

    /// <summary>The full path of the scenario file, or null for a built-in design.</summary>
    public string? FilePath { get; }

    /// <summary>The hypothesis the scenario file gives, or null.</summary>
    public Hypothesis? ScenarioHypothesis { get; }

    /// <summary>True for the default design (NIMH, built in).</summary>
    public bool IsDefault => FilePath is null && Token == DefaultKey;

    /// <summary>Where the design comes from, for a report header: <c>nimh (built in)</c> or <c>scenario file /full/path.json</c>.</summary>
    public string Origin => FilePath is null ? $"{Token} (built in)" : $"scenario file {FilePath}";

    /// <summary>
    /// This choice with the design's effect parameters read from a parameters file (<see cref="ParameterFile.Read"/>); this
    /// choice itself when <paramref name="parametersFile"/> is null. The one place every design-based command applies <c>--parameters</c>.
    /// </summary>
    /// <param name="parametersFile">A parameters file, or null.</param>
    /// <param name="name">The option that gave it, for messages.</param>
    /// <exception cref="ArgumentException">A bad parameters file (the message names the file and the JSON path).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public DesignChoice WithParameters(string? parametersFile, string name = "--parameters") => parametersFile is null ? this
        : new DesignChoice(ParameterFile.Apply(Design, ParameterFile.Read(parametersFile, name)), Token, FilePath, ScenarioHypothesis);

    /// <summary>
    /// The design named by <paramref name="text"/>: a key of <see cref="TrialDesign.ByKey"/> (any case), or a path to a
    /// JSON scenario file; null gives <see cref="Default"/>.
    /// </summary>
    /// <param name="text">A design key or a scenario file path, or null.</param>
    /// <param name="name">The option or field that gave it, for messages (e.g. <c>--design</c>).</param>
    /// <exception cref="ArgumentException">An unknown key, or a scenario that does not fit the schema (the message names the JSON path, e.g. <c>$.arms[0].dose</c>).</exception>
    /// <exception cref="IOException">The file does not exist, is a directory or cannot be read.</exception>
    public static DesignChoice Resolve(string? text, string name = "--design")
    {
        ArgumentNullException.ThrowIfNull(name);
        if (text is null) return Default;
        string key = text.Trim();
        if (TrialDesign.ByKey.TryGetValue(key, out var design))
            return new DesignChoice(design, key.ToLowerInvariant(), null, null);
        bool looksLikeFile = key.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || key.Contains('/') || key.Contains('\\') || File.Exists(key);
        if (!looksLikeFile)
            throw new ArgumentException($"{name} '{ErrorText.Excerpt(text)}': unknown design; use {string.Join(", ", Keys)} or a scenario .json file.");
        string full = KetaminePkPd.ErrorText.InputFile(key, $"{name} '{text}'", "a scenario .json file");
        try
        {
            var (loaded, hypothesis) = TrialDesignJson.Load(full);
            return new DesignChoice(loaded, text, full, hypothesis);
        }
        catch (ScenarioException ex)
        {
            throw new ArgumentException($"{name} '{text}': {ErrorText.WithoutArgumentDetails(ErrorText.OneLine(ex))}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{name} '{text}': cannot read the file ({ErrorText.OneLine(ex).TrimEnd('.')}).", ex);
        }
    }
}
