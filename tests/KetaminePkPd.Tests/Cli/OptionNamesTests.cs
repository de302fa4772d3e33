using System.CommandLine;
using KetaminePkPd.Cli;

namespace KetaminePkPd.Tests.Cli;

/// <summary>Option names that mean the same in every command.</summary>
public sealed class OptionNamesTests
{
    [Fact]
    public void EveryCommand_HasQuietWithItsShortName()
    {
        foreach (var command in CliApp.Build().Subcommands)
        {
            var quiet = command.Options.SingleOrDefault(o => o.Name == "--quiet");
            Assert.True(quiet is not null, $"{command.Name} has no --quiet");
            Assert.Contains("-q", quiet.Aliases);
        }
    }

    [Fact]
    public void Simulate_Quiet_RunsAsWithout()
    {
        var quiet = CliRunner.Run("simulate", "--quiet", "--until", "1h", "--json");
        var plain = CliRunner.Run("simulate", "--until", "1h", "--json");
        Assert.Equal(0, quiet.ExitCode);
        Assert.Equal(plain.Stdout, quiet.Stdout);
        Assert.Equal(0, CliRunner.Run("simulate", "-q", "--until", "1h").ExitCode);
    }
}
