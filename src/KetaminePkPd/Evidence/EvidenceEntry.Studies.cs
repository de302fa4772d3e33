using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Evidence;

// Part of the record (studies), formerly a separate static class:
// <summary>
// User studies in a JSON study file (docs/evidence.md, "Adding studies"), and the selection of catalogue entries. Every error
// names the JSON path of the offending value, like a scenario file's.
// </summary>
public sealed partial record EvidenceEntry
{
    /// <summary>The most studies in one file: 200.</summary>
    public const int MaxStudies = 200;

    private const long MaxFileBytes = 10L * 1024 * 1024;

    private static readonly string[] StudyKeys =
        ["key", "study", "citation", "design", "outcomeAt", "outcome", "test", "peakCadss", "cadssAtMost", "splitAtCadss", "arms", "n", "reported", "overlapGroup", "notes"];

    private static readonly string[] ReportedKeys = ["kind", "value", "p", "low", "high", "se", "direction", "tests", "significant", "text"];

    /// <summary>Reads a study file (at most 10 MB).</summary>
    /// <param name="path">File path.</param>
    /// <exception cref="ScenarioException">Not JSON, or a value that does not fit; the message names the JSON path.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ImmutableArray<EvidenceEntry> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (info.Exists && info.Length > MaxFileBytes) throw new ScenarioException("$", "the file is larger than the limit of 10 MB for a study file.");
        string text;
        try { text = File.ReadAllText(path, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true)); }
        catch (System.Text.DecoderFallbackException) { throw new ScenarioException("$", "the file is not UTF-8 text (a study file is JSON)."); }
        return Parse(text);
    }

    /// <summary>Reads studies from JSON text: <c>{ "studies": [ { ... }, ... ] }</c>.</summary>
    /// <param name="json">The text.</param>
    /// <exception cref="ScenarioException">Not JSON, or a value that does not fit; the message names the JSON path.</exception>
    public static ImmutableArray<EvidenceEntry> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException e) { throw new ScenarioException($"$ (line {(e.LineNumber ?? 0) + 1})", "not valid JSON.", e); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ScenarioException("$", "a study file is a JSON object with a \"studies\" array.");
            CheckKeys(root, "$", ["studies"]);
            if (!root.TryGetProperty("studies", out var studies) || studies.ValueKind != JsonValueKind.Array)
                throw new ScenarioException("$.studies", "required: an array of studies.");
            int count = studies.GetArrayLength();
            if (count == 0 || count > MaxStudies) throw new ScenarioException("$.studies", $"must hold 1 to {MaxStudies} studies, got {count}.");
            var list = ImmutableArray.CreateBuilder<EvidenceEntry>(count);
            int i = 0;
            foreach (var s in studies.EnumerateArray())
            {
                list.Add(ReadStudy(s, $"$.studies[{i}]"));
                i++;
            }
            var dup = list.GroupBy(e => e.Key).FirstOrDefault(g => g.Count() > 1);
            if (dup is not null) throw new ScenarioException("$.studies", $"key '{dup.Key}' appears twice; keys must be unique.");
            return list.MoveToImmutable();
        }
    }

    /// <summary>The catalogue without the excluded keys.</summary>
    /// <param name="entries">The entries.</param>
    /// <param name="exclude">Keys to leave out (each may hold several separated by commas), or null.</param>
    /// <param name="name">How messages name the input (e.g. <c>exclude</c>).</param>
    /// <exception cref="ArgumentException">An unknown key, or every entry excluded.</exception>
    public static ImmutableArray<EvidenceEntry> Select(ImmutableArray<EvidenceEntry> entries, IEnumerable<string>? exclude, string name = "exclude")
    {
        var keys = (exclude ?? []).SelectMany(k => k.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        foreach (string k in keys)
            if (!entries.Any(e => string.Equals(e.Key, k, StringComparison.OrdinalIgnoreCase)))
                throw new ArgumentException($"{name} '{k}' is not a catalogue key; the keys are {string.Join(", ", entries.Select(e => e.Key))}.", name);
        var kept = entries.Where(e => !keys.Contains(e.Key, StringComparer.OrdinalIgnoreCase)).ToImmutableArray();
        return kept.IsEmpty ? throw new ArgumentException($"{name} leaves no entry to test.", name) : kept;
    }

    /// <summary>The entries followed by the added studies; a key of a study may not repeat an entry's.</summary>
    /// <param name="entries">The entries.</param>
    /// <param name="studies">The added studies.</param>
    /// <param name="name">How messages name the source (e.g. <c>studies</c>).</param>
    /// <exception cref="ArgumentException">A repeated key.</exception>
    public static ImmutableArray<EvidenceEntry> Combine(ImmutableArray<EvidenceEntry> entries, ImmutableArray<EvidenceEntry> studies, string name = "studies")
    {
        foreach (var s in studies)
            if (entries.Any(e => string.Equals(e.Key, s.Key, StringComparison.OrdinalIgnoreCase)))
                throw new ArgumentException($"{name}: study key '{s.Key}' is already a catalogue key; choose another.", name);
        return entries.AddRange(studies);
    }

    private static EvidenceEntry ReadStudy(JsonElement s, string path)
    {
        if (s.ValueKind != JsonValueKind.Object) throw new ScenarioException(path, "a study is a JSON object.");
        CheckKeys(s, path, StudyKeys);
        string key = Text(s, path, "key")!;
        var design = ReadDesign(s, path);
        var outcomeAt = Duration(s, path, "outcomeAt");
        var outcome = Word(s, path, "outcome", "percent-change", ["percent-change", "points-change", "response"]) switch
        {
            "points-change" => EvidenceOutcome.PointsChange,
            "response" => EvidenceOutcome.Response,
            _ => EvidenceOutcome.PercentChange,
        };
        var test = Word(s, path, "test", outcome == EvidenceOutcome.Response ? "responder-split" : "pearson", ["pearson", "spearman", "slope", "responder-split"]) switch
        {
            "spearman" => EvidenceTest.Spearman,
            "slope" => EvidenceTest.Slope,
            "responder-split" => EvidenceTest.ResponderSplit,
            _ => EvidenceTest.Pearson,
        };
        var arms = s.TryGetProperty("arms", out var a)
            ? a.ValueKind == JsonValueKind.Array && a.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String)
                ? a.EnumerateArray().Select(x => x.GetString()!).ToArray()
                : throw new ScenarioException(path + ".arms", "an array of arm names.")
            : [];
        int n = (int)Number(s, path, "n", 4, 1_000_000, integer: true)!;
        var statistic = ReadReported(s, path);
        bool peak = s.TryGetProperty("peakCadss", out var pk) ? pk.ValueKind is JsonValueKind.True or JsonValueKind.False ? pk.GetBoolean()
            : throw new ScenarioException(path + ".peakCadss", "true or false.") : false;
        double? atMost = Number(s, path, "cadssAtMost", 0, RatingScales.CadssMaximum, required: false);
        double? split = Number(s, path, "splitAtCadss", 0, RatingScales.CadssMaximum, required: false);
        string? group = s.TryGetProperty("overlapGroup", out _) ? Text(s, path, "overlapGroup") : null;
        string notes = s.TryGetProperty("notes", out _) ? Text(s, path, "notes")! : "from a study file";
        try
        {
            return new EvidenceEntry(key, Text(s, path, "study")!, Text(s, path, "citation")!, notes, notes, "CADSS (study file)", "outcome (study file)",
                statistic, notes, "study file", notes, group, design, outcomeAt, outcome, arms, n, "study file", "as given in the study file", test, peak, atMost, split);
        }
        catch (ArgumentException e)
        {
            string field = e.ParamName switch
            {
                "key" => "key", "overlapGroup" => "overlapGroup", "outcomeTime" => "outcomeAt", "analysisArms" => "arms", "analysisN" => "n",
                "test" => "test", "splitAtCadss" => "splitAtCadss", "cadssAtMost" => "cadssAtMost", _ => "",
            };
            throw new ScenarioException(field.Length > 0 ? $"{path}.{field}" : path, ErrorText.OneLine(e), e);
        }
    }

    private static TrialDesign ReadDesign(JsonElement s, string path)
    {
        if (!s.TryGetProperty("design", out var d)) throw new ScenarioException(path + ".design", "required: a scenario object (docs/scenario-files.md) or a built-in design key.");
        if (d.ValueKind == JsonValueKind.String)
        {
            string k = d.GetString()!;
            return TrialDesign.ByKey.TryGetValue(k.Trim(), out var built) ? built
                : throw new ScenarioException(path + ".design", $"'{k}' is not a built-in design ({string.Join(", ", TrialDesign.ByKey.Keys)}); give a scenario object instead.");
        }
        if (d.ValueKind != JsonValueKind.Object) throw new ScenarioException(path + ".design", "a scenario object (docs/scenario-files.md) or a built-in design key.");
        try
        {
            var (design, hypothesis) = TrialDesignJson.Parse(d.GetRawText());
            return hypothesis is null ? design : throw new ScenarioException(path + ".design.hypothesis", "a study's design takes no hypothesis (the command tests every hypothesis).");
        }
        catch (ScenarioException e) when (!e.JsonPath.StartsWith(path, StringComparison.Ordinal))
        {
            string inner = e.JsonPath.StartsWith('$') ? e.JsonPath[1..] : "." + e.JsonPath;
            string message = e.Message.StartsWith(e.JsonPath + ": ", StringComparison.Ordinal) ? e.Message[(e.JsonPath.Length + 2)..] : e.Message;
            throw new ScenarioException(path + ".design" + inner, message, e);
        }
    }

    private static EvidenceStatistic ReadReported(JsonElement s, string path)
    {
        path += ".reported";
        if (!s.TryGetProperty("reported", out var r) || r.ValueKind != JsonValueKind.Object)
            throw new ScenarioException(path, "required: an object with \"kind\" (pearson, spearman, slope, not-significant, significant, share-significant).");
        CheckKeys(r, path, ReportedKeys);
        string kind = Word(r, path, "kind", null, ["pearson", "spearman", "slope", "not-significant", "significant", "share-significant"])!;
        string text = r.TryGetProperty("text", out _) ? Text(r, path, "text")! : "as given in the study file";
        double? p = Number(r, path, "p", 1e-300, 1, required: false);
        try
        {
            return kind switch
            {
                "pearson" => EvidenceStatistic.Pearson(Number(r, path, "value", -0.999, 0.999)!.Value, p, text),
                "spearman" => EvidenceStatistic.Spearman(Number(r, path, "value", -0.999, 0.999)!.Value, p, text),
                "slope" => EvidenceStatistic.Slope(Number(r, path, "value", -100, 100)!.Value, Number(r, path, "low", -100, 100, required: false),
                    Number(r, path, "high", -100, 100, required: false), Number(r, path, "se", 1e-12, 1000, required: false), p, text),
                "not-significant" => EvidenceStatistic.NotSignificant(text),
                "significant" => EvidenceStatistic.SignificantDirection((int)Number(r, path, "direction", -1, 1, integer: true)!, text),
                _ => EvidenceStatistic.ShareSignificant(Number(r, path, "value", 0, 1)!.Value, (int)Number(r, path, "tests", 1, 10_000, integer: true)!,
                    (int?)Number(r, path, "significant", 0, 10_000, integer: true, required: false), text, (int)(Number(r, path, "direction", -1, 1, integer: true, required: false) ?? 0)),
            };
        }
        catch (ArgumentException e)
        {
            throw new ScenarioException(path + (e.ParamName is { } pn ? "." + (pn == "standardError" ? "se" : pn == "slope" || pn == "r" || pn == "share" ? "value" : pn) : ""), ErrorText.OneLine(e), e);
        }
    }

    private static void CheckKeys(JsonElement o, string path, string[] allowed)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in o.EnumerateObject())
        {
            if (!allowed.Contains(p.Name, StringComparer.Ordinal))
                throw new ScenarioException($"{path}.{p.Name}", $"unknown key; allowed: {string.Join(", ", allowed)}.");
            if (!seen.Add(p.Name)) throw new ScenarioException($"{path}.{p.Name}", "duplicate key.");
        }
    }

    private static string? Text(JsonElement o, string path, string name, bool required = true)
    {
        if (!o.TryGetProperty(name, out var v)) return required ? throw new ScenarioException($"{path}.{name}", "required.") : null;
        return v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString()
            : throw new ScenarioException($"{path}.{name}", "a non-empty text.");
    }

    private static string? Word(JsonElement o, string path, string name, string? fallback, string[] allowed)
    {
        string? w = Text(o, path, name, required: fallback is null) ?? fallback;
        string t = w!.Trim().ToLowerInvariant().Replace('_', '-');
        return allowed.Contains(t) ? t : throw new ScenarioException($"{path}.{name}", $"'{w}' is not one of {string.Join(", ", allowed)}.");
    }

    private static TimeSpan Duration(JsonElement o, string path, string name)
    {
        string text = Text(o, path, name)!;
        try { return Durations.Parse(text, name); }
        catch (ArgumentException e) { throw new ScenarioException($"{path}.{name}", ErrorText.OneLine(e), e); }
    }

    private static double? Number(JsonElement o, string path, string name, double min, double max, bool integer = false, bool required = true)
    {
        if (!o.TryGetProperty(name, out var v)) return required ? throw new ScenarioException($"{path}.{name}", "required.") : null;
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out double x) || !double.IsFinite(x))
            throw new ScenarioException($"{path}.{name}", $"a number in [{F(min)}, {F(max)}].");
        if (integer && x != Math.Floor(x)) throw new ScenarioException($"{path}.{name}", $"a whole number, got {F(x)}.");
        return x >= min && x <= max ? x : throw new ScenarioException($"{path}.{name}", $"must be in [{F(min)}, {F(max)}], got {F(x)}.");
    }

    private static string F(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
