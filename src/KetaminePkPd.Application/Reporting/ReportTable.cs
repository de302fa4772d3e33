namespace KetaminePkPd.Application.Reporting;

/// <summary>
/// A table for people: formatted cells under headers with units. Machine-readable results are
/// <see cref="ResultTable"/>s instead (round-trippable numbers under snake_case column names).
/// </summary>
public sealed record ReportTable : ReportBlock
{
    /// <summary>Creates a table.</summary>
    /// <param name="title">Null, or the title shown above the table.</param>
    /// <param name="columns">The columns, at least one.</param>
    /// <param name="rows">The rows; each holds one cell per column (a cell may hold <c>\n</c> for several lines).</param>
    /// <exception cref="ArgumentException">No columns, a default array, or a row whose cell count differs from the column count.</exception>
    public ReportTable(string? title, ImmutableArray<ReportColumn> columns, ImmutableArray<ImmutableArray<string>> rows)
    {
        Title = title;
        Columns = Guard.NotEmpty(columns, nameof(columns));
        Guard.Values(rows, nameof(rows));
        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i].IsDefault || rows[i].Length != columns.Length)
                throw new ArgumentException($"rows[{i}] must hold {columns.Length} cells (one per column), got {(rows[i].IsDefault ? 0 : rows[i].Length)}.", nameof(rows));
            foreach (var cell in rows[i])
                if (cell is null) throw new ArgumentException($"rows[{i}] must not hold null cells.", nameof(rows));
        }
        Rows = [.. rows.Select(r => new EquatableArray<string>(r))];
    }

    /// <summary>Null, or the title shown above the table.</summary>
    public string? Title { get; }

    /// <summary>The columns.</summary>
    public EquatableArray<ReportColumn> Columns { get; }

    /// <summary>The rows, one cell per column.</summary>
    public EquatableArray<EquatableArray<string>> Rows { get; }
}
