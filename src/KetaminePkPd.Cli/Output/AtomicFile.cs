namespace KetaminePkPd.Cli.Output;

/// <summary>
/// An output file written all-or-nothing: content goes to a temporary file in the target's directory, and
/// <see cref="Commit"/> moves it over the target. Disposing without committing deletes the temporary file, so a failed
/// run leaves neither a file nor a half-written one.
/// </summary>
/// <remarks>Open it before the expensive work: opening checks that the directory exists and is writable.</remarks>
internal sealed class AtomicFile : IDisposable
{
    /// <summary>The longest part of the target's name kept in a temporary file's name (file names are limited to 255 bytes).</summary>
    private const int MaxNameInTemp = 100;

    /// <summary>Temporary files of this process not yet committed or deleted, for removal on SIGINT or SIGTERM.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> Pending = new(StringComparer.Ordinal);

    /// <summary>Directories already swept for stale temporary files in this process.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> Swept = new(StringComparer.Ordinal);

    /// <summary>Our temporary files: <c>.NAME.GUID.tmp</c> (32 hex digits).</summary>
    private static readonly System.Text.RegularExpressions.Regex TempName = new(@"^\..+\.[0-9a-f]{32}\.tmp$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Temporary files of ours older than this are removed when a later run writes in the same directory.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(1);

    private readonly string _tempPath;
    private readonly FileStream _stream;
    private bool _done;

    private AtomicFile(string path, string tempPath, FileStream stream)
    {
        Path = path;
        _tempPath = tempPath;
        _stream = stream;
    }

    /// <summary>The full path of the target file.</summary>
    public string Path { get; }

    /// <summary>The stream to write the content to.</summary>
    public Stream Stream => _done ? throw new ObjectDisposedException(nameof(AtomicFile)) : _stream;

    /// <summary>Checks the target and opens a temporary file next to it.</summary>
    /// <param name="path">Target path, relative to the current directory or absolute.</param>
    /// <param name="option">The option that named the path, for messages (e.g. <c>--out</c>).</param>
    /// <exception cref="IOException">The directory does not exist, the path is a directory, or the temporary file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory is not writable.</exception>
    /// <exception cref="ArgumentException">The path is empty or invalid.</exception>
    public static AtomicFile Open(string path, string option)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException($"{option}: the file path is empty.");
        string full;
        try
        {
            full = System.IO.Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ArgumentException($"{option} '{path}': not a valid file path ({ErrorText.OneLine(ex).TrimEnd('.')}).");
        }
        if (Directory.Exists(full)) throw new IOException($"{option} '{path}' is a directory; give a file name.");
        string directory = System.IO.Path.GetDirectoryName(full) ?? throw new IOException($"{option} '{path}' has no directory.");
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"{option} '{path}': directory '{directory}' does not exist.");

        RemoveStale(directory);
        string name = System.IO.Path.GetFileName(full);
        if (name.Length > MaxNameInTemp) name = name[..MaxNameInTemp];
        string temp = System.IO.Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            Pending[temp] = 0;
            return new AtomicFile(full, temp, new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None));
        }
        catch (UnauthorizedAccessException ex)
        {
            Pending.TryRemove(temp, out _);
            throw new UnauthorizedAccessException($"{option} '{path}': cannot write in directory '{directory}' ({ErrorText.OneLine(ex).TrimEnd('.')}).", ex);
        }
        catch (IOException ex)
        {
            Pending.TryRemove(temp, out _);
            throw new IOException($"{option} '{path}': cannot write in directory '{directory}' ({ErrorText.OneLine(ex).TrimEnd('.')}).", ex);
        }
    }

    /// <summary>Flushes the content to disk and moves it over the target (replacing an existing file).</summary>
    /// <exception cref="IOException">The move failed; the temporary file is deleted.</exception>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        try
        {
            _stream.Flush(flushToDisk: true);
            _stream.Dispose();
            File.Move(_tempPath, Path, overwrite: true);
            _done = true;
            Pending.TryRemove(_tempPath, out _);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Dispose();
            throw new IOException($"cannot write '{Path}': {ErrorText.OneLine(ex)}", ex);
        }
    }

    /// <summary>Deletes the temporary file unless <see cref="Commit"/> succeeded.</summary>
    public void Dispose()
    {
        if (_done) return;
        _done = true;
        _stream.Dispose();
        try
        {
            File.Delete(_tempPath);
            Pending.TryRemove(_tempPath, out _);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the temporary file has a name that marks it as such.
        }
    }

    /// <summary>Deletes every temporary file of this process that is still pending (called on SIGINT and SIGTERM; best effort).</summary>
    /// <returns>How many were deleted.</returns>
    public static int DeletePending()
    {
        int deleted = 0;
        foreach (var temp in Pending.Keys)
        {
            try
            {
                File.Delete(temp);
                deleted++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Nothing more can be done.
            }
            Pending.TryRemove(temp, out _);
        }
        return deleted;
    }

    /// <summary>Removes our temporary files (<c>.NAME.GUID.tmp</c>) older than <see cref="StaleAfter"/> from <paramref name="directory"/>,
    /// left by a run that was killed; once per directory per process, best effort.</summary>
    internal static void RemoveStale(string directory)
    {
        if (!Swept.TryAdd(directory, 0)) return;
        try
        {
            var cutoff = DateTime.UtcNow - StaleAfter;
            foreach (var file in new DirectoryInfo(directory).EnumerateFiles(".*.tmp"))
                if (TempName.IsMatch(file.Name) && file.LastWriteTimeUtc < cutoff)
                    file.Delete();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            // A directory we cannot list or a file we cannot delete: leave it.
        }
    }
}
