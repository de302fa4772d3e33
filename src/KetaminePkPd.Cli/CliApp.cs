using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace KetaminePkPd.Cli;

/// <summary>
/// The <c>ketamine-pkpd</c> command line: builds the command tree and runs it against the given writers, so that tests
/// run the tool in-process.
/// </summary>
internal static class CliApp
{
    /// <summary>The command name, as installed by <c>dotnet tool install</c>.</summary>
    public const string Name = KetaminePkPd.Application.CommandLineText.Tool;

    /// <summary>Description of the root command.</summary>
    public const string Description = "ketamine-pkpd: simulate ketamine and esketamine in the body and in the mind";

    /// <summary>Parses <paramref name="args"/>, runs the command and returns the process exit code.</summary>
    /// <param name="args">Command-line arguments, without the program name.</param>
    /// <param name="stdout">Where results and help go.</param>
    /// <param name="stderr">Where errors go: one line, <c>error: ...</c>.</param>
    /// <returns>0 on success, 2 for bad input or an unwritable output, 1 when a computation failed.</returns>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = Build();
        var parseResult = root.Parse(args, new ToolParserConfiguration());
        // No stack traces, ever: an unexpected exception is a bug of ours, reported in one line with exit code 1.
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction and not ExamplesHelpAction)
        {
            string command = string.Join(' ', CommandPath(parseResult.CommandResult.Command, root));
            string messages = string.Join(" ", parseResult.Errors.Select(e => e.Message.TrimEnd('.') + "."));
            stderr.WriteLine($"error: {CliErrors.Printable(messages)} See '{command} --help'.");
            return CliErrors.Usage;
        }
        try
        {
            return parseResult.Invoke(configuration);
        }
        catch (IOException ex)
        {
            // Writing help or the version to a full or closed stdout.
            return CliErrors.Report(stderr, ex);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            stderr.WriteLine($"error: internal error ({ex.GetType().Name}: {CliErrors.Printable(ErrorText.OneLine(ex))}); please report it with the command line that caused it.");
            return CliErrors.Failure;
        }
    }

    /// <summary>The command tree: the root with its help and version options and one subcommand per command.</summary>
    internal static Command Build()
    {
        // A plain Command rather than RootCommand: RootCommand takes its name from the host executable, which under a
        // test runner or `dotnet run` is not the tool's name.
        var root = new Command(Name, Description)
        {
            new HelpOption { Recursive = true },
            new VersionOption(),
        };
        var examples = new Dictionary<Command, IReadOnlyList<string>> { [root] = CommandLineText.Examples("") };
        void Add(Command command)
        {
            root.Subcommands.Add(command);
            examples[command] = CommandLineText.Examples(command.Name);
        }
        Add(new SimulateCommand().Command);
        Add(new TrialCommand().Command);
        Add(new HypothesisCommand().Command);
        Add(new CompareCommand().Command);
        Add(new DoseResponseCommand().Command);
        Add(new ReportCommand().Command);
        Add(new ValidateCommand().Command);
        Add(new SensitivityCommand().Command);
        Add(new StrengthsCommand().Command);
        Add(new EvidenceCommand().Command);
        Add(new MergeCommand().Command);
        // --quiet/-q on every command, so scripts can pass it to any of them; commands without progress accept and ignore it.
        foreach (var command in root.Subcommands.Where(c => !c.Options.Any(o => o.Name == "--quiet")))
            command.Options.Add(SharedOptions.Quiet());
        var help = root.Options.OfType<HelpOption>().Single();
        var helpAction = new ExamplesHelpAction((HelpAction)help.Action!, examples);
        help.Action = helpAction;
        // Without a subcommand, show the help (and exit 2, as no work was done).
        root.SetAction(p => { helpAction.Invoke(p); return CliErrors.Usage; });
        return root;
    }

    private static IEnumerable<string> CommandPath(Command command, Command root)
    {
        if (command == root) return [Name];
        var parents = command.Parents.OfType<Command>().FirstOrDefault();
        return parents is null ? [Name, command.Name] : [.. CommandPath(parents, root), command.Name];
    }

    /// <summary>The standard help followed by an Examples section.</summary>
    private sealed class ExamplesHelpAction(HelpAction inner, IReadOnlyDictionary<Command, IReadOnlyList<string>> examples) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var output = parseResult.InvocationConfiguration.Output;
            inner.MaxWidth = Output.ConsoleOutput.IsTerminal(output) ? Math.Max(40, SafeWindowWidth()) : Output.ConsoleOutput.RedirectedWidth;
            int code = inner.Invoke(parseResult);
            if (examples.TryGetValue(parseResult.CommandResult.Command, out var lines))
            {
                output.WriteLine("Examples:");
                foreach (var line in lines) output.WriteLine("  " + line);
                output.WriteLine();
            }
            return code;
        }

        private static int SafeWindowWidth()
        {
            try
            {
                return Console.WindowWidth;
            }
            catch (IOException)
            {
                return Output.ConsoleOutput.RedirectedWidth;
            }
        }
    }
}
