namespace KetaminePkPd.Tests.Cli;

/// <summary>
/// <c>sensitivity --global --shard K/N</c> and <c>merge</c>: three shards merge into exactly the unsharded output (byte-identical
/// JSON and CSV of worlds); an edited shard and a missing shard are refused in one line. Small settings (6 worlds, exposure-only,
/// 100 replicates, pools of 240); a few seconds.
/// </summary>
public sealed class GlobalShardMergeTests
{
    private static readonly string[] Analysis = ["sensitivity", "--global", "--worlds", "6", "--hypothesis", "exposure-only", "--replicates", "100", "--seed", "4", "--quiet"];

    [Fact]
    public void Merge_ThreeGlobalShards_GiveTheUnshardedJsonAndCsvByteForByte()
    {
        using var dir = new TempDirectory();
        var whole = CliRunner.Run([.. Analysis, "--json", "--out", dir.File("whole.csv")]);
        Assert.True(whole.ExitCode == 0, whole.Stderr);
        for (int k = 1; k <= 3; k++)
        {
            var shard = CliRunner.Run([.. Analysis, "--shard", $"{k}/3", "--out", dir.File($"part-{k}.json")]);
            Assert.True(shard.ExitCode == 0, shard.Stderr);
        }

        var merged = CliRunner.Run(["merge", dir.File("part-3.json"), dir.File("part-1.json"), dir.File("part-2.json"), "--json", "--out", dir.File("merged.csv")]);

        Assert.True(merged.ExitCode == 0, merged.Stderr);
        Assert.Equal(whole.Stdout, merged.Stdout);
        Assert.Equal(File.ReadAllBytes(dir.File("whole.csv")), File.ReadAllBytes(dir.File("merged.csv")));
        Assert.Contains("\"plausibleWorlds\"", merged.Stdout, StringComparison.Ordinal);
        Assert.Equal(7, File.ReadAllLines(dir.File("merged.csv")).Length);   // a header and one row per world

        var missing = CliRunner.Run(["merge", dir.File("part-1.json"), dir.File("part-2.json")]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("error: Merge needs shards 1 to 3 exactly once each, got 1, 2.", Assert.Single(missing.StderrLines));

        string text = File.ReadAllText(dir.File("part-1.json"));
        int at = text.IndexOf("\"multipliers\":[", StringComparison.Ordinal) + "\"multipliers\":[".Length;
        File.WriteAllText(dir.File("part-1.json"), text[..at] + "0.5" + text[text.IndexOf(',', at)..]);
        var edited = CliRunner.Run(["merge", dir.File("part-1.json"), dir.File("part-2.json"), dir.File("part-3.json")]);
        Assert.Equal(2, edited.ExitCode);
        Assert.Contains("the content does not match its checksum", Assert.Single(edited.StderrLines), StringComparison.Ordinal);
    }

    /// <summary>The report names the plausibility targets, the share compatible per hypothesis and observation, and the importance table.</summary>
    [Fact]
    public void Global_Report_ShowsPlausibilityShareAndImportance()
    {
        var run = CliRunner.Run(["sensitivity", "--global", "--worlds", "4", "--hypothesis", "exposure-only", "--replicates", "100", "--quiet"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Global analysis: the verdict across every plausible world", run.Stdout, StringComparison.Ordinal);
        foreach (string target in (string[])["cadss-mean", "cadss-sd", "iv-sal-response-1d", "iv-sal-placebo-response-1d", "iv-sd-ratio-1d"])
            Assert.Contains(target, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Plausible worlds: ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Importance for exposure-only", run.Stdout, StringComparison.Ordinal);
    }
}
