namespace KetaminePkPd.Cli.Files;

/// <summary>
/// A temporary file without a name: created in the temporary folder and unlinked at once (on Windows, deleted on close),
/// so nothing is left behind however the process ends (SIGINT, SIGTERM, SIGKILL, a crash).
/// </summary>
internal static class Spool
{
    /// <summary>A new, empty spool file, open for reading and writing.</summary>
    /// <exception cref="IOException">The temporary folder cannot be written.</exception>
    public static FileStream Create()
    {
        string path = Path.Combine(Path.GetTempPath(), $".ketamine-pkpd.{Guid.NewGuid():N}.tmp");
        bool windows = OperatingSystem.IsWindows();
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, windows ? FileOptions.DeleteOnClose : FileOptions.None);
        if (!windows) File.Delete(path);
        return stream;
    }
}
