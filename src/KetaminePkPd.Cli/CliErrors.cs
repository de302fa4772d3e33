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
        stderr.WriteLine("error: " + ErrorText.OneLine(ex));
        return IsUsageError(ex) ? Usage : Failure;
    }
}
