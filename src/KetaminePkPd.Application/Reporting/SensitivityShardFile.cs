namespace KetaminePkPd.Application.Reporting;

/// <summary>
/// The partial result file of one shard of a sensitivity analysis (<see cref="Run"/>), for runs
/// split over the tasks of a batch engine (a Slurm job array, a Kubernetes Indexed Job): a description of the analysis
/// that every shard of the run shares, the shard number and the replicate r of every setting the shard ran. Doubles are
/// written in round-trip form, so <see cref="Merge"/> of the files gives the
/// unsharded result bit for bit. The format is one line of JSON tagged <see cref="Format"/>, with the library version and
/// a SHA-256 checksum of the content: files from another format or another library version, and files whose content no
/// longer matches its checksum (a value edited by hand or a damaged copy), are refused. The checksum catches accidents,
/// not forgery: anyone can recompute it.
/// </summary>
public sealed class SensitivityShardFile
{
    /// <summary>The format tag; a file with another one is refused.</summary>
    public const string Format = "ketamine-pkpd sensitivity shard v2";

    private static readonly ShardFileJsonContext Context = new(Reporting.TrialJsonParts.Relaxed(ShardFileJsonContext.Default.Options));

    /// <summary>Pairs a shard with the description of its analysis.</summary>
    /// <param name="analysis">What defines the analysis, the same for every shard of a run (the command-line tool stores its
    /// <c>sensitivity</c> arguments; a .NET caller can store anything that identifies its settings).</param>
    /// <param name="shard">The shard.</param>
    /// <exception cref="ArgumentNullException">A null argument or element.</exception>
    internal SensitivityShardFile(IEnumerable<string> analysis, SensitivityShard shard)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        Analysis = [.. analysis];
        if (Analysis.Contains(null!)) throw new ArgumentNullException(nameof(analysis), "analysis must not contain null.");
        Shard = shard ?? throw new ArgumentNullException(nameof(shard));
    }

    /// <summary>What defines the analysis (stored under <c>arguments</c>).</summary>
    public ImmutableArray<string> Analysis { get; }

    /// <summary>The shard.</summary>
    internal SensitivityShard Shard { get; }

    /// <summary>The most shards a run may be split into.</summary>
    public const int MaxShards = SensitivityShard.MaxShards;

    /// <summary>The number of settings (tornado levels and grid cells) this shard ran.</summary>
    public int SettingsRun => Shard.Cells.Count;

    /// <summary>The patient simulations this shard ran.</summary>
    public long SubjectSimulations => Shard.SubjectSimulations;

    /// <summary>Parses a shard given as <c>K/N</c> (shard K of N, 1 &lt;= K &lt;= N &lt;= <see cref="MaxShards"/>), e.g. <c>2/4</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="name">What the text is called in the message, e.g. an option name.</param>
    /// <returns>K and N.</returns>
    /// <exception cref="ArgumentException">Not of that form.</exception>
    public static (int Shard, int Shards) ParseSpec(string text, string name = "shard") => SensitivityShard.ParseSpec(text, name);

    /// <summary>Runs shard <paramref name="shard"/> of <paramref name="shards"/> of a sensitivity analysis and pairs it with the
    /// description of its analysis.</summary>
    /// <param name="analysis">What defines the analysis, the same for every shard of a run (the command-line tool stores its
    /// <c>sensitivity</c> arguments; a .NET caller can store anything that identifies its settings).</param>
    /// <param name="settings">The analysis's settings.</param>
    /// <param name="shard">The shard number, in [1, <paramref name="shards"/>].</param>
    /// <param name="shards">The number of shards, in [1, <see cref="MaxShards"/>].</param>
    /// <param name="progress">Receives the fraction done, in [0, 1] (optional).</param>
    /// <exception cref="ArgumentOutOfRangeException">A shard number out of range.</exception>
    /// <exception cref="ArgumentException">As <see cref="SensitivityResult.Run"/>.</exception>
    public static SensitivityShardFile Run(IEnumerable<string> analysis, SensitivitySettings settings, int shard, int shards, IProgress<double>? progress = null) =>
        new(analysis, SensitivityAnalysis.RunShard(settings, shard, shards, progress));

    /// <summary>The unsharded result from the files of every shard 1..N of one run (any order), bit for bit.</summary>
    /// <param name="settings">The analysis's settings (those its files describe).</param>
    /// <param name="files">Every shard's file exactly once, all of one analysis (<see cref="CheckSameAnalysis"/>).</param>
    /// <exception cref="ArgumentException">Missing, repeated or foreign shards, or a shard whose cells do not fit the settings.</exception>
    public static SensitivityResult Merge(SensitivitySettings settings, IReadOnlyList<SensitivityShardFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return SensitivityAnalysis.Merge(settings, files.Select(f => f.Shard));
    }

    /// <summary>The analysis that several files of one run share, checking that every file describes the same one.</summary>
    /// <param name="files">The files, at least one.</param>
    /// <param name="names">Their names, for messages (one per file).</param>
    /// <exception cref="ArgumentException">No file, a name missing, or a file from another analysis.</exception>
    public static ImmutableArray<string> CheckSameAnalysis(IReadOnlyList<SensitivityShardFile> files, IReadOnlyList<string> names) => Combine(files, names).Analysis;

    /// <summary>The version of this library, stored in every file.</summary>
    private static string LibraryVersion => Reporting.TrialJsonParts.ModelVersion;

    /// <summary>Writes the file (UTF-8 JSON, one line; settings keyed in ordinal order, so the same shard gives the same bytes).</summary>
    /// <param name="stream">Where to write; left open.</param>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var json = new ShardFileJson(Format, LibraryVersion, [.. Analysis], Shard.Shard, Shard.Shards, Shard.SubjectSimulations,
            Shard.Cells.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key,
                c => (IReadOnlyList<IReadOnlyList<double>>)[.. c.Value.Select(v => (IReadOnlyList<double>)[.. v])]), null);
        JsonSerializer.Serialize(stream, json with { Checksum = Checksum(json) }, Context.ShardFileJson);
    }

    /// <summary>The SHA-256 (hexadecimal) of the file's JSON without its checksum.</summary>
    private static string Checksum(ShardFileJson json) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(json with { Checksum = null }, Context.ShardFileJson)));

    /// <summary>Reads a file written by <see cref="Write"/>.</summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="name">The file's name, for messages.</param>
    /// <exception cref="ArgumentException">Not a shard file, another format or another library version, content that does not
    /// match its checksum, or a shard out of range; the message names <paramref name="name"/>.</exception>
    public static SensitivityShardFile Read(Stream stream, string name) =>
        ShardJson.Read(stream, name, "sensitivity shard file", Format, Context.ShardFileJson, Checksum, json =>
            new SensitivityShardFile(json.Arguments ?? [], SensitivityShard.Create(json.Shard, json.Shards, json.Cells ?? new Dictionary<string, IReadOnlyList<IReadOnlyList<double>>>(), json.SubjectSimulations)));

    /// <summary>Reads the file at <paramref name="path"/>; see <see cref="Read(Stream, string)"/>.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="ArgumentException">As <see cref="Read(Stream, string)"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static SensitivityShardFile Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>
    /// The analysis and the shards of several files of one run, checking that every file describes the same analysis
    /// (merging then checks that the shards are 1 to N exactly once and fit the settings).
    /// </summary>
    /// <param name="files">The files, at least one.</param>
    /// <param name="names">Their names, for messages (one per file).</param>
    /// <exception cref="ArgumentException">No file, a name missing, or a file from another analysis.</exception>
    internal static (ImmutableArray<string> Analysis, ImmutableArray<SensitivityShard> Shards) Combine(IReadOnlyList<SensitivityShardFile> files, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(names);
        if (files.Count == 0) throw new ArgumentException("files must hold at least one shard file.", nameof(files));
        if (names.Count != files.Count) throw new ArgumentException($"names must hold one name per file ({files.Count}), got {names.Count}.", nameof(names));
        var analysis = files[0].Analysis;
        for (int i = 1; i < files.Count; i++)
            if (!files[i].Analysis.SequenceEqual(analysis))
                throw new ArgumentException($"'{names[i]}' comes from another analysis ({string.Join(' ', files[i].Analysis)}) than '{names[0]}' ({string.Join(' ', analysis)}).");
        return (analysis, [.. files.Select(f => f.Shard)]);
    }
}

/// <summary>The JSON shape of a shard file.</summary>
internal sealed record ShardFileJson(string Format, string ModelVersion, IReadOnlyList<string> Arguments, int Shard, int Shards, long SubjectSimulations,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<double>>> Cells, string? Checksum) : IShardJson;

/// <summary>Source-generated serializer metadata for shard files.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ShardFileJson))]
internal sealed partial class ShardFileJsonContext : JsonSerializerContext;
