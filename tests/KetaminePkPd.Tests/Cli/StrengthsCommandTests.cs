using System.Text.Json;

namespace KetaminePkPd.Tests.Cli;

/// <summary><c>ketamine-pkpd strengths</c>, run in-process on small settings (100 replicates, pools of 400).</summary>
public sealed class StrengthsCommandTests
{
    private static readonly string[] Small = ["strengths", "--replicates", "100", "--pool", "400", "--quiet", "--no-detection"];

    [Fact]
    public void Strengths_Json_HasEveryGridPointAndInterval()
    {
        using var dir = new TempDirectory();
        var run = CliRunner.Run([.. Small, "--strength", "threshold", "--json", "--plot", dir.File("s.png")]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        Assert.Equal(9, root.GetProperty("points").GetArrayLength());
        Assert.Equal(3, root.GetProperty("intervals").GetArrayLength());
        Assert.Equal("bonferroni", root.GetProperty("combination").GetString());
        Assert.All(root.GetProperty("points").EnumerateArray(), p => Assert.InRange(p.GetProperty("combinedP").GetDouble(), 0, 1));
        Assert.True(new FileInfo(dir.File("s-threshold.png")).Length > 10_000);
    }

    [Fact]
    public void Strengths_Report_ShowsTableIntervalAndCombination()
    {
        var run = CliRunner.Run([.. Small, "--strength", "share", "--combine", "fisher"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Compatibility interval (p >= 0.05) of share", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Fisher's method", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--strength", "telepathy", "--strength 'telepathy'")]
    [InlineData("--combine", "average", "--combine 'average'")]
    public void Strengths_BadInput_PrintsOneLineAndExitsTwo(string option, string value, string expected)
    {
        var run = CliRunner.Run([.. Small, option, value]);
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.StderrLines);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
    }
}
