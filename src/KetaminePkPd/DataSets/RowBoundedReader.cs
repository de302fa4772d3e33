namespace KetaminePkPd.DataSets;

/// <summary>
/// Passes a data set's text through while checking each row as it streams: at most <see cref="DataSetReader.MaxRowChars"/>
/// characters per row and no control characters other than tab and CR, so <c>/dev/zero</c>, a binary file or a runaway
/// row is a <see cref="DataSetFormatException"/> naming the row, before memory grows. Does not close the reader it wraps.
/// </summary>
internal sealed class RowBoundedReader(TextReader inner) : TextReader
{
    private int _row = 1, _length;
    private string _pending = "";
    private int _pendingAt;

    public override int Peek() => _pendingAt < _pending.Length ? _pending[_pendingAt] : inner.Peek();

    public override int Read()
    {
        if (_pendingAt < _pending.Length) return _pending[_pendingAt++];
        int c = inner.Read();
        if (c >= 0) Check((char)c);
        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (_pendingAt < _pending.Length)
        {
            int n = Math.Min(buffer.Length, _pending.Length - _pendingAt);
            _pending.AsSpan(_pendingAt, n).CopyTo(buffer);
            _pendingAt += n;
            return n;
        }
        int read = inner.Read(buffer);
        foreach (char c in buffer[..read]) Check(c);
        return read;
    }

    /// <summary>The first line (checked like every row), left to be read again.</summary>
    public string PeekFirstLine()
    {
        var line = new System.Text.StringBuilder();
        for (int c; (c = inner.Read()) >= 0;)
        {
            Check((char)c);
            line.Append((char)c);
            if (c == '\n') break;
        }
        _pending = line.ToString();
        _pendingAt = 0;
        return _pending.TrimEnd('\r', '\n');
    }

    private void Check(char c)
    {
        if (c == '\n')
        {
            _row++;
            _length = 0;
            return;
        }
        if (++_length > DataSetReader.MaxRowChars)
            throw new DataSetFormatException(_row, "", $"the row is longer than {DataSetReader.MaxRowChars:N0} characters; a data set is text with one record per line.");
        if (char.IsControl(c) && c != '\t' && c != '\r')
            throw new DataSetFormatException(_row, "", $"control character 0x{(int)c:x2} at character {_length}; a data set is text (comma-, semicolon- or tab-separated).");
    }
}
