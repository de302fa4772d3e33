namespace KetaminePkPd.DataSets;

/// <summary>
/// Passes a data set's text through while checking each row as it streams: at most <see cref="DataSetReader.MaxRowChars"/>
/// characters per row and no control characters other than tab and CR, so <c>/dev/zero</c>, a binary file or a runaway
/// row is a <see cref="DataSetFormatException"/> naming the row, before memory grows. Does not close the reader it wraps.
/// </summary>
internal sealed class RowBoundedReader(TextReader inner) : TextReader
{
    private int _row = 1, _length;

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        int c = inner.Read();
        if (c >= 0) Check((char)c);
        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        int read = inner.Read(buffer);
        foreach (char c in buffer[..read]) Check(c);
        return read;
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
