using System.Globalization;
using System.Text.Json;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Populations;

namespace KetaminePkPd.Trials;

/// <summary>
/// Reads a trial design (and optionally a hypothesis) from a JSON scenario file. The schema is documented in
/// docs/scenario-files.md; comments and trailing commas are allowed, unknown keys are errors (they are usually typos),
/// and every error names the JSON path of the offending value.
/// </summary>
/// <example><code>
/// { "name": "NIMH", "model": "domino", "scale": "hdrs17", "assessments": ["230min", "1d", "7d"],
///   "arms": [ { "name": "ketamine", "route": "iv", "dose": "0.5mg/kg", "infusion": "40min", "subjects": 108 } ] }
/// </code></example>
internal static class TrialDesignJson
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 32 };

    /// <summary>The largest scenario file read: 10 MB (10 485 760 bytes; a real scenario is a few kB).</summary>
    public const int MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>Reads a scenario file (at most <see cref="MaxFileBytes"/>; read in a bounded way, so a device such as
    /// /dev/zero or a huge file is refused without reading it whole).</summary>
    /// <param name="path">File path.</param>
    /// <returns>The design, and the hypothesis if the file gives one.</returns>
    /// <exception cref="ScenarioException">The file is larger than <see cref="MaxFileBytes"/>, not valid UTF-8 JSON, or does not fit the schema; the message names the JSON path.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static (TrialDesign Design, Hypothesis? Hypothesis) Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[Math.Min(MaxFileBytes + 1, stream.CanSeek && stream.Length > 0 ? stream.Length + 1 : 1 << 16)];
        int total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (buffer.Length > MaxFileBytes) throw new ScenarioException("$", $"the file is larger than the limit of {MaxFileBytes / (1024 * 1024)} MB for a scenario file.");
                System.Array.Resize(ref buffer, (int)Math.Min(MaxFileBytes + 1L, 2L * buffer.Length));
            }
            int read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0) break;
            total += read;
        }
        string text;
        try { text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, total); }
        catch (System.Text.DecoderFallbackException) { throw new ScenarioException("$", "the file is not UTF-8 text (a scenario file is JSON)."); }
        return Parse(text);
    }

    /// <summary>Reads a scenario from JSON text (at most <see cref="MaxFileBytes"/> characters).</summary>
    /// <exception cref="ScenarioException">Too long, invalid JSON (the message gives the 1-based line and column), a
    /// duplicate key, or a value that does not fit the schema; the message names the JSON path.</exception>
    public static (TrialDesign Design, Hypothesis? Hypothesis) Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxFileBytes) throw new ScenarioException("$", $"the text is longer than the limit of {MaxFileBytes / (1024 * 1024)} MB for a scenario file.");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, Options); }
        catch (JsonException e)
        {
            var (line, column) = LineAndColumn(json, e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            string reason = System.Text.RegularExpressions.Regex.Replace(e.Message, @"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?", "").Trim();
            throw new ScenarioException($"$ (line {line}, column {column})", $"not valid JSON: {Printable(reason)}", e);
        }
        using (doc)
        {
            var root = doc.RootElement;
            Object(root, "$", "name", "drug", "model", "scale", "cadssAt", "assessments", "arms", "population", "parameters", "clinical", "hypothesis");
            string name = Text(root, "$", "name", required: true)!;
            var drug = Optional(root, "$", "drug", (e, p) => Wrap(p, () => Vocabulary.ParseDrug(TextOf(e, p))));
            var model = Optional(root, "$", "model", (e, p) => Wrap(p, () => PkParameterSet.Parse(TextOf(e, p))));
            var pk = Wrap("$.model", () => PkParameterSet.Resolve(drug, model));
            var scale = Optional(root, "$", "scale", (e, p) => Enum(e, p, ("madrs", RatingScale.Madrs), ("hdrs17", RatingScale.Hdrs17), ("hdrs", RatingScale.Hdrs17))) ?? RatingScale.Madrs;
            var cadssAt = Optional(root, "$", "cadssAt", Duration) ?? TimeSpan.FromMinutes(40);
            var assessments = Array(Required(root, "$", "assessments"), "$.assessments", Duration, TrialDesign.MaxAssessments);
            var arms = Array(Required(root, "$", "arms"), "$.arms", Arm, TrialDesign.MaxArms);
            var population = PopulationModel.Default(pk);
            var effects = EffectParameterSet.Default;
            if (root.TryGetProperty("parameters", out var parameters))
            {
                Object(parameters, "$.parameters");
                foreach (var p in parameters.EnumerateObject())
                {
                    string at = $"$.parameters.{p.Name}";
                    double value = Number(p.Value, at);
                    bool isPk = pk.TryIndexOf(p.Name, out _);
                    bool isEffect = effects.TryIndexOf(p.Name, out _);
                    if (!isPk && !isEffect)
                        throw new ScenarioException(at, $"'{p.Name}' is neither a parameter of model '{pk.Key}' ({string.Join(", ", pk.Parameters.Select(x => x.Name))}) nor an effect parameter ({string.Join(", ", effects.Parameters.Select(x => x.Name))}).");
                    if (isPk) pk = Wrap(at, () => pk.WithParameter(p.Name, value));
                    else effects = Wrap(at, () => effects.WithParameter(p.Name, value));
                }
                population = population with { Pk = pk, Effects = effects };
            }
            if (root.TryGetProperty("population", out var pop)) population = Population(pop, "$.population", population);
            var clinical = root.TryGetProperty("clinical", out var cl) ? Clinical(cl, "$.clinical") : ClinicalModel.Default;
            var hypothesis = root.TryGetProperty("hypothesis", out var h) ? Hypothesis(h, "$.hypothesis") : null;
            var design = Wrap("$", () => new TrialDesign(name, arms, population, assessments, cadssAt, scale, clinical));
            if (hypothesis is not null) Wrap("$.hypothesis", () => { HypothesisLinks.Check(design, hypothesis); return hypothesis; });
            return (design, hypothesis);
        }
    }

    private static TrialArm Arm(JsonElement e, string at)
    {
        Object(e, at, "name", "route", "dose", "infusion", "subjects", "repeat", "sessions", "interval");
        string name = Text(e, at, "name", required: true)!;
        var route = Wrap($"{at}.route", () => Vocabulary.ParseRoute(TextOf(Required(e, at, "route"), $"{at}.route")));
        var dose = Wrap($"{at}.dose", () => Dose.Parse(TextOf(Required(e, at, "dose"), $"{at}.dose")));
        var infusion = Optional(e, at, "infusion", (x, p) => Wrap(p, () => x.ValueKind == JsonValueKind.Number && x.TryGetDouble(out double z) && z == 0
            ? TimeSpan.Zero : Durations.ParseInfusion(TextOf(x, p), p))) ?? TimeSpan.Zero;
        int subjects = Integer(Required(e, at, "subjects"), $"{at}.subjects");
        if (e.TryGetProperty("repeat", out _) && e.TryGetProperty("sessions", out _))
            throw new ScenarioException($"{at}.sessions", "give 'repeat' or its older name 'sessions', not both.");
        int sessions = Optional(e, at, "repeat", Integer) ?? Optional(e, at, "sessions", Integer) ?? 1;
        var interval = Optional(e, at, "interval", Duration) ?? TimeSpan.Zero;
        var admin = Wrap($"{at}.infusion", () => Administration.Create(route, dose, infusion));
        return Wrap(at, () => new TrialArm(name, admin, subjects, sessions, interval));
    }

    private static PopulationModel Population(JsonElement e, string at, PopulationModel population)
    {
        string[] covariateKeys = ["weightMeanKg", "weightSdKg", "weightMinKg", "weightMaxKg", "ageMeanYears", "ageSdYears", "ageMinYears", "ageMaxYears", "asianFraction", "japaneseFraction"];
        Object(e, at, [.. covariateKeys, "variability", "correlations"]);
        var c = Numbers(e, at, covariateKeys, population.Covariates, (m, key, x) => key switch
        {
            "weightMeanKg" => m with { WeightMeanKg = x }, "weightSdKg" => m with { WeightSdKg = x },
            "weightMinKg" => m with { WeightMinKg = x }, "weightMaxKg" => m with { WeightMaxKg = x },
            "ageMeanYears" => m with { AgeMeanYears = x }, "ageSdYears" => m with { AgeSdYears = x },
            "ageMinYears" => m with { AgeMinYears = x }, "ageMaxYears" => m with { AgeMaxYears = x },
            "asianFraction" => m with { AsianFraction = x }, _ => m with { JapaneseFraction = x },
        });
        var variability = population.Variability;
        if (e.TryGetProperty("variability", out var v2))
        {
            Object(v2, $"{at}.variability");
            variability = Variability.None;
            foreach (var p in v2.EnumerateObject())
            {
                string path = $"{at}.variability.{p.Name}";
                double sd = Number(p.Value, path);
                variability = Wrap(path, () => variability.With(p.Name, sd));
            }
        }
        if (e.TryGetProperty("correlations", out var corr))
        {
            int i = 0;
            foreach (var item in Array(corr, $"{at}.correlations", (x, p) => x))
            {
                string path = $"{at}.correlations[{i++}]";
                Object(item, path, "a", "b", "rho");
                string a = Text(item, path, "a", required: true)!, b = Text(item, path, "b", required: true)!;
                double rho = Number(Required(item, path, "rho"), $"{path}.rho");
                variability = Wrap(path, () => variability.WithCorrelation(a, b, rho));
            }
        }
        var result = population with { Covariates = c, Variability = variability };
        Wrap(at, () => result.SampleSubject(0, 0));   // checks variability names and covariate bounds now, with the path
        return result;
    }

    private static ClinicalModel Clinical(JsonElement e, string at)
    {
        string[] keys = ["baselineMean", "baselineSd", "placeboMean", "placeboSd", "placeboHalfTimeH", "placeboPersistentFraction", "placeboFadeHalfTimeH",
            "activeControlMadrs", "slowPlaceboMean", "slowPlaceboSd", "slowPlaceboHalfTimeDays", "ratingNoiseSd", "cadssNoiseSd"];
        Object(e, at, ["preset", .. keys]);
        var start = ClinicalModel.Default;
        if (Text(e, at, "preset", required: false) is { } preset)
            start = ClinicalModel.Presets.TryGetValue(Vocabulary.Normalize(preset), out var p) ? p
                : throw new ScenarioException($"{at}.preset", $"unknown clinical preset '{Printable(preset)}'; the presets are {string.Join(", ", ClinicalModel.Presets.Keys)}.");
        return Numbers(e, at, keys, start, (m, key, x) => key switch
        {
            "baselineMean" => m with { BaselineMean = x }, "baselineSd" => m with { BaselineSd = x },
            "placeboMean" => m with { PlaceboMean = x }, "placeboSd" => m with { PlaceboSd = x },
            "placeboHalfTimeH" => m with { PlaceboHalfTimeH = x }, "placeboPersistentFraction" => m with { PlaceboPersistentFraction = x },
            "placeboFadeHalfTimeH" => m with { PlaceboFadeHalfTimeH = x }, "activeControlMadrs" => m with { ActiveControlMadrs = x },
            "slowPlaceboMean" => m with { SlowPlaceboMean = x }, "slowPlaceboSd" => m with { SlowPlaceboSd = x },
            "slowPlaceboHalfTimeDays" => m with { SlowPlaceboHalfTimeDays = x }, "ratingNoiseSd" => m with { RatingNoiseSd = x },
            _ => m with { CadssNoiseSd = x },
        });
    }

    /// <summary>
    /// Applies each of <paramref name="keys"/> present in <paramref name="e"/> (a number) to <paramref name="value"/> in turn
    /// through <paramref name="set"/>; a bad number or a value the record rejects is an error naming its JSON path.
    /// </summary>
    private static T Numbers<T>(JsonElement e, string at, string[] keys, T value, Func<T, string, double, T> set)
    {
        foreach (var key in keys)
        {
            if (!e.TryGetProperty(key, out var v)) continue;
            double x = Number(v, $"{at}.{key}");
            value = Wrap($"{at}.{key}", () => set(value, key, x));
        }
        return value;
    }

    private static Hypothesis Hypothesis(JsonElement e, string at)
    {
        Object(e, at, "kind", "name", "rho", "share", "thresholdCadss", "boostMadrs");
        var h = e.TryGetProperty("kind", out var kind) ? Wrap($"{at}.kind", () => Trials.Hypothesis.Parse(TextOf(kind, $"{at}.kind"))) : Trials.Hypothesis.ExposureOnly;
        if (Text(e, at, "name", required: false) is { } name) h = Wrap($"{at}.name", () => h with { Name = name });
        if (e.TryGetProperty("rho", out var rho)) { double x = Number(rho, $"{at}.rho"); h = Wrap($"{at}.rho", () => h with { SensitivityCorrelation = x }); }
        if (e.TryGetProperty("share", out var share)) { double x = Number(share, $"{at}.share"); h = Wrap($"{at}.share", () => h with { MediationShare = x }); }
        if (e.TryGetProperty("thresholdCadss", out var th)) { double x = Number(th, $"{at}.thresholdCadss"); h = Wrap($"{at}.thresholdCadss", () => h with { ExpectancyThresholdCadss = x }); }
        if (e.TryGetProperty("boostMadrs", out var boost)) { double x = Number(boost, $"{at}.boostMadrs"); h = Wrap($"{at}.boostMadrs", () => h with { ExpectancyBoostMadrs = x }); }
        return h;
    }

    // ---- small readers that name the path ----

    /// <summary>1-based line and column (in characters) of a 0-based line and byte offset of the UTF-8 text.</summary>
    private static (long Line, long Column) LineAndColumn(string json, long line0, long byte0)
    {
        int start = 0;
        for (long l = 0; l < line0 && start < json.Length; l++)
        {
            int next = json.IndexOf('\n', start);
            if (next < 0) break;
            start = next + 1;
        }
        int end = json.IndexOf('\n', start);
        string text = end < 0 ? json[start..] : json[start..end];
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        int count = (int)Math.Min(byte0, bytes.Length);
        return (line0 + 1, System.Text.Encoding.UTF8.GetCharCount(bytes, 0, count) + 1);
    }

    /// <summary>The text with control characters shown as \uXXXX and cut to 200 characters, for messages.</summary>
    internal static string Printable(string text)
    {
        var sb = new System.Text.StringBuilder(Math.Min(text.Length, 200));
        foreach (char ch in text)
        {
            if (sb.Length >= 200) { sb.Append("..."); break; }
            if (char.IsControl(ch)) sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)ch:x4}"); else sb.Append(ch);
        }
        return sb.ToString();
    }

    private static void Object(JsonElement e, string at, params string[] allowed)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new ScenarioException(at, $"expected an object, got {e.ValueKind}.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
        {
            if (!seen.Add(p.Name))
                throw new ScenarioException($"{at}.{Printable(p.Name)}", $"duplicate key '{Printable(p.Name)}'; give each key once.");
            if (allowed.Length > 0 && !allowed.Contains(p.Name))
                throw new ScenarioException($"{at}.{Printable(p.Name)}", $"unknown key '{Printable(p.Name)}'; allowed here: {string.Join(", ", allowed)}.");
        }
    }

    private static JsonElement Required(JsonElement e, string at, string key) =>
        e.TryGetProperty(key, out var v) ? v : throw new ScenarioException($"{at}.{key}", $"'{key}' is required.");

    private static T? Optional<T>(JsonElement e, string at, string key, Func<JsonElement, string, T> read) where T : struct =>
        e.TryGetProperty(key, out var v) ? read(v, $"{at}.{key}") : null;

    private static PkParameterSet? Optional(JsonElement e, string at, string key, Func<JsonElement, string, PkParameterSet> read) =>
        e.TryGetProperty(key, out var v) ? read(v, $"{at}.{key}") : null;

    private static string? Text(JsonElement e, string at, string key, bool required)
    {
        if (!e.TryGetProperty(key, out var v))
            return required ? throw new ScenarioException($"{at}.{key}", $"'{key}' is required.") : null;
        return TextOf(v, $"{at}.{key}");
    }

    private static string TextOf(JsonElement e, string at) =>
        e.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(e.GetString()) ? e.GetString()!
        : throw new ScenarioException(at, $"expected a non-empty string, got {Show(e)}.");

    private static double Number(JsonElement e, string at) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out double x) && double.IsFinite(x) ? x
        : throw new ScenarioException(at, $"expected a finite number, got {Show(e)}.");

    private static int Integer(JsonElement e, string at) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int x) ? x
        : throw new ScenarioException(at, $"expected a whole number, got {Show(e)}.");

    private static TimeSpan Duration(JsonElement e, string at) => Wrap(at, () => Durations.Parse(TextOf(e, at), at));

    private static T Enum<T>(JsonElement e, string at, params (string Name, T Value)[] values)
    {
        string text = TextOf(e, at);
        foreach (var (name, value) in values)
            if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase)) return value;
        throw new ScenarioException(at, $"'{text}' is not allowed; use {string.Join(", ", values.Select(v => v.Name))}.");
    }

    private static List<T> Array<T>(JsonElement e, string at, Func<JsonElement, string, T> read, int max = 1000)
    {
        if (e.ValueKind != JsonValueKind.Array) throw new ScenarioException(at, $"expected an array, got {e.ValueKind}.");
        if (e.GetArrayLength() > max) throw new ScenarioException(at, $"at most {max} entries are allowed, got {e.GetArrayLength()}.");
        var list = new List<T>();
        int i = 0;
        foreach (var item in e.EnumerateArray()) list.Add(read(item, $"{at}[{i++}]"));
        if (list.Count == 0) throw new ScenarioException(at, "must not be empty.");
        return list;
    }

    /// <summary>Runs a library call, turning its argument or format errors into a <see cref="ScenarioException"/> at <paramref name="at"/>.</summary>
    private static T Wrap<T>(string at, Func<T> f)
    {
        try { return f(); }
        catch (ScenarioException) { throw; }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException) { throw new ScenarioException(at, Clean(e), e); }
    }

    /// <summary>The first line of an exception's message without .NET's " (Parameter 'x')" suffix: our messages already name the parameter.</summary>
    private static string Clean(Exception e)
    {
        string m = e.Message.Split('\n')[0].TrimEnd();
        int p = m.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return p > 0 && m.EndsWith("')", StringComparison.Ordinal) ? m[..p] : m;
    }

    private static string Show(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => $"\"{Printable(e.GetString() ?? "")}\"",
        JsonValueKind.Number => e.GetRawText(),
        _ => e.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
