using System.Text.RegularExpressions;

namespace KetaminePkPd;

/// <summary>
/// Helpers that keep error messages to one readable line, for every front end (the command line prints
/// <c>error: </c> + <see cref="OneLine"/>; the web page shows it under the input).
/// </summary>
internal static partial class ErrorText
{
    /// <summary>
    /// The message of <paramref name="ex"/> on one line, without the " (Parameter 'x')" and "Actual value was" parts that
    /// <see cref="ArgumentException"/> appends.
    /// </summary>
    /// <param name="ex">The exception.</param>
    /// <exception cref="ArgumentNullException"><paramref name="ex"/> is null.</exception>
    public static string OneLine(Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        string message = ex.Message;
        int newline = message.IndexOfAny(['\r', '\n']);
        if (ex is ArgumentOutOfRangeException && newline >= 0) message = message[..newline];
        if (ex is ArgumentException { ParamName: { } name })
        {
            string suffix = $" (Parameter '{name}')";
            if (message.EndsWith(suffix, StringComparison.Ordinal)) message = message[..^suffix.Length];
        }
        return string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>Removes the " (Parameter 'x')" and "Actual value was ..." parts an argument message keeps when another message quotes it.</summary>
    /// <param name="message">The message.</param>
    public static string WithoutArgumentDetails(string message) => ArgumentDetails().Replace(message, "").Trim();

    /// <summary>At most 60 characters of <paramref name="text"/>, control characters shown as '?', for quoting in a message.</summary>
    /// <param name="text">The text.</param>
    public static string Excerpt(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = new string([.. text.Select(ch => char.IsControl(ch) ? '?' : ch)]);
        return clean.Length <= 60 ? clean : clean[..57] + "...";
    }

    /// <summary>The full path of a user-given input file; throws a message naming <paramref name="where"/> when it is not a readable file path.</summary>
    /// <exception cref="ArgumentException">Not a valid path.</exception>
    /// <exception cref="IOException">A directory, or no such file.</exception>
    internal static string InputFile(string path, string where, string expected)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ArgumentException($"{where}: not a valid file path ({OneLine(ex).TrimEnd('.')}).");
        }
        if (Directory.Exists(full)) throw new IOException($"{where} is a directory; give {expected}.");
        if (!File.Exists(full)) throw new FileNotFoundException($"{where}: file not found ({full}).");
        return full;
    }

    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)|\s*Actual value was [^\r\n]*?\.(?=\s|$)")]
    private static partial Regex ArgumentDetails();
}
