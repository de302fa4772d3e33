using System.Collections.Immutable;

namespace KetaminePkPd.Sensitivity;

/// <summary>
/// One shard of a sensitivity analysis (<see cref="SensitivityAnalysis.RunShard"/>): the replicate r values of the settings
/// it ran, keyed by setting, one array per observation. Shards of one run, merged with <see cref="SensitivityAnalysis.Merge"/>,
/// give exactly the unsharded result. Immutable; <see cref="Create"/> rebuilds one from a file.
/// </summary>
internal sealed class SensitivityShard
{
    internal SensitivityShard(int shard, int shards, ImmutableDictionary<string, ImmutableArray<ImmutableArray<double>>> cells, long subjectSimulations, TimeSpan elapsed)
    {
        Shard = shard;
        Shards = shards;
        Cells = cells;
        SubjectSimulations = subjectSimulations;
        Elapsed = elapsed;
    }

    /// <summary>Rebuilds a shard, e.g. read from a partial result file.</summary>
    /// <param name="shard">This shard, in [1, <paramref name="shards"/>].</param>
    /// <param name="shards">Number of shards, in [1, 10 000].</param>
    /// <param name="cells">Per setting key, the replicate r values per observation (finite, in [-1, 1]).</param>
    /// <param name="subjectSimulations">Patient simulations the shard ran, at least 0.</param>
    /// <exception cref="ArgumentException">A value out of range.</exception>
    public static SensitivityShard Create(int shard, int shards, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<double>>> cells, long subjectSimulations)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (shards is < 1 or > MaxShards) throw new ArgumentOutOfRangeException(nameof(shards), shards, $"shards must be in [1, {MaxShards}], got {shards}.");
        if (shard < 1 || shard > shards) throw new ArgumentOutOfRangeException(nameof(shard), shard, $"shard must be in [1, {shards}], got {shard}.");
        if (subjectSimulations < 0) throw new ArgumentOutOfRangeException(nameof(subjectSimulations), subjectSimulations, "subjectSimulations must be >= 0.");
        var builder = ImmutableDictionary.CreateBuilder<string, ImmutableArray<ImmutableArray<double>>>(StringComparer.Ordinal);
        foreach (var (key, values) in cells)
        {
            if (values.Any(v => v.Any(r => !double.IsFinite(r) || r < -1 || r > 1)))
                throw new ArgumentException($"Setting '{key}' holds an r that is not finite or not in [-1, 1].", nameof(cells));
            builder[key] = [.. values.Select(v => v.ToImmutableArray())];
        }
        return new SensitivityShard(shard, shards, builder.ToImmutable(), subjectSimulations, TimeSpan.Zero);
    }

    /// <summary>The most shards a run can be split into: 10 000.</summary>
    public const int MaxShards = 10_000;

    /// <summary>Parses a shard given as <c>K/N</c> (shard K of N, 1 &lt;= K &lt;= N &lt;= <see cref="MaxShards"/>), e.g. <c>2/4</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="name">What the text is called in the message, e.g. an option name.</param>
    /// <returns>K and N.</returns>
    /// <exception cref="ArgumentException">Any other text; the message names <paramref name="name"/> and the text.</exception>
    public static (int Shard, int Shards) ParseSpec(string text, string name = "shard")
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int k)
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n)
            && n is >= 1 and <= MaxShards && k >= 1 && k <= n)
            return (k, n);
        throw new ArgumentException($"{name} '{text}': give K/N with 1 <= K <= N <= {MaxShards}, e.g. 2/4.");
    }

    /// <summary>This shard, 1-based.</summary>
    public int Shard { get; }

    /// <summary>Number of shards of the run.</summary>
    public int Shards { get; }

    /// <summary>Per setting key (its non-default levels, e.g. <c>PlaceboSd:1</c>; empty for the default), the replicate r per observation.</summary>
    public ImmutableDictionary<string, ImmutableArray<ImmutableArray<double>>> Cells { get; }

    /// <summary>Patient simulations this shard ran.</summary>
    public long SubjectSimulations { get; }

    /// <summary>Wall-clock time of this shard (zero for a shard read from a file).</summary>
    public TimeSpan Elapsed { get; }
}
