using KetaminePkPd.Numerics;
using KetaminePkPd.Reporting;

namespace KetaminePkPd.Cli;

/// <summary>Turns exceptions into the one-line <c>error: ...</c> messages and exit codes of the tool.</summary>
internal static class CliErrors
{
    /// <summary>Exit code of a successful run.</summary>
    public const int Success = 0;

    /// <summary>Exit code when a computation failed (a solver gave up, a non-finite result).</summary>
    public const int Failure = 1;

    /// <summary>Exit code of bad input: an unparsable or out-of-range option, an unsupported combination, an unwritable output path.</summary>
    public const int Usage = 2;

    /// <summary>Exit code after SIGINT (Ctrl+C): 128 + 2.</summary>
    public const int Interrupted = 130;

    /// <summary>Exit code after SIGTERM: 128 + 15.</summary>
    public const int Terminated = 143;

    /// <summary>True for the exceptions that mean bad input or an I/O problem, reported as <see cref="Usage"/>.</summary>
    public static bool IsUsageError(Exception ex) =>
        ex is ArgumentException or FormatException or IOException or UnauthorizedAccessException;

    /// <summary>True for the exceptions the tool reports as one line: usage errors and computation failures.</summary>
    public static bool IsReported(Exception ex) => IsUsageError(ex) || ex is OdeSolverException or NonFiniteResultException;

    /// <summary>Writes <c>error: message</c> as one line and returns the exit code for <paramref name="ex"/>.</summary>
    public static int Report(TextWriter stderr, Exception ex)
    {
        stderr.WriteLine("error: " + OneLine(ex));
        return IsUsageError(ex) ? Usage : Failure;
    }

    /// <summary>
    /// The message of <paramref name="ex"/> on one line, without the " (Parameter 'x')" and "Actual value was" parts that
    /// <see cref="ArgumentException"/> appends.
    /// </summary>
    public static string OneLine(Exception ex)
    {
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

    /// <summary>
    /// Removes the " (Parameter 'x')" and "Actual value was ..." parts that an <see cref="ArgumentException"/> message keeps
    /// when another exception quotes it (as scenario errors do).
    /// </summary>
    public static string WithoutArgumentDetails(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message, @"\s*\(Parameter '[^']*'\)|\s*Actual value was [^\r\n]*?\.(?=\s|$)", "").Trim();

    /// <summary>At most 60 characters of <paramref name="text"/>, control characters shown as '?', for quoting in a message.</summary>
    public static string Excerpt(string text)
    {
        var clean = new string([.. text.Select(ch => char.IsControl(ch) ? '?' : ch)]);
        return clean.Length <= 60 ? clean : clean[..57] + "...";
    }
}
