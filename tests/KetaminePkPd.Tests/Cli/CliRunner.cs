using KetaminePkPd.Cli;

namespace KetaminePkPd.Tests.Cli;

/// <summary>The outcome of one in-process run of the tool.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The non-empty lines written to stderr.</summary>
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Runs <c>ketamine-pkpd</c> in-process with captured output.</summary>
internal static class CliRunner
{
    public static CliRun Run(params string[] args)
    {
        using var stdout = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        int code = CliApp.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A fresh empty directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ketamine-pkpd-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
