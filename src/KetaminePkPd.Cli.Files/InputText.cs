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
        if (Directory.Exists(path)) throw new IOException($"{where} is a directory; give a file.");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
            var buffer = new MemoryStream();
            var chunk = new byte[1 << 16];
            for (int read; (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1L - buffer.Length))) > 0;)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes) throw new IOException($"{where} is larger than the limit of {Size(maxBytes)}.");
            }
            return buffer.ToArray();
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

    /// <summary>A size limit as people write it: <c>1 MB</c>, <c>256 MB</c>.</summary>
    public static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes >> 20} MB" : $"{bytes >> 10} kB";
}
