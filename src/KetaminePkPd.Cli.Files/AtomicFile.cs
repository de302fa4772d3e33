namespace KetaminePkPd.Cli.Files;

/// <summary>
/// An output file written all-or-nothing: content goes to a temporary file in the target's directory, and
/// <see cref="Commit"/> moves it over the target. Disposing without committing deletes the temporary file, so a failed
/// run leaves neither a file nor a half-written one. A symbolic link is followed (the file it points to is replaced, the
/// link kept); a character device or FIFO (<c>/dev/null</c>, a pipe, <c>/dev/stdout</c>) is never replaced but written
/// as a stream at <see cref="Commit"/>, the content spooled in the temporary folder until then.
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

    private readonly string? _tempPath;
    private readonly string _where;
    private readonly FileStream _stream;
    private readonly FileStream? _device;
    private bool _done;

    private AtomicFile(string path, string target, string? tempPath, FileStream stream, FileStream? device, string where)
    {
        Path = path;
        Target = target;
        _tempPath = tempPath;
        _stream = stream;
        _device = device;
        _where = where;
    }

    /// <summary>The full path of the output as named.</summary>
    public string Path { get; }

    /// <summary>The file written: <see cref="Path"/> with symbolic links followed.</summary>
    public string Target { get; }

    /// <summary>The stream to write the content to.</summary>
    public Stream Stream => _done ? throw new ObjectDisposedException(nameof(AtomicFile)) : _stream;

    /// <summary>Checks the target and opens a temporary file next to it (or, for a device or FIFO, opens it and a spool file).</summary>
    /// <param name="path">Target path, relative to the current directory or absolute.</param>
    /// <param name="option">The option that named the path, for messages (e.g. <c>--out</c>).</param>
    /// <exception cref="IOException">The directory does not exist, the path is a directory, a block device or socket, or this
    /// run's standard output or error as a file, or the temporary file cannot be created.</exception>
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
            throw new ArgumentException($"{option} '{path}': not a valid file path ({Reason.Of(ex)}).");
        }
        string where = $"{option} '{path}'";
        var identity = FileIdentity.Of(full);
        switch (identity.Kind)
        {
            case FileKind.Directory:
                throw new IOException($"{where} is a directory; give a file name.");
            case FileKind.Other:
                throw new IOException($"{where} is neither a regular file nor a character device or FIFO (a block device or socket); give a file name.");
            case FileKind.Device or FileKind.Fifo:
                return OpenStream(full, where);
            case FileKind.Regular when identity.IsSameFileAs(FileIdentity.OfDescriptor(1)) || identity.IsSameFileAs(FileIdentity.OfDescriptor(2)):
                throw new IOException($"{where} is the file this run's standard output or error goes to; give the output a file of its own.");
        }
        string target = Resolve(full);
        string directory = System.IO.Path.GetDirectoryName(target) ?? throw new IOException($"{where} has no directory.");
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"{where}: directory '{directory}' does not exist.");
        return new AtomicFile(full, target, CreateTemp(directory, target, where, out var stream), stream, null, where);
    }

    /// <summary><paramref name="full"/> with every symbolic link followed (a link to nothing yet gives the path it points to).</summary>
    private static string Resolve(string full)
    {
        for (int hops = 0; hops < 40; hops++)
        {
            string? link = new FileInfo(full).LinkTarget;
            if (link is null) return full;
            full = System.IO.Path.GetFullPath(link, System.IO.Path.GetDirectoryName(full)!);
        }
        throw new IOException($"'{full}': too many levels of symbolic links.");
    }

    /// <summary>Opens a character device or FIFO for writing now (so a bad one fails before the work) and a spool file for the content.</summary>
    private static AtomicFile OpenStream(string full, string where)
    {
        FileStream device;
        try
        {
            device = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{where}: cannot open the device or FIFO for writing ({Reason.Of(ex)}).", ex);
        }
        try
        {
            return new AtomicFile(full, full, null, Spool.Create(), device, where);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            device.Dispose();
            throw new IOException($"{where}: cannot spool the output in the temporary folder ({Reason.Of(ex)}).", ex);
        }
    }

    /// <summary>Creates <c>.NAME.GUID.tmp</c> in <paramref name="directory"/>, registered for removal on a signal.</summary>
    private static string CreateTemp(string directory, string target, string where, out FileStream stream)
    {
        RemoveStale(directory);
        string name = System.IO.Path.GetFileName(target);
        if (name.Length > MaxNameInTemp) name = name[..MaxNameInTemp];
        string temp = System.IO.Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            Pending[temp] = 0;
            stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
            return temp;
        }
        catch (UnauthorizedAccessException ex)
        {
            Pending.TryRemove(temp, out _);
            throw new UnauthorizedAccessException($"{where}: cannot write in directory '{directory}' ({Reason.Of(ex)}).", ex);
        }
        catch (IOException ex)
        {
            Pending.TryRemove(temp, out _);
            throw new IOException($"{where}: cannot write in directory '{directory}' ({Reason.Of(ex)}).", ex);
        }
    }

    /// <summary>Flushes the content to disk and moves it over the target (replacing an existing file), or writes it to the device or FIFO.</summary>
    /// <exception cref="IOException">The move or the write failed (the message names the option and the file); the temporary file is deleted.</exception>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        try
        {
            if (_device is not null)
            {
                _stream.Position = 0;
                _stream.CopyTo(_device);
                _device.Flush();
                Dispose();
                return;
            }
            _stream.Flush(flushToDisk: true);
            _stream.Dispose();
            File.Move(_tempPath!, Target, overwrite: true);
            _done = true;
            Pending.TryRemove(_tempPath!, out _);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Dispose();
            string reason = Reason.Of(ex).Replace($" : '{Target}'", "", StringComparison.Ordinal);
            throw new IOException($"{_where}: cannot write {(Target == Path ? "it" : $"'{Target}'")} ({reason}).", ex);
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
            _device?.Dispose();
        }
        catch (IOException)
        {
            // Closing a device or pipe whose last write failed; the error was reported already.
        }
        if (_tempPath is null) return;
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
