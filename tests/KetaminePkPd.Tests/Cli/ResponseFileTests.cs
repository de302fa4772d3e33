using KetaminePkPd.Cli;
using KetaminePkPd.Cli.Commands;

namespace KetaminePkPd.Tests.Cli;

/// <summary>
/// Response files (<c>@file</c>) are read by <see cref="ToolParserConfiguration"/> with a bound (issue 17, class 3): one or
/// more arguments per line, <c>#</c> comments, nesting at most 8 deep, at most 1 MB of text; anything else is one line
/// naming the file, exit code 2.
/// </summary>
public sealed class ResponseFileTests
{
    [Fact]
    public void ResponseFile_ArgumentsCommentsQuotesAndNesting_AreRead()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("inner.rsp"), "--step \"30 min\"\n");
        File.WriteAllText(dir.File("outer.rsp"), $"# the simulated time\n--until 1h\n\n@{dir.File("inner.rsp")}\n");
        var run = CliRunner.Run("simulate", "@" + dir.File("outer.rsp"), "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var direct = CliRunner.Run("simulate", "--until", "1h", "--step", "30 min", "--json");
        Assert.Equal(direct.Stdout, run.Stdout);
    }

    [Fact]
    public void ResponseFile_NamingItself_IsRefusedAfterEightLevels()
    {
        using var dir = new TempDirectory();
        string self = dir.File("self.rsp");
        File.WriteAllText(self, "@" + self + "\n");
        var run = CliRunner.Run("simulate", "@" + self);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: response file '@{self}': response files nested more than {ToolParserConfiguration.MaxDepth} deep. See 'ketamine-pkpd simulate --help'.",
            Assert.Single(run.StderrLines));
    }

    [Fact]
    public void ResponseFile_OverOneMegabyte_IsRefusedNamingIt()
    {
        using var dir = new TempDirectory();
        string big = dir.File("big.rsp");
        File.WriteAllText(big, "--quiet\n" + new string('\n', ToolParserConfiguration.MaxResponseFileBytes));
        var run = CliRunner.Run("trial", "@" + big);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: response file '@{big}' is larger than the limit of 1 MB.", Assert.Single(run.StderrLines), StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void ResponseFile_NotUtf8_IsRefusedNamingIt()
    {
        using var dir = new TempDirectory();
        string latin1 = dir.File("latin1.rsp");
        File.WriteAllBytes(latin1, [.. "--design caf"u8, 0xE9, (byte)'\n']);
        var run = CliRunner.Run("trial", "@" + latin1);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: response file '@{latin1}' is not UTF-8 text.", Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }
}
