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
    [InlineData("--model", "domino|hijazi|herd|perez-ruixo", "[default: domino for racemic, perez-ruixo for esketamine]")]
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

    /// <summary>The help entry of one option: its first line and the wrapped continuation lines, whitespace collapsed.</summary>
    private static string OptionEntry(string help, string option)
    {
        var lines = help.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        int start = Array.FindIndex(lines, l => l.StartsWith("  " + option + " ", StringComparison.Ordinal));
        Assert.True(start >= 0, $"{option} missing from help");
        var entry = new List<string> { lines[start] };
        for (int i = start + 1; i < lines.Length && lines[i].StartsWith("   ", StringComparison.Ordinal); i++) entry.Add(lines[i]);
        return string.Join(' ', string.Join(' ', entry).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void SimulateHelp_EndsWithRunnableExamples()
    {
        var run = CliRunner.Run("simulate", "--help");

        int examples = run.Stdout.IndexOf("Examples:", StringComparison.Ordinal);
        Assert.True(examples > 0);
        var lines = run.Stdout[examples..].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).ToArray();
        Assert.NotEmpty(lines);
        foreach (var line in lines.Where(l => !l.Contains("--out", StringComparison.Ordinal)))
        {
            Assert.StartsWith("ketamine-pkpd simulate", line, StringComparison.Ordinal);
            var args = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
            var result = CliRunner.Run(args);
            Assert.True(result.ExitCode == 0, $"'{line}' failed: {result.Stderr}");
        }
    }
}
