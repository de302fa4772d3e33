namespace KetaminePkPd.DataSets;

/// <summary>
/// Reads a whitespace-separated data set (common in NONMEM work: columns aligned with runs of spaces or tabs) as a
/// comma-separated one, streaming: leading and trailing blanks of a line are dropped, each run of blanks inside it
/// becomes one comma, and a <c>#</c> at the start of a line keeps the name after it (<c># ID TIME</c> reads as
/// <c>#ID,TIME</c>). Lines keep their numbers. Cells cannot be empty in this form (NONMEM writes <c>.</c>).
/// </summary>
internal sealed class WhitespaceSeparatedReader(TextReader inner) : TextReader
{
    private char[] _buffer = [];
    private bool _lineStart = true, _afterHash, _blank;

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty) return 0;
        if (_buffer.Length < buffer.Length) _buffer = new char[buffer.Length];
        while (true)
        {
            // The output is never longer than the input, so a read of buffer.Length characters fits once converted.
            int read = inner.Read(_buffer, 0, buffer.Length);
            if (read == 0) return 0;
            int written = 0;
            foreach (char c in _buffer.AsSpan(0, read))
            {
                if (c is '\n' or '\r')
                {
                    buffer[written++] = c;
                    (_lineStart, _afterHash, _blank) = (true, false, false);
                }
                else if (c is ' ' or '\t')
                {
                    _blank = !_lineStart && !_afterHash;
                }
                else
                {
                    if (_blank) buffer[written++] = ',';
                    buffer[written++] = c;
                    _afterHash = _lineStart && c == '#';
                    (_lineStart, _blank) = (false, false);
                }
            }
            if (written > 0) return written;
        }
    }
}
