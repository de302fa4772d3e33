namespace KetaminePkPd.Cli.Commands;

/// <summary>What a command's body gets: the parse result and the writers for results and for errors and progress.</summary>
/// <param name="Parse">The parsed command line.</param>
/// <param name="Stdout">Where results go.</param>
/// <param name="Stderr">Where errors and progress go.</param>
internal sealed record CommandContext(ParseResult Parse, TextWriter Stdout, TextWriter Stderr)
{
    /// <summary>
    /// The files the run reads, with what named each: the response files, and the values of the command's input options
    /// and arguments (<see cref="FileRoles"/>); a command adds the inputs it finds later (e.g. a design named inside a shard file).
    /// </summary>
    public List<(string Path, string Source)> Inputs { get; } = InputsOf(Parse);

    /// <summary>A new set of output files that may not replace any of <see cref="Inputs"/>.</summary>
    public OutputFiles Outputs() => new(Inputs);

    /// <summary>The values given to the command's options and arguments of one role.</summary>
    internal static IEnumerable<(Symbol Symbol, string Value)> Values(ParseResult parse, Func<Symbol, bool> role) =>
        parse.CommandResult.Command.Options.Cast<Symbol>().Concat(parse.CommandResult.Command.Arguments).Where(role)
            .SelectMany(s => (s switch { Option o => parse.GetResult(o)?.Tokens, Argument a => parse.GetResult(a)?.Tokens, _ => null } ?? []).Select(t => (s, t.Value)));

    private static List<(string Path, string Source)> InputsOf(ParseResult parse) =>
    [
        .. (parse.Configuration as ToolParserConfiguration)?.ResponseFiles.Select(f => (f, OutputFiles.ResponseFile)) ?? [],
        .. Values(parse, s => FileRoles.InputLabel(s) is not null).Select(v => (v.Value, FileRoles.InputLabel(v.Symbol)!)),
    ];

    /// <summary>The value of <paramref name="option"/> (null or default when not given).</summary>
    public T? Get<T>(Option<T> option) => Parse.GetValue(option);

    /// <summary>
    /// Whether to show progress on stderr: never with <paramref name="quiet"/>; with <paramref name="json"/> only when
    /// stderr is a terminal, so redirected output stays clean.
    /// </summary>
    public bool ShowProgress(bool quiet, bool json) => !quiet && (!json || ProgressDisplay.IsTerminal(Stderr));

    /// <summary>
    /// Prints the run's result: <paramref name="json"/> (one JSON object) when <paramref name="asJson"/>, otherwise the
    /// library's <paramref name="report"/> followed by one line naming the files written.
    /// </summary>
    public void Emit(bool asJson, Func<string> json, Func<Report> report, IReadOnlyList<string>? files = null)
    {
        if (asJson)
        {
            Stdout.WriteLine(json());
            Stdout.Flush();
            return;
        }
        ReportRenderer.Write(Stdout, report());
        if (files is { Count: > 0 }) Stdout.WriteLine($"Written: {string.Join(", ", files)}.");
    }
}

/// <summary>
/// The one execute path of every command: runs the command's body and turns the exceptions that mean bad input, an I/O
/// problem or a failed computation into one <c>error:</c> line on stderr with exit code 2 or 1 (<see cref="CliErrors"/>).
/// Anything else is a bug and reaches <see cref="CliApp.Run"/>, which reports it as an internal error.
/// </summary>
internal static class CommandRun
{
    /// <summary>Makes <paramref name="body"/> the action of <paramref name="command"/>.</summary>
    public static void SetAction(Command command, Func<CommandContext, int> body) =>
        command.SetAction(p => Run(p, body));

    /// <summary>Runs <paramref name="body"/> for <paramref name="parse"/>; see the class summary.</summary>
    public static int Run(ParseResult parse, Func<CommandContext, int> body)
    {
        var context = new CommandContext(parse, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        try
        {
            // No output may be one of the inputs, or a directory: refused before anything is read or written.
            foreach (var (output, path) in CommandContext.Values(parse, FileRoles.IsOutput))
            {
                OutputFiles.CheckNotAnInput(path, output.Name, context.Inputs);
                if (FileIdentity.Of(path).Kind == FileKind.Directory) throw new IOException($"{output.Name} '{path}' is a directory; give a file name.");
            }
            return body(context);
        }
        catch (Exception ex) when (CliErrors.IsReported(ex))
        {
            return CliErrors.Report(context.Stderr, ex, message => AsTyped(message, ex, parse));
        }
    }

    /// <summary>Library settings that messages name, and the option behind each.</summary>
    private static readonly Dictionary<string, string> OptionOfSetting = new(StringComparer.Ordinal)
    {
        ["PoolSize"] = "--subjects", ["Replicates"] = "--replicates", ["Seed"] = "--seed",
    };

    /// <summary>
    /// A message in the words of the command line as typed: a setting's name (<c>PoolSize (231) must ...</c>) becomes its
    /// option (<c>--subjects 231: must ...</c>), and an option becomes the alias the user typed (<c>--pool</c>, <c>--population</c>).
    /// </summary>
    private static string AsTyped(string message, Exception ex, ParseResult parse)
    {
        if (ex is ArgumentException && OptionOfSetting.FirstOrDefault(s => message.StartsWith(s.Key + " (", StringComparison.Ordinal)) is { Key: { } setting } named)
            message = System.Text.RegularExpressions.Regex.Replace(message, $@"^{setting} \(([^)]*)\)", $"{named.Value} $1:");
        foreach (var result in parse.CommandResult.Children.OfType<System.CommandLine.Parsing.OptionResult>())
        {
            if (result.IdentifierToken?.Value is { } typed && typed != result.Option.Name)
                message = System.Text.RegularExpressions.Regex.Replace(message, $@"(?<![\w-]){System.Text.RegularExpressions.Regex.Escape(result.Option.Name)}(?![\w-])", typed);
        }
        return message;
    }
}
