using System.Text;

namespace KetaminePkPd.Cli.Files;

/// <summary>
/// Reads an input file the tool opens itself (response files, shard files) with a size bound, whatever the file is: a
/// directory, <c>/dev/zero</c>, a FIFO or a huge file is refused in one line naming it, before memory grows.
/// </summary>
internal static class InputText
{
    /// <summary>At most <paramref name="maxBytes"/> bytes of <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The largest size accepted.</param>
    /// <param name="where">How messages name the file, e.g. <c>response file '@args.txt'</c>.</param>
    /// <exception cref="IOException">A directory, no such file, unreadable, or larger than <paramref name="maxBytes"/>.</exception>
    public static byte[] ReadBytes(string path, int maxBytes, string where)
    {
        using var stream = OpenRead(path, maxBytes, where);
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>A stream over <paramref name="path"/> that fails with an <see cref="IOException"/> naming it once more than <paramref name="maxBytes"/> have been read.</summary>
    /// <exception cref="IOException">A directory, no such file, or unreadable.</exception>
    public static Stream OpenRead(string path, long maxBytes, string where)
    {
        if (Directory.Exists(path)) throw new IOException($"{where} is a directory; give a file.");
        try
        {
            return new Bounded(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16), maxBytes, where);
        }
        catch (FileNotFoundException)
        {
            throw new FileNotFoundException($"{where}: file not found.");
        }
        catch (DirectoryNotFoundException)
        {
            throw new FileNotFoundException($"{where}: file not found (no such directory).");
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new IOException($"{where}: cannot read it ({Reason.Of(ex)}).", ex);
        }
    }

    /// <summary>At most <paramref name="maxBytes"/> of UTF-8 text without control characters other than tab, CR and LF.</summary>
    /// <exception cref="IOException">As <see cref="ReadBytes"/>, or binary content (the message gives the line).</exception>
    public static string ReadText(string path, int maxBytes, string where)
    {
        var bytes = ReadBytes(path, maxBytes, where);
        int line = 1;
        foreach (byte b in bytes)
        {
            if (b == (byte)'\n') line++;
            else if ((b < 32 && b != (byte)'\t' && b != (byte)'\r') || b == 127)
                throw new IOException($"{where} line {line}: control character 0x{b:x2}; expected text.");
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new IOException($"{where} is not UTF-8 text.");
        }
    }

    /// <summary>A read-only stream that fails once more than a limit has been read from it.</summary>
    private sealed class Bounded(Stream inner, long maxBytes, string where) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int read = inner.Read(buffer[..(int)Math.Min(buffer.Length, maxBytes + 1 - _read)]);
            if ((_read += read) > maxBytes) throw new IOException($"{where} is larger than the limit of {Size(maxBytes)}.");
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>A size limit as people write it: <c>1 MB</c>, <c>256 MB</c>.</summary>
    public static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes >> 20} MB" : $"{bytes >> 10} kB";
}
