using Spectre.Console;

namespace KetaminePkPd.Cli.Output;

/// <summary>Creates Spectre.Console consoles over a given writer.</summary>
internal static class ConsoleOutput
{
    /// <summary>Width used when the output is not a terminal (a file, a pipe, a test's <see cref="StringWriter"/>).</summary>
    public const int RedirectedWidth = 100;

    /// <summary>
    /// A console writing to <paramref name="writer"/>. Colours and ANSI escapes are used only when the writer is the
    /// process's own stdout, that stdout is a terminal, and NO_COLOR is not set; otherwise the output is plain text.
    /// </summary>
    public static IAnsiConsole Create(TextWriter writer)
    {
        bool terminal = IsTerminal(writer);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal) console.Profile.Width = RedirectedWidth;
        return console;
    }

    /// <summary>True when <paramref name="writer"/> is this process's stdout, stdout is a terminal and NO_COLOR is not set.</summary>
    public static bool IsTerminal(TextWriter writer) =>
        ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>
    /// Renders to <paramref name="writer"/>: straight to the terminal, or, when redirected, as plain text with the
    /// padding that tables and grids leave at line ends removed.
    /// </summary>
    public static void Render(TextWriter writer, Action<IAnsiConsole> render)
    {
        if (IsTerminal(writer))
        {
            render(Create(writer));
            return;
        }
        using var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        render(Create(buffer));
        var lines = buffer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        for (int i = 0; i < count; i++) writer.WriteLine(lines[i].TrimEnd());
        writer.Flush();
    }
}
