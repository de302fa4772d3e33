using System.Diagnostics;

namespace KetaminePkPd.Tests.Cli;

/// <summary>
/// <c>sensitivity --shard K/N</c> and <c>merge</c>: four shards run as separate processes merge into exactly the unsharded
/// output (byte-identical JSON and CSV). Small settings (100 replicates, pools of 400, 5 pools); about 5-10 s, most of it
/// process start-up.
/// </summary>
public sealed class ShardMergeTests
{
    private static readonly string[] Analysis = ["--vary", "dose-spread,placebo-sd", "--replicates", "100", "--pool", "400", "--seed", "7", "--quiet"];

    [Fact]
    public void Merge_FourShardsAsSeparateProcesses_GiveTheUnshardedJsonAndCsvByteForByte()
    {
        using var dir = new TempDirectory();
        var whole = CliRunner.Run(["sensitivity", .. Analysis, "--json", "--out", dir.File("whole.csv")]);
        Assert.True(whole.ExitCode == 0, whole.Stderr);

        string cli = Path.Combine(AppContext.BaseDirectory, "ketamine-pkpd.dll");
        var processes = Enumerable.Range(1, 4).Select(k =>
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in (string[])[cli, "sensitivity", .. Analysis, "--shard", $"{k}/4", "--out", dir.File($"part-{k}.json")]) info.ArgumentList.Add(a);
            return Process.Start(info)!;
        }).ToList();
        foreach (var process in processes)
        {
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, error);
        }

        var merged = CliRunner.Run(["merge", dir.File("part-2.json"), dir.File("part-4.json"), dir.File("part-1.json"), dir.File("part-3.json"),
            "--json", "--out", dir.File("merged.csv"), "--quiet"]);
        Assert.True(merged.ExitCode == 0, merged.Stderr);
        Assert.Equal(whole.Stdout, merged.Stdout);
        Assert.Equal(File.ReadAllBytes(dir.File("whole.csv")), File.ReadAllBytes(dir.File("merged.csv")));

        var missing = CliRunner.Run(["merge", dir.File("part-1.json"), dir.File("part-2.json")]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("shards 1 to 4 exactly once", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_ShardWithAnEditedValue_IsRefusedNamingTheFile()
    {
        using var dir = new TempDirectory();
        string part = dir.File("part-1.json");
        var shard = CliRunner.Run(["sensitivity", .. Analysis, "--shard", "1/1", "--out", part]);
        Assert.True(shard.ExitCode == 0, shard.Stderr);
        string text = File.ReadAllText(part);
        int at = text.IndexOf("[[", StringComparison.Ordinal) + 2;
        File.WriteAllText(part, text[..at] + "0.5" + text[text.IndexOf(',', at)..]);

        var run = CliRunner.Run("merge", part, "--out", dir.File("cells.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: '{part}': the content does not match its checksum (a value was edited or the file is damaged); rerun shard 1 of 1.", Assert.Single(run.StderrLines));
        Assert.Equal("", run.Stdout);
        Assert.False(File.Exists(dir.File("cells.csv")));
    }

    [Theory]
    [InlineData("5/4")]
    [InlineData("0/3")]
    [InlineData("two")]
    public void Sensitivity_BadShard_PrintsOneLineAndExitsTwo(string shard)
    {
        using var dir = new TempDirectory();
        var run = CliRunner.Run(["sensitivity", .. Analysis, "--shard", shard, "--out", dir.File("p.json")]);
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.StderrLines);
        Assert.Contains($"--shard '{shard}'", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("p.json")));
    }

    [Fact]
    public void Merge_NotAShardFile_PrintsOneLineAndExitsTwo()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("x.json"), "{\"format\": \"something else\"}");
        var run = CliRunner.Run(["merge", dir.File("x.json")]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not a sensitivity shard file", run.Stderr, StringComparison.Ordinal);
    }
}
