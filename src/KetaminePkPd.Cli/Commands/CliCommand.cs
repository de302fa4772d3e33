namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// One subcommand of the tool: its System.CommandLine <see cref="Command"/> with the options the derived class declares,
/// run through the one execute path (<see cref="CommandRun.SetAction"/>).
/// </summary>
internal abstract class CliCommand
{
    /// <summary>Creates the command and makes <see cref="Execute"/> its action.</summary>
    /// <param name="name">The command's name, e.g. <c>compare</c>.</param>
    /// <param name="description">The text at the top of its help.</param>
    protected CliCommand(string name, string description)
    {
        Command = new Command(name, description);
        CommandRun.SetAction(Command, Execute);
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    /// <summary>Adds the command's options and arguments, in the order its help lists them.</summary>
    protected void Add(params Symbol[] symbols)
    {
        foreach (var symbol in symbols)
        {
            if (symbol is Argument argument) Command.Arguments.Add(argument);
            else Command.Options.Add((Option)symbol);
        }
    }

    /// <summary>The command's body: reads the options from <paramref name="ctx"/>, runs and writes the result; returns the exit code.</summary>
    protected abstract int Execute(CommandContext ctx);
}
