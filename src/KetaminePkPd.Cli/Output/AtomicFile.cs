namespace KetaminePkPd.Cli.Output;

/// <summary>
/// An output file written all-or-nothing: content goes to a temporary file in the target's directory, and
/// <see cref="Commit"/> moves it over the target. Disposing without committing deletes the temporary file, so a failed
/// run leaves neither a file nor a half-written one.
/// </summary>
/// <remarks>Open it before the expensive work: opening checks that the directory exists and is writable.</remarks>
internal sealed class AtomicFile : IDisposable
{
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
            throw new ArgumentException($"{option} '{path}': not a valid file path ({CliErrors.OneLine(ex).TrimEnd('.')}).");
        }
        if (Directory.Exists(full)) throw new IOException($"{option} '{path}' is a directory; give a file name.");
        string directory = System.IO.Path.GetDirectoryName(full) ?? throw new IOException($"{option} '{path}' has no directory.");
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"{option} '{path}': directory '{directory}' does not exist.");

        string temp = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            return new AtomicFile(full, temp, new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None));
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UnauthorizedAccessException($"{option} '{path}': cannot write in directory '{directory}' ({CliErrors.OneLine(ex).TrimEnd('.')}).", ex);
        }
        catch (IOException ex)
        {
            throw new IOException($"{option} '{path}': cannot write in directory '{directory}' ({CliErrors.OneLine(ex).TrimEnd('.')}).", ex);
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
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Dispose();
            throw new IOException($"cannot write '{Path}': {CliErrors.OneLine(ex)}", ex);
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
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the temporary file has a name that marks it as such.
        }
    }
}
