using System.Text.Json;

namespace KetaminePkPd.Tests.Cli;

/// <summary><c>ketamine-pkpd sensitivity</c>, run in-process on small settings (100 replicates, pools of 400).</summary>
public sealed class SensitivityCommandTests
{
    private static readonly string[] Small = ["sensitivity", "--replicates", "100", "--pool", "400", "--quiet"];

    [Fact]
    public void Sensitivity_SmallRun_PrintsTableFrontierAndWritesCsvJsonAndPlots()
    {
        using var dir = new TempDirectory();
        var run = CliRunner.Run([.. Small, "--vary", "placebo-sd,cadss-noise-sd", "--out", dir.File("cells.csv"), "--plot", dir.File("t.png")]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("", run.Stderr);
        foreach (var text in new[] { "One assumption at a time", "placebo-sd", "SD 10 (default)", "cadss-noise-sd", "What it would take", "Common random numbers" })
            Assert.Contains(text, run.Stdout, StringComparison.Ordinal);
        var lines = File.ReadAllLines(dir.File("cells.csv"));
        // Header, then (default + 7 placebo-sd levels + 5 CADSS noise levels) x 2 observations.
        Assert.Equal(1 + (1 + 7 + 5) * 2, lines.Length);
        Assert.StartsWith("kind,assumption_1,level_1,value_1,multiplier_1,", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.DoesNotContain("NaN", l, StringComparison.Ordinal));
        foreach (var name in new[] { "t-230min.png", "t-7d.png" })
        {
            var bytes = File.ReadAllBytes(dir.File(name));
            Assert.True(bytes.Length > 10_000 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G', name);
        }
    }

    [Fact]
    public void Sensitivity_Json_HasEveryCellAndFrontierAndIsReproducible()
    {
        string[] args = [.. Small, "--vary", "dose-spread", "--pair", "placebo-mean,baseline-mean", "--seed", "4", "--json"];
        var first = CliRunner.Run(args);
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(first.Stdout, CliRunner.Run(args).Stdout);
        using var doc = JsonDocument.Parse(first.Stdout);
        var root = doc.RootElement;
        Assert.Equal(4UL, root.GetProperty("seed").GetUInt64());
        var cells = root.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal((1 + 5 + 25) * 2, cells.Count);
        Assert.Equal(5 * 2, cells.Count(c => c.GetProperty("kind").GetString() == "one-at-a-time"));
        foreach (var c in cells)
        {
            double p = c.GetProperty("twoSidedP").GetDouble();
            Assert.InRange(p, 0, 1);
            Assert.Equal(p >= 0.05, c.GetProperty("verdict").GetString() == "compatible");
        }
        Assert.Equal(3, root.GetProperty("frontiers").GetArrayLength());
        Assert.Equal("ketamine-pkpd sensitivity --vary dose-spread --pair placebo-mean,baseline-mean --replicates 100 --subjects 400 --seed 4",
            root.GetProperty("reproduce").GetString());
    }

    [Theory]
    [InlineData("--vary", "telepathy", "--vary 'telepathy': unknown assumption")]
    [InlineData("--pair", "placebo-sd", "--pair 'placebo-sd'")]
    [InlineData("--plot-heatmap", "h.png", "--plot-heatmap needs --pair")]
    [InlineData("--rho", "0.3", "--rho applies to the shared-sensitivity hypothesis")]
    [InlineData("--observed-r", "-0.3", "go together")]
    public void Sensitivity_BadInput_PrintsOneLineAndExitsTwo(string option, string value, string expected)
    {
        var run = CliRunner.Run([.. Small, option, value]);
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.StderrLines);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }
}
