using KetaminePkPd.Trials;

namespace KetaminePkPd.Cli.Commands;

/// <summary>The trial design chosen with <c>--design</c>: a built-in design by key, or a JSON scenario file.</summary>
/// <param name="Design">The design.</param>
/// <param name="Token">The key (e.g. <c>nimh</c>) or the file path as given.</param>
/// <param name="FilePath">Full path of the scenario file, or null for a built-in design.</param>
/// <param name="ScenarioHypothesis">The hypothesis the scenario file gives, if any.</param>
internal sealed record DesignChoice(TrialDesign Design, string Token, string? FilePath, Hypothesis? ScenarioHypothesis)
{
    /// <summary>Design tokens as the help shows them.</summary>
    public const string Tokens = "nimh|dose-ranging|esketamine-intranasal|twice-weekly|file.json";

    /// <summary>The default design's key.</summary>
    public const string DefaultKey = "nimh";

    /// <summary>True for the default design (NIMH).</summary>
    public bool IsDefault => FilePath is null && Token == DefaultKey;

    /// <summary>Where the design comes from, for the header: <c>nimh (built in)</c> or the file path.</summary>
    public string Origin => FilePath is null ? $"{Token} (built in)" : $"scenario file {FilePath}";

    /// <summary>
    /// The design named by <paramref name="text"/>: a key of <see cref="TrialDesigns.ByKey"/>, or a path to a JSON
    /// scenario file (read with <see cref="TrialDesignJson.Load"/>); null gives the NIMH design.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown key, or a scenario that does not fit the schema (the message names the JSON path, e.g. <c>$.arms[0].dose</c>).</exception>
    /// <exception cref="IOException">The file does not exist or cannot be read.</exception>
    public static DesignChoice Resolve(string? text, string option = "--design")
    {
        if (text is null) return new DesignChoice(TrialDesigns.Nimh, DefaultKey, null, null);
        string key = text.Trim();
        if (TrialDesigns.ByKey.TryGetValue(key, out var design))
            return new DesignChoice(design, key.ToLowerInvariant(), null, null);
        bool looksLikeFile = key.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || key.Contains('/') || key.Contains('\\') || File.Exists(key);
        if (!looksLikeFile)
            throw new ArgumentException($"{option} '{text}': unknown design; use nimh, dose-ranging, esketamine-intranasal, twice-weekly or a scenario .json file.");

        string full;
        try
        {
            full = Path.GetFullPath(key);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ArgumentException($"{option} '{text}': not a valid file path ({CliErrors.OneLine(ex).TrimEnd('.')}).");
        }
        if (Directory.Exists(full)) throw new IOException($"{option} '{text}' is a directory; give a scenario .json file.");
        if (!File.Exists(full)) throw new FileNotFoundException($"{option} '{text}': file not found ({full}).");
        try
        {
            var (loaded, hypothesis) = TrialDesignJson.Load(full);
            return new DesignChoice(loaded, text, full, hypothesis);
        }
        catch (ScenarioException ex)
        {
            throw new ArgumentException($"{option} '{text}': {CliErrors.WithoutArgumentDetails(CliErrors.OneLine(ex))}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{option} '{text}': cannot read the file ({CliErrors.OneLine(ex).TrimEnd('.')}).", ex);
        }
    }
}
