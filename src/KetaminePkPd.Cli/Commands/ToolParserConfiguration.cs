using System.CommandLine.Parsing;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// How the tool parses its command line: as System.CommandLine does, but response files (<c>@file</c>: arguments, one
/// or more per line; lines starting with <c>#</c> are comments; <c>@other</c> inside reads another) are read with a size
/// bound (<see cref="MaxResponseFileBytes"/>, nested at most <see cref="MaxDepth"/> deep), as text, so a directory,
/// <c>/dev/zero</c> or a huge file is a one-line error naming it. The files read are inputs of the run, which no output
/// may replace.
/// </summary>
internal sealed class ToolParserConfiguration : ParserConfiguration
{
    /// <summary>The largest response file read: 1 MB.</summary>
    public const int MaxResponseFileBytes = 1 << 20;

    /// <summary>How deep response files may name other response files.</summary>
    public const int MaxDepth = 8;

    public ToolParserConfiguration() => ResponseFileTokenReplacer = TryRead;

    /// <summary>The response files read, as named.</summary>
    public List<string> ResponseFiles { get; } = [];

    private bool TryRead(string path, out IReadOnlyList<string>? tokens, out string? error)
    {
        try
        {
            (tokens, error) = (Expand(path, 1), null);
            return true;
        }
        catch (IOException ex)
        {
            (tokens, error) = (null, ErrorText.OneLine(ex).TrimEnd('.'));
            return false;
        }
    }

    private List<string> Expand(string path, int depth)
    {
        string where = $"response file '@{new string([.. path.Select(c => char.IsControl(c) ? '?' : c)])}'";
        if (depth > MaxDepth) throw new IOException($"{where}: response files nested more than {MaxDepth} deep.");
        ResponseFiles.Add(path);
        var tokens = new List<string>();
        foreach (var line in InputText.ReadText(path, MaxResponseFileBytes, where).Split('\n'))
        {
            string text = line.Trim();
            if (text.Length == 0 || text[0] == '#') continue;
            foreach (var token in CommandLineParser.SplitCommandLine(text))
            {
                if (token.Length > 1 && token[0] == '@') tokens.AddRange(Expand(token[1..], depth + 1));
                else tokens.Add(token);
            }
        }
        return tokens;
    }
}
