using System.Text;
using KetaminePkPd.Application.Reporting;
using KetaminePkPd.Sensitivity;

namespace KetaminePkPd.Tests.Application.Reporting;

/// <summary>
/// <see cref="SensitivityShardFile"/>: the partial result file of a shard, written and read back in memory, merges into
/// exactly the unsharded result; bad files, mixed analyses and bad shard specs are refused with messages naming them.
/// Small settings (100 replicates, pools of 400, seed 5, one clinical assumption: one pool).
/// </summary>
public sealed class SensitivityShardFileTests
{
    private static readonly SensitivitySettings Small = SensitivitySettings.Default with
    {
        Assumptions = [SensitivityAssumption.PlaceboSd],
        Replicates = 100,
        PoolSize = 400,
        Seed = 5,
    };

    private static SensitivityShardFile RoundTrip(SensitivityShardFile file, out byte[] bytes)
    {
        using var stream = new MemoryStream();
        file.Write(stream);
        bytes = stream.ToArray();
        return SensitivityShardFile.Read(new MemoryStream(bytes), "part.json");
    }

    [Fact]
    public void WriteRead_TwoShards_MergeIntoTheUnshardedResultBitForBit()
    {
        string[] analysis = ["--vary", "placebo-sd", "--seed", "5"];
        var files = Enumerable.Range(1, 2).Select(k => RoundTrip(new SensitivityShardFile(analysis, SensitivityAnalysis.RunShard(Small, k, 2)), out _)).ToList();
        Assert.All(files, f => Assert.Equal(analysis, f.Analysis.ToArray()));

        var (stored, shards) = SensitivityShardFile.Combine(files, ["part-1.json", "part-2.json"]);
        Assert.Equal(analysis, stored.ToArray());
        var merged = SensitivityAnalysis.Merge(Small, shards.Reverse());
        var whole = SensitivityResult.Run(Small);
        Assert.Equal(whole.OneAtATime.Length, merged.OneAtATime.Length);
        for (int c = 0; c < whole.OneAtATime.Length; c++)
            for (int o = 0; o < Small.Observed.Length; o++)
                Assert.Equal(whole.OneAtATime[c].Outcomes[o].R.Values.ToArray(), merged.OneAtATime[c].Outcomes[o].R.Values.ToArray());
        Assert.Equal(whole.SubjectSimulations, merged.SubjectSimulations);
    }

    [Fact]
    public void Write_SameShard_GivesTheSameBytesOnOneLine()
    {
        var shard = SensitivityAnalysis.RunShard(Small, 1, 1);
        RoundTrip(new SensitivityShardFile(["a"], shard), out var first);
        RoundTrip(new SensitivityShardFile(["a"], shard), out var second);
        Assert.Equal(first, second);
        string text = Encoding.UTF8.GetString(first);
        Assert.StartsWith($"{{\"format\":\"{SensitivityShardFile.Format}\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text);
    }

    [Theory]
    [InlineData("{\"format\": \"something else\"}", "'x.json' is not a sensitivity shard file (format 'something else'")]
    [InlineData("not json", "'x.json' is not a sensitivity shard file (")]
    public void Read_NotAShardFile_Throws(string content, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => SensitivityShardFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(content)), "x.json"));
        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AReplicateValueOrTheAnalysisEdited_IsRefusedByTheChecksum()
    {
        RoundTrip(new SensitivityShardFile(["--seed", "5"], SensitivityAnalysis.RunShard(Small, 1, 2)), out var bytes);
        string text = Encoding.UTF8.GetString(bytes);
        int at = text.IndexOf("[[", StringComparison.Ordinal) + 2;
        string firstValue = text[at..text.IndexOf(',', at)];
        foreach (string edited in new[]
                 {
                     text[..at] + (double.Parse(firstValue, System.Globalization.CultureInfo.InvariantCulture) + 0.25).ToString("R", System.Globalization.CultureInfo.InvariantCulture) + text[(at + firstValue.Length)..],
                     text.Replace("\"--seed\",\"5\"", "\"--seed\",\"6\"", StringComparison.Ordinal),
                     System.Text.RegularExpressions.Regex.Replace(text, ",\"checksum\":\"[0-9a-f]+\"", ""),
                 })
        {
            Assert.NotEqual(text, edited);
            var ex = Assert.Throws<ArgumentException>(() => SensitivityShardFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(edited)), "part-1.json"));
            Assert.Equal("'part-1.json': the content does not match its checksum (a value was edited or the file is damaged); rerun shard 1 of 2.", ex.Message);
        }
        Assert.Contains("\"checksum\":\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Combine_FilesOfDifferentAnalyses_ThrowsNamingTheFile()
    {
        var shard = SensitivityShard.Create(1, 2, new Dictionary<string, IReadOnlyList<IReadOnlyList<double>>>(), 0);
        var ex = Assert.Throws<ArgumentException>(() => SensitivityShardFile.Combine(
            [new SensitivityShardFile(["--seed", "1"], shard), new SensitivityShardFile(["--seed", "2"], shard)], ["a.json", "b.json"]));
        Assert.Equal("'b.json' comes from another analysis (--seed 2) than 'a.json' (--seed 1).", ex.Message);
    }

    [Theory]
    [InlineData("2/4", 2, 4)]
    [InlineData("1/1", 1, 1)]
    [InlineData("10000/10000", 10_000, 10_000)]
    public void ParseSpec_Valid_ReturnsShardAndCount(string text, int k, int n) =>
        Assert.Equal((k, n), SensitivityShard.ParseSpec(text));

    [Theory]
    [InlineData("5/4")]
    [InlineData("0/3")]
    [InlineData("two")]
    [InlineData("1/10001")]
    [InlineData("-1/2")]
    public void ParseSpec_Invalid_ThrowsNamingTheText(string text)
    {
        var ex = Assert.Throws<ArgumentException>(() => SensitivityShard.ParseSpec(text, "--shard"));
        Assert.Equal($"--shard '{text}': give K/N with 1 <= K <= N <= 10000, e.g. 2/4.", ex.Message);
    }
}
