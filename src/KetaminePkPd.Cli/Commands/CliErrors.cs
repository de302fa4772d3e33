using KetaminePkPd.Numerics;

namespace KetaminePkPd.Cli.Commands;

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
    /// <param name="stderr">Where the line goes.</param>
    /// <param name="ex">The error.</param>
    /// <param name="wording">Rewords the message for the command line as typed, or null.</param>
    public static int Report(TextWriter stderr, Exception ex, Func<string, string>? wording = null)
    {
        string message = ErrorText.OneLine(ex);
        stderr.WriteLine("error: " + Printable(wording?.Invoke(message) ?? message));
        return IsUsageError(ex) ? Usage : Failure;
    }

    /// <summary>
    /// A message safe to print on one line: control characters (an escape sequence typed or read from a file) become '?',
    /// and a quoted text longer than 200 characters is shortened to its first 100 and "...".
    /// </summary>
    public static string Printable(string message) =>
        System.Text.RegularExpressions.Regex.Replace(new string([.. message.Select(c => char.IsControl(c) ? '?' : c)]), "'([^']{200,})'", m => $"'{m.Groups[1].Value[..100]}...'");
}
