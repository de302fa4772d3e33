using System.Text;
using KetaminePkPd.Comparisons;
using KetaminePkPd.Evidence;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Validation;

namespace KetaminePkPd.Application;

/// <summary>
/// A parameters file: <c>{ "parameters": { "KTR": 1.23, "EMAX_D": 23.9 } }</c>, effect parameter names (any case) to typical values,
/// the same object a scenario file's <c>parameters</c> key takes for effect parameters. <c>calibrate --out</c> writes one; every
/// command that simulates reads one with <c>--parameters</c> (docs/calibration.md). Comments and trailing commas are allowed;
/// unknown keys, duplicate keys, unknown parameter names and values outside a parameter's range are errors naming the file,
/// the JSON path and the allowed range.
/// </summary>
public static class ParameterFile
{
    /// <summary>The largest file read, bytes (1 MB).</summary>
    public const int MaxFileBytes = 1 << 20;

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The effect parameter set of the file at <paramref name="path"/>: <see cref="EffectParameterSet.Default"/> with the file's values in place.</summary>
    /// <param name="path">The file.</param>
    /// <param name="option">What named it, for messages (e.g. <c>--parameters</c>).</param>
    /// <exception cref="ArgumentException">A file that does not fit the schema; the message names the file and the JSON path.</exception>
    /// <exception cref="IOException">No such file, a directory, or unreadable.</exception>
    public static EffectParameterSet Read(string path, string option = "--parameters")
    {
        ArgumentNullException.ThrowIfNull(path);
        string where = $"{option} '{ErrorText.Excerpt(path)}'";
        using var doc = Parse(path, where);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new ArgumentException($"{where}: $: expected an object {{\"parameters\": {{...}}}}, got {Kind(root)}.");
        JsonElement? parameters = null;
        foreach (var p in Properties(root, where, "$"))
        {
            if (p.Name == "parameters") parameters = p.Value;
            else throw new ArgumentException($"{where}: $.{p.Name}: unknown key; the file has one key, parameters.");
        }
        if (parameters is not { } obj) throw new ArgumentException($"{where}: $.parameters: missing; give {{\"parameters\": {{\"NAME\": value, ...}}}}.");
        if (obj.ValueKind != JsonValueKind.Object) throw new ArgumentException($"{where}: $.parameters: expected an object of parameter names to numbers, got {Kind(obj)}.");
        var set = EffectParameterSet.Default;
        int count = 0;
        foreach (var p in Properties(obj, where, "$.parameters"))
        {
            string at = $"{where}: $.parameters.{p.Name}";
            if (!set.TryIndexOfPublic(p.Name))
                throw new ArgumentException($"{at}: not an effect parameter; use {string.Join(", ", set.Parameters.Select(x => x.Name))}.");
            if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetDouble(out double value) || !double.IsFinite(value))
                throw new ArgumentException($"{at}: expected a finite number, got {Kind(p.Value)}.");
            var parameter = set[p.Name];
            if (value < parameter.Min || value > parameter.Max)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{at}: must be in [{parameter.Min:G6}, {parameter.Max:G6}] {parameter.Unit}, got {value:G6}."));
            set = set.WithParameter(p.Name, value);
            count++;
        }
        if (count == 0) throw new ArgumentException($"{where}: $.parameters: empty; give at least one parameter.");
        return set;
    }

    /// <summary>The file's text for the named parameters of <paramref name="set"/>, with full round-trip precision.</summary>
    /// <param name="set">The parameter set.</param>
    /// <param name="names">The parameters to write, in order.</param>
    /// <exception cref="ArgumentException">An unknown name.</exception>
    public static string ToJson(EffectParameterSet set, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(names);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartObject("parameters");
            foreach (var name in names) w.WriteNumber(set[name].Name, set[name].Value);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The design with its population's effect parameters replaced by <paramref name="effects"/>; the design itself when null.</summary>
    /// <param name="design">The design.</param>
    /// <param name="effects">The effect parameters, or null to keep the design's.</param>
    public static TrialDesign Apply(TrialDesign design, EffectParameterSet? effects)
    {
        ArgumentNullException.ThrowIfNull(design);
        return effects is null ? design : design.With(population: design.Population with { Effects = effects });
    }

    /// <summary>The validation settings with their effect parameters replaced by <paramref name="effects"/>; the settings themselves when null.</summary>
    public static ValidationSettings Apply(ValidationSettings settings, EffectParameterSet? effects)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return effects is null ? settings : settings.WithEffects(effects);
    }

    /// <summary>The effect parameter set of the file at <paramref name="path"/> (<see cref="Read"/>), or null when no file is given.</summary>
    /// <param name="path">The file, or null.</param>
    /// <param name="option">What named it, for messages.</param>
    /// <exception cref="ArgumentException">A file that does not fit the schema.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static EffectParameterSet? ReadOptional(string? path, string option = "--parameters") => path is null ? null : Read(path, option);

    /// <summary>The part of a reproducing command line that gives the parameters file: <c> --parameters 'path'</c>, or empty when none.</summary>
    /// <param name="path">The file, or null.</param>
    public static string Argument(string? path) => path is null ? "" : " --parameters " + CommandLineText.Quote(path);

    /// <summary>The single simulation with <paramref name="effects"/> for its effect models; the setup itself when null.</summary>
    public static SimulationSetup Apply(SimulationSetup setup, EffectParameterSet? effects)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return effects is null ? setup : setup.WithEffects(effects);
    }

    /// <summary>The comparison settings with <paramref name="effects"/> for every arm; the settings themselves when null.</summary>
    public static ComparisonOptions Apply(ComparisonOptions options, EffectParameterSet? effects)
    {
        ArgumentNullException.ThrowIfNull(options);
        return effects is null ? options : options with { Effects = effects };
    }

    /// <summary>The dose sweep with <paramref name="effects"/> for the typical patient and the population; the settings themselves when null.</summary>
    public static DoseResponseSettings Apply(DoseResponseSettings settings, EffectParameterSet? effects)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return effects is null ? settings : settings with { Effects = effects };
    }

    /// <summary>The evidence run with <paramref name="effects"/> in every entry's design; the settings themselves when null.</summary>
    public static EvidenceSettings Apply(EvidenceSettings settings, EffectParameterSet? effects)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return effects is null ? settings : settings with { Effects = effects };
    }

    /// <summary>The hypothesis test with <paramref name="effects"/> in its design's population; the settings themselves when null.</summary>
    public static HypothesisTestSettings Apply(HypothesisTestSettings settings, EffectParameterSet? effects)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return effects is null ? settings : settings.WithDesign(Apply(settings.Design, effects), settings.Observed, settings.PoolSize);
    }

    private static bool TryIndexOfPublic(this EffectParameterSet set, string name) =>
        set.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads and parses a small JSON file, with one-line errors naming <paramref name="where"/>.</summary>
    internal static JsonDocument Parse(string path, string where)
    {
        string full = KetaminePkPd.ErrorText.InputFile(path, where, "a .json file");
        byte[] bytes;
        try
        {
            using var stream = File.OpenRead(full);
            if (stream.CanSeek && stream.Length > MaxFileBytes) throw new ArgumentException($"{where}: the file is larger than {MaxFileBytes} bytes.");
            bytes = new byte[Math.Min(stream.CanSeek ? stream.Length : MaxFileBytes + 1, MaxFileBytes + 1)];
            int read = 0, n;
            while (read < bytes.Length && (n = stream.Read(bytes, read, bytes.Length - read)) > 0) read += n;
            if (read > MaxFileBytes) throw new ArgumentException($"{where}: the file is larger than {MaxFileBytes} bytes.");
            bytes = bytes[..read];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{where}: cannot read the file ({ErrorText.OneLine(ex).TrimEnd('.')}).", ex);
        }
        if (bytes.Length == 0) throw new ArgumentException($"{where}: the file is empty; expected a JSON object.");
        try
        {
            return JsonDocument.Parse(bytes, Options);
        }
        catch (JsonException ex)
        {
            string position = ex.LineNumber is { } line ? $"line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}: " : "";
            throw new ArgumentException($"{where}: {position}not valid JSON.");
        }
    }

    /// <summary>The properties of an object, refusing a key given twice.</summary>
    internal static IEnumerable<JsonProperty> Properties(JsonElement obj, string where, string path)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in obj.EnumerateObject())
        {
            if (!seen.Add(p.Name)) throw new ArgumentException($"{where}: {path}.{p.Name}: key given twice.");
            yield return p;
        }
    }

    /// <summary>A JSON value's kind in words, for messages.</summary>
    internal static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => $"the text \"{ErrorText.Excerpt(e.GetString() ?? "")}\"",
        JsonValueKind.Number => $"the number {e.GetRawText()}",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => $"{e.GetRawText()}",
        _ => "null",
    };
}
