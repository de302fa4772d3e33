namespace KetaminePkPd.Tests.Cli;

/// <summary>
/// Valid input whose statistic is undefined in some replicate trials (a constant column in a trial of a few patients)
/// is reported with a count of the undefined replicates, never an internal error.
/// </summary>
public sealed class UndefinedReplicateTests
{
    [Theory]
    [InlineData("dose-ranging", "4", "1d")]
    [InlineData("dose-ranging", "5", "1d")]
    [InlineData("esketamine-intranasal", "5", "1d")]
    public void Hypothesis_TinyTrials_CountsUndefinedReplicatesAndSucceeds(string design, string n, string at)
    {
        var run = CliRunner.Run("hypothesis", "--design", design, "--observed-r", "-0.3", "--observed-n", n, "--observed-at", at,
            "--pool", "400", "--replicates", "200", "--hypothesis", "exposure-only", "--quiet");
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        Assert.Equal("", run.Stderr);
        Assert.DoesNotContain("NaN", run.Stdout);
    }

    [Fact]
    public void Hypothesis_TinyTrialsJson_ReportsTheUndefinedCount()
    {
        var run = CliRunner.Run("hypothesis", "--design", "dose-ranging", "--observed-r", "-0.3", "--observed-n", "4", "--observed-at", "1d",
            "--pool", "400", "--replicates", "200", "--hypothesis", "exposure-only", "--json");
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        using var doc = System.Text.Json.JsonDocument.Parse(run.Stdout);
        var c = doc.RootElement.GetProperty("comparisons")[0];
        int undefinedPartial = c.GetProperty("undefinedPartialR").GetInt32();
        int undefinedR = c.GetProperty("undefinedR").GetInt32();
        // One patient in five is on placebo (concentration 0): all four of a trial are placebo with probability about
        // (1/5)^4, so some of 200 replicates may have a constant concentration; r itself is defined (rating noise).
        Assert.InRange(undefinedR, 0, 200);
        Assert.InRange(undefinedPartial, 0, 200);
        Assert.Equal(200 - undefinedR, c.GetProperty("replicates").GetInt32());
    }

    [Fact]
    public void Hypothesis_DesignWithOnlyAPlaceboArm_FailsWithOneLineNamingTheStatistic()
    {
        using var dir = new TempDirectory();
        var path = dir.File("placebo.json");
        File.WriteAllText(path, """
            { "name": "placebo only", "assessments": ["1d"],
              "arms": [ { "name": "placebo", "route": "iv", "dose": "0mg", "infusion": "40min", "subjects": 40 } ] }
            """);
        var run = CliRunner.Run("hypothesis", "--design", path, "--observed-r", "-0.3", "--observed-n", "10", "--observed-at", "1d",
            "--pool", "400", "--replicates", "200", "--hypothesis", "exposure-only", "--quiet");
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.Stderr}");
        Assert.Single(run.StderrLines);
        Assert.Contains("undefined in all 200 replicate trials", run.Stderr);
    }
}
