using System.Text;

namespace KetaminePkPd.Tests.Cli;

/// <summary>Reads the help output of a command: one option's entry, and the examples as argument lists.</summary>
internal static class HelpText
{
    /// <summary>The help entry of one option: its first line and the wrapped continuation lines, whitespace collapsed.</summary>
    public static string OptionEntry(string help, string option)
    {
        var lines = help.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        int start = Array.FindIndex(lines, l => l.StartsWith("  " + option + " ", StringComparison.Ordinal));
        Assert.True(start >= 0, $"{option} missing from help");
        var entry = new List<string> { lines[start] };
        // Continuation lines are indented past the option column; a long <values> name wraps onto its own "  <...>" line.
        for (int i = start + 1; i < lines.Length && (lines[i].StartsWith("   ", StringComparison.Ordinal) || lines[i].StartsWith("  <", StringComparison.Ordinal)); i++)
            entry.Add(lines[i]);
        return string.Join(' ', string.Join(' ', entry).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The examples at the end of <c>command --help</c>, each split as a POSIX shell would (double quotes group words), without the tool's name.</summary>
    public static IReadOnlyList<string[]> Examples(string command)
    {
        var run = CliRunner.Run(command, "--help");
        Assert.Equal(0, run.ExitCode);
        int start = run.Stdout.IndexOf("Examples:", StringComparison.Ordinal);
        Assert.True(start > 0, "no Examples section");
        var lines = run.Stdout[start..].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).ToList();
        Assert.True(lines.Count >= 3, "fewer than 3 examples");
        Assert.All(lines, l => Assert.StartsWith("ketamine-pkpd " + command, l, StringComparison.Ordinal));
        return [.. lines.Select(l => Split(l)[1..])];
    }

    /// <summary>Splits a command line into words; double quotes group words and are removed.</summary>
    public static string[] Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool quoted = false, any = false;
        foreach (char c in line)
        {
            if (c == '"') { quoted = !quoted; any = true; continue; }
            if (c == ' ' && !quoted)
            {
                if (any || word.Length > 0) words.Add(word.ToString());
                word.Clear();
                any = false;
                continue;
            }
            word.Append(c);
        }
        if (any || word.Length > 0) words.Add(word.ToString());
        return [.. words];
    }
}
