using nietras.SeparatedValues;

namespace KetaminePkPd.Application.Reporting;

/// <summary>
/// Writes the CSV of a <see cref="ResultTable"/> one row at a time: the header row on creation, each row as it comes, the
/// same bytes as <see cref="ResultTable.WriteCsv(TextWriter)"/> writes for the same rows (which uses this writer), so a
/// table too large to hold (a trial's per-patient rows) can be streamed as it is computed.
/// </summary>
internal sealed class ResultTableWriter : IDisposable
{
    private readonly string _name;
    private readonly ImmutableArray<ResultColumn> _columns;
    private readonly TextWriter _writer;
    private readonly int _significantDigits;
    private readonly SepWriter _csv;
    private long _rows;
    private bool _disposed;

    /// <summary>Starts the CSV: the header row is written with the first row, or on <see cref="Dispose"/> when there is none.</summary>
    /// <param name="name">What the table is (for error messages).</param>
    /// <param name="columns">The columns.</param>
    /// <param name="writer">Where to write; left open, flushed on <see cref="Dispose"/>.</param>
    /// <param name="significantDigits">The significant digits of its numbers (<see cref="ResultTable.SignificantDigits"/>).</param>
    public ResultTableWriter(string name, ImmutableArray<ResultColumn> columns, TextWriter writer, int significantDigits = ResultValue.DefaultSignificantDigits)
    {
        _significantDigits = ResultValue.CheckDigits(significantDigits, nameof(significantDigits));
        _name = name;
        _columns = columns;
        _writer = writer;
        _csv = Sep.New(',').Writer(o => o with { CultureInfo = CultureInfo.InvariantCulture, Escape = true }).To(writer, leaveOpen: true);
        _csv.Header.Add([.. columns.Select(c => c.Name)]);
    }

    /// <summary>Writes one row, one value per column.</summary>
    /// <exception cref="NonFiniteResultException">A number is NaN or infinite (the row is not written).</exception>
    public void WriteRow(ReadOnlySpan<ResultValue> row)
    {
        if (row.Length != _columns.Length)
            throw new ArgumentException($"{_name}: row {_rows + 1} holds {row.Length} values for {_columns.Length} columns.", nameof(row));
        for (int c = 0; c < row.Length; c++)
            if (!row[c].IsFinite)
                throw new NonFiniteResultException($"{_name}: {_columns[c].Name} in row {_rows + 1} is {row[c].Number.ToString(CultureInfo.InvariantCulture)}; nothing was written.");
        using (var r = _csv.NewRow())
        {
            for (int c = 0; c < row.Length; c++) r[c].Set(row[c].ToString(_significantDigits));
        }
        _rows++;
    }

    /// <summary>Ends the CSV and flushes the writer.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _csv.Dispose();
        _writer.Flush();
    }
}
