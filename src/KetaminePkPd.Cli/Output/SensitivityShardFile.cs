using System.Text.Json;
using System.Text.Json.Serialization;
using KetaminePkPd.Cli.Commands;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Cli.Output;

/// <summary>
/// The partial result file of <c>sensitivity --shard K/N</c>: the arguments that define the analysis, the shard number
/// and the replicate r of every setting the shard ran (doubles written round-trip, so a merge reproduces the unsharded
/// output byte for byte).
/// </summary>
internal static class SensitivityShardFile
{
    /// <summary>The format tag; a file with another one is refused.</summary>
    public const string Format = "ketamine-pkpd sensitivity shard v1";

    private static readonly ShardJsonContext Context = new(new JsonSerializerOptions(ShardJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writes one shard.</summary>
    public static void Write(SensitivityInputs inputs, SensitivityShard shard, Stream stream)
    {
        var json = new ShardJson(Format, SimulationReport.LibraryVersion, [.. inputs.Arguments], shard.Shard, shard.Shards, shard.SubjectSimulations,
            shard.Cells.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => (IReadOnlyList<IReadOnlyList<double>>)[.. c.Value.Select(v => (IReadOnlyList<double>)[.. v])]));
        JsonSerializer.Serialize(stream, json, Context.ShardJson);
    }

    /// <summary>Reads one shard file: its analysis arguments and the shard.</summary>
    /// <exception cref="ArgumentException">Not a shard file, another format or another library version.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static (IReadOnlyList<string> Arguments, SensitivityShard Shard) Read(string path)
    {
        ShardJson? json;
        try
        {
            using var stream = File.OpenRead(path);
            json = JsonSerializer.Deserialize(stream, Context.ShardJson);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"'{path}' is not a sensitivity shard file ({CliErrors.OneLine(ex)}).", ex);
        }
        if (json is null || json.Format != Format) throw new ArgumentException($"'{path}' is not a sensitivity shard file (format '{json?.Format}', expected '{Format}').");
        if (json.ModelVersion != SimulationReport.LibraryVersion)
            throw new ArgumentException($"'{path}' was written by KetaminePkPd {json.ModelVersion}, this is {SimulationReport.LibraryVersion}: rerun the shards with one version.");
        var shard = Parsing.Wrap("merge", path, () => SensitivityShard.Create(json.Shard, json.Shards, json.Cells, json.SubjectSimulations));
        return (json.Arguments, shard);
    }
}

/// <summary>The JSON shape of a shard file.</summary>
internal sealed record ShardJson(string Format, string ModelVersion, IReadOnlyList<string> Arguments, int Shard, int Shards, long SubjectSimulations,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<double>>> Cells);

/// <summary>Source-generated serializer metadata for shard files.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ShardJson))]
internal sealed partial class ShardJsonContext : JsonSerializerContext;
