namespace KetaminePkPd.Trials;

/// <summary>Pieces of the command lines that reproduce a run (the <c>reproduce</c> key of the JSON outputs).</summary>
internal static class CommandLineText
{
    /// <summary>The tool's command name.</summary>
    public const string Tool = "ketamine-pkpd";

    /// <summary>Quotes an argument for a POSIX shell when it holds anything but safe characters.</summary>
    public static string Quote(string text) =>
        text.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or ':' or '\\') ? text : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
