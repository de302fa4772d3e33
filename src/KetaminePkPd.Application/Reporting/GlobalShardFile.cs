namespace KetaminePkPd.Application.Reporting;

/// <summary>
/// The partial result file of one shard of a global analysis (<see cref="GlobalSensitivityResult.RunShard"/>): the
/// arguments that define the analysis, the shard number and the summary of every world the shard ran. Like
/// <see cref="SensitivityShardFile"/>: one line of JSON tagged <see cref="Format"/>, doubles in round-trip form (NaN as null),
/// the library version and a SHA-256 checksum of the content; other formats, versions and edited files are refused.
/// </summary>
public sealed class GlobalShardFile
{
    /// <summary>The format tag; a file with another one is refused.</summary>
    public const string Format = "ketamine-pkpd global shard v1";

    private static readonly GlobalShardJsonContext Context = new(TrialJsonParts.Relaxed(GlobalShardJsonContext.Default.Options));

    /// <summary>Pairs a shard's worlds with the description of its analysis.</summary>
    /// <param name="analysis">What defines the analysis (the command-line arguments), the same for every shard.</param>
    /// <param name="shard">This shard, in [1, <paramref name="shards"/>].</param>
    /// <param name="shards">Number of shards, in [1, <see cref="SensitivityShard.MaxShards"/>].</param>
    /// <param name="worlds">The shard's worlds.</param>
    /// <exception cref="ArgumentException">A shard out of range, or a world that does not belong to it.</exception>
    public GlobalShardFile(IEnumerable<string> analysis, int shard, int shards, IEnumerable<GlobalWorld> worlds)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(worlds);
        if (shards is < 1 or > SensitivityShard.MaxShards) throw new ArgumentOutOfRangeException(nameof(shards), shards, $"shards must be in [1, {SensitivityShard.MaxShards}], got {shards}.");
        if (shard < 1 || shard > shards) throw new ArgumentOutOfRangeException(nameof(shard), shard, $"shard must be in [1, {shards}], got {shard}.");
        Analysis = [.. analysis];
        Shard = shard;
        Shards = shards;
        Worlds = [.. worlds];
        if (Worlds.FirstOrDefault(w => w is null || w.Index % shards != shard - 1) is { } foreign)
            throw new ArgumentException($"World {foreign.Index} does not belong to shard {shard} of {shards}.", nameof(worlds));
    }

    /// <summary>What defines the analysis.</summary>
    public ImmutableArray<string> Analysis { get; }

    /// <summary>This shard, 1-based.</summary>
    public int Shard { get; }

    /// <summary>Number of shards.</summary>
    public int Shards { get; }

    /// <summary>The shard's worlds.</summary>
    public ImmutableArray<GlobalWorld> Worlds { get; }

    /// <summary>Writes the file (UTF-8 JSON, one line; the same shard gives the same bytes).</summary>
    /// <param name="stream">Where to write; left open.</param>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        static double?[] N(IEnumerable<double> v) => [.. v.Select(x => double.IsNaN(x) ? (double?)null : x)];
        var json = new GlobalShardJson(Format, TrialJsonParts.ModelVersion, [.. Analysis], Shard, Shards,
            [.. Worlds.Select(w => new GlobalWorldJson(w.Index, w.IsPlausible, [.. w.Multipliers], N(w.Targets), N(w.MedianR), N(w.TwoSidedP)))], null);
        JsonSerializer.Serialize(stream, json with { Checksum = Checksum(json) }, Context.GlobalShardJson);
    }

    private static string Checksum(GlobalShardJson json) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(json with { Checksum = null }, Context.GlobalShardJson)));

    /// <summary>True when <paramref name="stream"/> starts like a global shard file (its format tag in the first 80 bytes), for a <c>merge</c>
    /// that takes both kinds of shard file; reads at most 80 bytes.</summary>
    /// <param name="stream">The file's bytes.</param>
    public static bool IsGlobal(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[80];
        int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return System.Text.Encoding.UTF8.GetString(head, 0, n).Contains(Format, StringComparison.Ordinal);
    }

    /// <summary>Reads a file written by <see cref="Write"/>.</summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="name">The file's name, for messages.</param>
    /// <exception cref="ArgumentException">Not a global shard file, another version, a checksum mismatch or a value out of range; the message names <paramref name="name"/>.</exception>
    public static GlobalShardFile Read(Stream stream, string name) =>
        ShardJson.Read(stream, name, "global shard file", Format, Context.GlobalShardJson, Checksum, json =>
        {
            static double[] D(IReadOnlyList<double?>? v) => [.. (v ?? []).Select(x => x ?? double.NaN)];
            var worlds = (json.Worlds ?? []).Select(w => GlobalWorld.Create(w.Index, w.Multipliers ?? [], D(w.Targets), w.Plausible, D(w.MedianR), D(w.TwoSidedP)));
            return new GlobalShardFile(json.Arguments ?? [], json.Shard, json.Shards, worlds);
        });

    /// <summary>The analysis and the worlds of the files of one run, checking that every file describes the same analysis and that the
    /// shards are 1 to N exactly once (<see cref="GlobalSensitivityResult.Merge(GlobalSensitivitySettings, IEnumerable{GlobalWorld})"/> then checks the worlds against the settings).</summary>
    /// <param name="files">The files, at least one.</param>
    /// <param name="names">Their names, for messages.</param>
    /// <exception cref="ArgumentException">No file, a file from another analysis, or shards missing or repeated.</exception>
    public static (ImmutableArray<string> Analysis, ImmutableArray<GlobalWorld> Worlds) Combine(IReadOnlyList<GlobalShardFile> files, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(names);
        if (files.Count == 0 || names.Count != files.Count) throw new ArgumentException($"files must hold at least one shard file and names one name per file, got {files.Count} and {names.Count}.", nameof(files));
        var analysis = files[0].Analysis;
        for (int i = 1; i < files.Count; i++)
            if (!files[i].Analysis.SequenceEqual(analysis) || files[i].Shards != files[0].Shards)
                throw new ArgumentException($"'{names[i]}' comes from another analysis or split ({string.Join(' ', files[i].Analysis)}, {files[i].Shards} shards) than '{names[0]}' ({string.Join(' ', analysis)}, {files[0].Shards} shards).");
        var numbers = files.Select(f => f.Shard).Order().ToList();
        if (!numbers.SequenceEqual(Enumerable.Range(1, files[0].Shards)))
            throw new ArgumentException($"Merge needs shards 1 to {files[0].Shards} exactly once each, got {string.Join(", ", numbers)}.");
        return (analysis, [.. files.SelectMany(f => f.Worlds)]);
    }
}

/// <summary>The JSON shape of a global shard file.</summary>
internal sealed record GlobalShardJson(string Format, string ModelVersion, IReadOnlyList<string> Arguments, int Shard, int Shards, IReadOnlyList<GlobalWorldJson> Worlds, string? Checksum) : IShardJson;

/// <summary>One world in a shard file (NaN as null).</summary>
internal sealed record GlobalWorldJson(int Index, bool Plausible, IReadOnlyList<double> Multipliers, IReadOnlyList<double?> Targets, IReadOnlyList<double?> MedianR, IReadOnlyList<double?> TwoSidedP);

/// <summary>Source-generated serializer metadata for global shard files.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(GlobalShardJson))]
internal sealed partial class GlobalShardJsonContext : JsonSerializerContext;
