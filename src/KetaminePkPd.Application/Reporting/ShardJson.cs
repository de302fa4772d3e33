using System.Text.Json.Serialization.Metadata;

namespace KetaminePkPd.Application.Reporting;

/// <summary>The header every shard file's JSON carries: format, library version, which shard of how many, and the checksum.</summary>
internal interface IShardJson
{
    /// <summary>The file format's name and version.</summary>
    string Format { get; }

    /// <summary>The <c>modelVersion</c> of the library that wrote the file.</summary>
    string ModelVersion { get; }

    /// <summary>This shard, 1 to <see cref="Shards"/>.</summary>
    int Shard { get; }

    /// <summary>Shards of the analysis.</summary>
    int Shards { get; }

    /// <summary>SHA-256 of the file's JSON without the checksum, lower-case hex.</summary>
    string? Checksum { get; }
}

/// <summary>Reading a shard file of either kind (<see cref="SensitivityShardFile"/>, <see cref="GlobalShardFile"/>): the JSON, its
/// format, the library version and the checksum checked in that order, every message naming the file.</summary>
internal static class ShardJson
{
    /// <summary>Reads and checks the JSON, then builds the file's object from it.</summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="name">The file's name, for messages.</param>
    /// <param name="kind">What the file is, in messages: e.g. <c>global shard file</c>.</param>
    /// <param name="format">The expected format.</param>
    /// <param name="info">The JSON metadata of the file's shape.</param>
    /// <param name="checksum">The checksum of a file's JSON.</param>
    /// <param name="build">Builds the object; its <see cref="ArgumentException"/>s are rethrown with the file's name in front.</param>
    /// <exception cref="ArgumentException">Not such a file, another format or library version, a checksum mismatch, or a value out of range.</exception>
    public static TResult Read<TJson, TResult>(Stream stream, string name, string kind, string format, JsonTypeInfo<TJson> info,
        Func<TJson, string> checksum, Func<TJson, TResult> build) where TJson : class, IShardJson
    {
        ArgumentNullException.ThrowIfNull(stream);
        TJson? json;
        try
        {
            json = JsonSerializer.Deserialize(stream, info);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"'{name}' is not a {kind} ({ex.Message.Split('\n')[0].Trim()}).", ex);
        }
        if (json is null || json.Format != format) throw new ArgumentException($"'{name}' is not a {kind} (format '{json?.Format}', expected '{format}').");
        if (json.ModelVersion != TrialJsonParts.ModelVersion)
            throw new ArgumentException($"'{name}' was written by KetaminePkPd {json.ModelVersion}, this is {TrialJsonParts.ModelVersion}: rerun the shards with one version.");
        if (json.Checksum != checksum(json))
            throw new ArgumentException($"'{name}': the content does not match its checksum (a value was edited or the file is damaged); rerun shard {json.Shard} of {json.Shards}.");
        try
        {
            return build(json);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"'{name}': {ex.Message}", ex);
        }
    }
}
