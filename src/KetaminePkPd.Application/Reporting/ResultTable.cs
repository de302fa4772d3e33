using System.Text;

namespace KetaminePkPd.Application.Reporting;

/// <summary>
/// A machine-readable result: named columns (snake_case with units, see <see cref="ResultColumn"/>) and rows of
/// <see cref="ResultValue"/>s, written as CSV by <see cref="WriteCsv(Stream)"/>. Time courses, per-patient rows,
/// replicate-trial r values, comparison and dose-response rows are all result tables, so R or Python users read every
/// output the same way.
/// </summary>
public sealed class ResultTable
{
    /// <summary>Creates a table.</summary>
    /// <param name="name">What the table is, e.g. <c>replicate trial r</c> (used in error messages).</param>
    /// <param name="columns">The columns, at least one, with distinct names.</param>
    /// <param name="rows">The rows, one value per column.</param>
    /// <exception cref="ArgumentException">A blank name, no columns, duplicate column names, or a row of the wrong length.</exception>
    public ResultTable(string name, ImmutableArray<ResultColumn> columns, ImmutableArray<ImmutableArray<ResultValue>> rows)
    {
        Name = Guard.NotBlank(name, nameof(name));
        Columns = Guard.NotEmpty(columns, nameof(columns));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in columns)
            if (!seen.Add(c.Name)) throw new ArgumentException($"columns must have distinct names; '{c.Name}' appears twice.", nameof(columns));
        Rows = Guard.Values(rows, nameof(rows));
        for (int i = 0; i < rows.Length; i++)
            if (rows[i].IsDefault || rows[i].Length != columns.Length)
                throw new ArgumentException($"rows[{i}] must hold {columns.Length} values (one per column), got {(rows[i].IsDefault ? 0 : rows[i].Length)}.", nameof(rows));
    }

    /// <summary>What the table is, e.g. <c>replicate trial r</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// The significant digits its numbers are written with, 1 to 17 (<see cref="ResultValue.ToString(int)"/>):
    /// 15 (what R's <c>write.csv</c> writes) unless the table says
    /// otherwise (a simulated time course: 10); 17 writes every double exactly. docs/outputs.md states the policy.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1 to 17.</exception>
    public int SignificantDigits
    {
        get;
        init => field = ResultValue.CheckDigits(value, nameof(SignificantDigits));
    } = ResultValue.DefaultSignificantDigits;

    /// <summary>The columns.</summary>
    public ImmutableArray<ResultColumn> Columns { get; }

    /// <summary>The rows, one value per column.</summary>
    public ImmutableArray<ImmutableArray<ResultValue>> Rows { get; }

    /// <summary>The index of the column named <paramref name="name"/>.</summary>
    /// <param name="name">A column name.</param>
    /// <exception cref="ArgumentException">No column has that name; the message lists the names.</exception>
    public int IndexOf(string name)
    {
        for (int i = 0; i < Columns.Length; i++)
            if (Columns[i].Name == name) return i;
        throw new ArgumentException($"{Name} has no column '{name}'; its columns are {string.Join(", ", Columns.Select(c => c.Name))}.", nameof(name));
    }

    /// <summary>
    /// Writes a header row and one row per table row as CSV (comma-separated, invariant culture, numbers with
    /// <see cref="SignificantDigits"/> in their shortest form, <c>TRUE</c>/<c>FALSE</c>, quoted where needed, UTF-8 without a
    /// byte-order mark). Every value is checked before anything is written.
    /// </summary>
    /// <param name="stream">Where to write; left open.</param>
    /// <exception cref="NonFiniteResultException">A number is NaN or infinite; nothing was written.</exception>
    public void WriteCsv(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        WriteCsv(text);
        text.Flush();
    }

    /// <summary>Writes the table as CSV to <paramref name="writer"/>; see <see cref="WriteCsv(Stream)"/>.</summary>
    /// <param name="writer">Where to write; left open.</param>
    /// <exception cref="NonFiniteResultException">A number is NaN or infinite; nothing was written.</exception>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        CheckFinite();
        using var rows = new ResultTableWriter(Name, Columns, writer, SignificantDigits);
        foreach (var row in Rows) rows.WriteRow(row.AsSpan());
    }

    /// <summary>The table as a CSV text; see <see cref="WriteCsv(Stream)"/>.</summary>
    /// <exception cref="NonFiniteResultException">A number is NaN or infinite.</exception>
    public string ToCsv()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteCsv(writer);
        return writer.ToString();
    }

    /// <summary>Throws when a number is NaN or infinite, naming the column and row.</summary>
    /// <exception cref="NonFiniteResultException">A number is NaN or infinite.</exception>
    public void CheckFinite()
    {
        for (int i = 0; i < Rows.Length; i++)
            for (int c = 0; c < Columns.Length; c++)
                if (!Rows[i][c].IsFinite)
                    throw new NonFiniteResultException($"{Name}: {Columns[c].Name} in row {i + 1} is {Rows[i][c].Number.ToString(CultureInfo.InvariantCulture)}; nothing was written.");
    }
}
