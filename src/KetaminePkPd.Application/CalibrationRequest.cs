using System.Collections.Immutable;
using System.Text.Json;
using KetaminePkPd.Calibration;
using KetaminePkPd.Validation;

namespace KetaminePkPd.Application;

/// <summary>
/// What a front end asks of <see cref="CalibrationResult.Run"/>: an optional targets file, the seed and the patients per arm of the
/// virtual-trial blocks, and whether to compute the profile intervals. <see cref="Resolve"/> turns it into settings.
/// </summary>
public sealed record CalibrationRequest
{
    /// <summary>A targets file (docs/calibration.md), or null for the catalogue's calibration targets.</summary>
    public string? TargetsFile { get; init; }

    /// <summary>The seed, or null for the default (1).</summary>
    public ulong? Seed { get; init; }

    /// <summary>Patients per arm of the virtual-trial blocks, or null for the default (500).</summary>
    public int? SubjectsPerArm { get; init; }

    /// <summary>Compute the profile intervals (default true).</summary>
    public bool Intervals { get; init; } = true;

    /// <summary>The settings: the targets file read (its errors name the file, the entry and the field), the sizes applied.</summary>
    /// <exception cref="ArgumentException">A bad targets file or size.</exception>
    /// <exception cref="IOException">The targets file cannot be read.</exception>
    public CalibrationSettings Resolve()
    {
        var settings = CalibrationSettings.Default with { Intervals = Intervals };
        if (Seed is { } seed) settings = settings with { Seed = seed };
        if (SubjectsPerArm is { } n)
        {
            if (n is < 20 or > 100_000) throw new ArgumentException($"--subjects must be in [20, 100000], got {n}.");
            settings = settings with { SubjectsPerArm = n };
        }
        if (TargetsFile is not null) settings = settings with { Targets = ReadTargets(TargetsFile) };
        return settings;
    }

    /// <summary>
    /// Reads a targets file: <c>{ "targets": [ { "key": ..., "low": ..., "high": ..., ... } ] }</c>, each entry with the fields of a
    /// catalogue target (<see cref="ValidationTarget"/>, as <c>validate --json</c> prints them). <c>key</c>, <c>low</c> and <c>high</c>
    /// are required; the key must be one the calibration measures; every other field defaults to the catalogue entry of that key.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="option">What named it, for messages.</param>
    /// <exception cref="ArgumentException">A file that does not fit the schema: the message names the file, the entry and the field.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ImmutableArray<ValidationTarget> ReadTargets(string path, string option = "--targets")
    {
        ArgumentNullException.ThrowIfNull(path);
        string where = $"{option} '{ErrorText.Excerpt(path)}'";
        using var doc = ParameterFile.Parse(path, where);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new ArgumentException($"{where}: $: expected an object {{\"targets\": [...]}}, got {ParameterFile.Kind(root)}.");
        JsonElement? array = null;
        foreach (var p in ParameterFile.Properties(root, where, "$"))
        {
            if (p.Name == "targets") array = p.Value;
            else throw new ArgumentException($"{where}: $.{p.Name}: unknown key; the file has one key, targets.");
        }
        if (array is not { ValueKind: JsonValueKind.Array } list)
            throw new ArgumentException($"{where}: $.targets: {(array is null ? "missing" : "expected an array, got " + ParameterFile.Kind(array.Value))}.");
        var catalogue = ValidationTarget.All.ToDictionary(t => t.Key, StringComparer.Ordinal);
        var measurable = CalibrationTargetKeys();
        var targets = ImmutableArray.CreateBuilder<ValidationTarget>();
        int i = 0;
        foreach (var entry in list.EnumerateArray())
        {
            string at = $"{where}: $.targets[{i}]";
            if (entry.ValueKind != JsonValueKind.Object) throw new ArgumentException($"{at}: expected an object, got {ParameterFile.Kind(entry)}.");
            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var p in ParameterFile.Properties(entry, where, $"$.targets[{i}]"))
            {
                if (!Fields.Contains(p.Name)) throw new ArgumentException($"{at}.{p.Name}: unknown field; use {string.Join(", ", Fields)}.");
                fields[p.Name] = p.Value;
            }
            string key = Text(fields, "key", at) ?? throw new ArgumentException($"{at}.key: missing.");
            if (!measurable.Contains(key))
                throw new ArgumentException($"{at}.key: '{ErrorText.Excerpt(key)}' is not a target the calibration measures; use {string.Join(", ", measurable.Order(StringComparer.Ordinal))}.");
            var known = catalogue[key];
            double low = Number(fields, "low", at) ?? throw new ArgumentException($"{at}.low: missing.");
            double high = Number(fields, "high", at) ?? throw new ArgumentException($"{at}.high: missing.");
            if (high < low) throw new ArgumentException($"{at}.high: must be at least low ({low}), got {high}.");
            double? published = fields.ContainsKey("published") ? Number(fields, "published", at) : known.Published;
            var use = Text(fields, "use", at) is { } u
                ? (Enum.TryParse<ValidationUse>(u, true, out var parsed) && Enum.IsDefined(parsed) ? parsed : throw new ArgumentException($"{at}.use: '{ErrorText.Excerpt(u)}'; use calibration, check or tracked."))
                : ValidationUse.Calibration;
            try
            {
                targets.Add(new ValidationTarget(key, Text(fields, "quantity", at) ?? known.Quantity, Text(fields, "design", at) ?? known.Design, Text(fields, "unit", at) ?? known.Unit,
                    published, Text(fields, "publishedText", at) ?? (published?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? known.PublishedText),
                    low, high, Text(fields, "tolerance", at) ?? "user target", Text(fields, "source", at) ?? "user targets file", use, Text(fields, "knownMiss", at)));
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"{at}: {ErrorText.OneLine(ex)}");
            }
            i++;
        }
        if (targets.Count == 0) throw new ArgumentException($"{where}: $.targets: empty; give at least one target.");
        if (targets.GroupBy(t => t.Key).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"{where}: $.targets: the key '{twice.Key}' is given {twice.Count()} times.");
        return targets.ToImmutable();
    }

    private static readonly string[] Fields = ["key", "quantity", "design", "unit", "published", "publishedText", "low", "high", "tolerance", "source", "use", "knownMiss"];

    /// <summary>The keys the calibration measures, from a run with no intervals description (the blocks' declared keys).</summary>
    private static HashSet<string> CalibrationTargetKeys() => [.. CalibrationSettings.TargetKeys];

    private static string? Text(Dictionary<string, JsonElement> fields, string name, string at)
    {
        if (!fields.TryGetValue(name, out var e) || e.ValueKind == JsonValueKind.Null) return null;
        if (e.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(e.GetString()))
            throw new ArgumentException($"{at}.{name}: expected a non-empty text, got {ParameterFile.Kind(e)}.");
        return e.GetString();
    }

    private static double? Number(Dictionary<string, JsonElement> fields, string name, string at)
    {
        if (!fields.TryGetValue(name, out var e) || e.ValueKind == JsonValueKind.Null) return null;
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out double x) || !double.IsFinite(x))
            throw new ArgumentException($"{at}.{name}: expected a finite number, got {ParameterFile.Kind(e)}.");
        return x;
    }
}
