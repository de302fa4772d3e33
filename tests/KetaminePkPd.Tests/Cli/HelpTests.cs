namespace KetaminePkPd.Tests.Cli;

/// <summary>The help texts of the root command and of <c>simulate</c>.</summary>
public sealed class HelpTests
{
    [Fact]
    public void RootHelp_DescribesTheToolAndListsSimulate()
    {
        var run = CliRunner.Run("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ketamine-pkpd: simulate ketamine and esketamine in the body and in the mind", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("simulate", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Examples:", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void NoArguments_ShowsHelpAndExitsNonZero()
    {
        var run = CliRunner.Run();

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--drug", "racemic|esketamine", "[default: racemic")]
    [InlineData("--model", "domino|hijazi|clements|herd|perez-ruixo", "[default: domino for racemic, perez-ruixo for esketamine]")]
    [InlineData("--route", "iv|intranasal|oral|sublingual|im|sc", "[default: iv for racemic")]
    [InlineData("--dose", "mg/kg", "[default: 0.5mg/kg for racemic, 56mg for esketamine]")]
    [InlineData("--infusion", "40min", "[default: 40min for iv]")]
    [InlineData("--rate", "mg/kg/h", "not with --dose")]
    [InlineData("--repeat", "<count>", "[default: 1]")]
    [InlineData("--interval", "3.5d", "Required when --repeat > 1")]
    [InlineData("--weight", "kg", "[default: 70kg]")]
    [InlineData("--age", "years", "[default: 45]")]
    [InlineData("--ancestry", "non-asian|asian|japanese", "[default: non-asian]")]
    [InlineData("--until", "24h", "[default: 24h]")]
    [InlineData("--step", "5min", "[default: 5min]")]
    [InlineData("--solver", "exact|dopri5|rodas4", "[default: exact]")]
    [InlineData("--out", "time_h", "atomically")]
    [InlineData("--json", "JSON", "stdout")]
    public void SimulateHelp_DocumentsEveryOptionWithUnitDefaultAndValues(string option, string valuesOrUnit, string defaultOrRule)
    {
        var run = CliRunner.Run("simulate", "--help");

        Assert.Equal(0, run.ExitCode);
        string entry = OptionEntry(run.Stdout, option);
        Assert.Contains(valuesOrUnit, entry, StringComparison.Ordinal);
        Assert.Contains(defaultOrRule, entry, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--design", "nimh, dose-ranging, esketamine-intranasal, twice-weekly, or a JSON scenario file (file.json)", "[default: nimh]")]
    [InlineData("-n, --subjects", "<count>", "[default: the design's own: 108 for nimh")]
    [InlineData("--hypothesis", "exposure-only|shared-sensitivity|mediation|expectancy", "[default: exposure-only")]
    [InlineData("--rho", "-1..1", "[default: 0.7]")]
    [InlineData("--share", "0..1", "[default: 0.5]")]
    [InlineData("--threshold, --threshold-cadss", "CADSS", "[default: 20]")]
    [InlineData("--boost", "MADRS", "[default: 6]")]
    [InlineData("--seed", "<seed>", "[default: 1]")]
    [InlineData("--out", "pct_change_<scale>_<t>", "atomically")]
    [InlineData("--json", "JSON", "improvementR")]
    [InlineData("-q, --quiet", "progress", "stderr")]
    public void TrialHelp_DocumentsEveryOptionWithUnitDefaultAndValues(string option, string valuesOrUnit, string defaultOrRule)
    {
        var run = CliRunner.Run("trial", "--help");

        Assert.Equal(0, run.ExitCode);
        string entry = OptionEntry(run.Stdout, option);
        Assert.Contains(valuesOrUnit, entry, StringComparison.Ordinal);
        Assert.Contains(defaultOrRule, entry, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--observed-r", "<r>", "[default: Luckenbaugh 2014: r = -0.35 at 230 min (n 58) and r = -0.41 at 7 d (n 39)]")]
    [InlineData("--observed-n", "<n>", "4 to 1000000")]
    [InlineData("--observed-at", "<time>", "230min")]
    [InlineData("--observed", "<file.csv>", "pct_change")]
    [InlineData("--replicates", "<count>", "[default: 2000]")]
    [InlineData("-n, --pool, --subjects", "<count>", "[default: 10000]")]
    [InlineData("--out", "<file.csv>", "partial_r")]
    [InlineData("--seed", "<seed>", "[default: 1]")]
    [InlineData("--design", "nimh, dose-ranging, esketamine-intranasal, twice-weekly, or a JSON scenario file (file.json)", "[default: nimh]")]
    [InlineData("--hypothesis", "exposure-only|shared-sensitivity|mediation|expectancy", "[default: all four")]
    [InlineData("--rho", "-1..1", "[default: 0.7]")]
    [InlineData("--share", "0..1", "[default: 0.5]")]
    [InlineData("--threshold, --threshold-cadss", "CADSS", "[default: 20]")]
    [InlineData("--boost", "MADRS", "[default: 6]")]
    [InlineData("--json", "JSON", "reading")]
    [InlineData("-q, --quiet", "progress", "stderr")]
    public void HypothesisHelp_DocumentsEveryOptionWithUnitDefaultAndValues(string option, string valuesOrUnit, string defaultOrRule)
    {
        var run = CliRunner.Run("hypothesis", "--help");

        Assert.Equal(0, run.ExitCode);
        string entry = OptionEntry(run.Stdout, option);
        Assert.Contains(valuesOrUnit, entry, StringComparison.Ordinal);
        Assert.Contains(defaultOrRule, entry, StringComparison.Ordinal);
    }

    [Fact]
    public void RootHelp_ListsAllThreeCommands()
    {
        var run = CliRunner.Run("--help");

        foreach (var command in new[] { "simulate", "trial", "hypothesis" })
            Assert.Matches(@"(?m)^\s+" + command + @"\s", run.Stdout);
    }

    [Fact]
    public void RootHelp_ListsAllSixCommands()
    {
        var run = CliRunner.Run("--help");

        foreach (var command in new[] { "simulate", "trial", "hypothesis", "compare", "dose-response", "report" })
            Assert.Matches(@"(?m)^\s+" + command + @"\s", run.Stdout);
    }

    [Theory]
    [InlineData("trial")]
    [InlineData("hypothesis")]
    public void Help_EndsWithExamplesThatParse(string command)
    {
        var run = CliRunner.Run(command, "--help");

        int examples = run.Stdout.IndexOf("Examples:", StringComparison.Ordinal);
        Assert.True(examples > 0);
        var lines = run.Stdout[examples..].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).ToArray();
        Assert.True(lines.Length >= 3);
        foreach (var line in lines)
        {
            Assert.StartsWith("ketamine-pkpd " + command, line, StringComparison.Ordinal);
            var args = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
            var parsed = KetaminePkPd.Cli.CliApp.Build().Parse(args);
            Assert.True(parsed.Errors.Count == 0, $"'{line}': {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
        }
    }

    [Fact]
    public void TrialHelp_ExamplesWithoutFilesRun()
    {
        var run = CliRunner.Run("trial", "--help");

        var lines = run.Stdout[run.Stdout.IndexOf("Examples:", StringComparison.Ordinal)..]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1);
        foreach (var line in lines.Where(l => !l.Contains("--out", StringComparison.Ordinal) && !l.Contains(".json ", StringComparison.Ordinal)
            && !l.Contains("--plot", StringComparison.Ordinal)))
        {
            var result = CliRunner.Run([.. line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..], "--quiet"]);
            Assert.True(result.ExitCode == 0, $"'{line}' failed: {result.Stderr}");
        }
    }

    /// <summary>The help entry of one option (see <see cref="HelpText.OptionEntry"/>).</summary>
    private static string OptionEntry(string help, string option) => HelpText.OptionEntry(help, option);

    [Fact]
    public void SimulateHelp_EndsWithRunnableExamples()
    {
        var run = CliRunner.Run("simulate", "--help");

        int examples = run.Stdout.IndexOf("Examples:", StringComparison.Ordinal);
        Assert.True(examples > 0);
        var lines = run.Stdout[examples..].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).ToArray();
        Assert.NotEmpty(lines);
        foreach (var line in lines.Where(l => !l.Contains("--out", StringComparison.Ordinal) && !l.Contains("--plot", StringComparison.Ordinal)))
        {
            Assert.StartsWith("ketamine-pkpd simulate", line, StringComparison.Ordinal);
            var args = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
            var result = CliRunner.Run(args);
            Assert.True(result.ExitCode == 0, $"'{line}' failed: {result.Stderr}");
        }
    }
}
