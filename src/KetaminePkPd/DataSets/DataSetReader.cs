using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using nietras.SeparatedValues;

namespace KetaminePkPd.DataSets;

/// <summary>
/// Reads NONMEM-style event data sets: a header row, then one record per row, columns
/// <c>ID TIME AMT RATE II ADDL SS EVID CMT</c> (case-insensitive, any order; only <c>ID</c> and <c>TIME</c> are required);
/// every other column (<c>MDV</c>, <c>DV</c>, covariates such as <c>WT</c>, per-record parameters such as <c>CL</c> or
/// <c>F1</c>) is kept as a named value on each record. Streams: subjects are returned one at a time, as each contiguous
/// block of an <c>ID</c> ends.
/// </summary>
/// <remarks>
/// <para>The separator (comma, semicolon, tab, ...) is detected from the header; a header separated by blanks only (runs of
/// spaces or tabs, as NONMEM data sets often are) makes every line read that way. A <c>#</c> before the first column name is
/// dropped, and rows whose first cell starts with <c>#</c> are skipped (NONMEM's default <c>IGNORE=#</c>). A cell holding <c>.</c> or nothing reads
/// as 0, as in NONMEM. Without an <c>EVID</c> column a record with <c>AMT</c> &gt; 0 is a dose and any other an observation.
/// <c>CMT</c> may hold a compartment number or, when compartment names are given, a name.</para>
/// <para>Errors are <see cref="DataSetFormatException"/>s naming the row (line number, header = 1) and column: non-numeric
/// cells, times going back within an ID, <c>SS</c> without <c>II</c>, a dose without an amount, an unknown <c>CMT</c> name,
/// a row longer than <see cref="MaxRowChars"/> or holding a control character (binary content).</para>
/// </remarks>
internal static class DataSetReader
{
    private static readonly string[] Standard = ["ID", "TIME", "AMT", "RATE", "II", "ADDL", "SS", "EVID", "CMT"];

    /// <summary>The longest row read: 1 048 576 characters (a real row is well under 1 kB). A longer one, or a control
    /// character other than tab and CR, is a <see cref="DataSetFormatException"/> naming the row.</summary>
    public const int MaxRowChars = 1 << 20;

    /// <summary>Reads the subjects of a data set from text, one contiguous block of an ID at a time.</summary>
    /// <param name="reader">The text (header row first). Not closed.</param>
    /// <param name="compartmentNames">Compartment names in number order (1-based), so that <c>CMT</c> may name a compartment; or null for numbers only.</param>
    /// <returns>The subjects, lazily, in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="DataSetFormatException">A bad header or record (raised as the enumeration reaches it).</exception>
    public static IEnumerable<DataSetSubject> ReadSubjects(TextReader reader, IReadOnlyList<string>? compartmentNames = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Read(reader, compartmentNames);
    }

    /// <summary>Reads every subject of a data set held in a string.</summary>
    /// <param name="text">The data set (header row first).</param>
    /// <param name="compartmentNames">Compartment names in number order, or null.</param>
    /// <returns>The subjects in file order (at least one).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="DataSetFormatException">A bad header or record, or no records.</exception>
    public static ImmutableArray<DataSetSubject> Parse(string text, IReadOnlyList<string>? compartmentNames = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        var subjects = ReadSubjects(reader, compartmentNames).ToImmutableArray();
        if (subjects.IsEmpty) throw new DataSetFormatException(0, "(rows)", "the data set has no records.");
        return subjects;
    }

    private static IEnumerable<DataSetSubject> Read(TextReader text, IReadOnlyList<string>? compartmentNames)
    {
        using var reader = Open(text);
        var header = reader.Header;
        if (header.IsEmpty) throw new DataSetFormatException(1, "(header)", "the data set is empty; expected a header row naming at least ID and TIME.");
        var names = header.ColNames;
        var at = new int[Standard.Length];
        for (int s = 0; s < Standard.Length; s++) at[s] = -1;
        var extraAt = new List<int>();
        var extraNames = ImmutableArray.CreateBuilder<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int c = 0; c < names.Count; c++)
        {
            string name = c == 0 && names[c].StartsWith('#') ? names[c][1..].Trim() : names[c];
            if (name.Length == 0) throw new DataSetFormatException(1, $"#{c + 1}", "a column has no name.");
            if (!seen.Add(name)) throw new DataSetFormatException(1, name, "the column name is used twice.");
            int s = Array.FindIndex(Standard, x => string.Equals(x, name, StringComparison.OrdinalIgnoreCase));
            if (s >= 0) at[s] = c;
            else
            {
                extraAt.Add(c);
                extraNames.Add(name);
            }
        }
        if (at[0] < 0 || at[1] < 0)
            throw new DataSetFormatException(1, at[0] < 0 ? "ID" : "TIME", $"the header must name ID and TIME columns; found '{ErrorText.Excerpt(string.Join(",", names))}'.");
        var columns = extraNames.ToImmutable();

        var records = ImmutableArray.CreateBuilder<EventRecord>();
        string? currentId = null;
        foreach (var row in reader)
        {
            if (row.ColCount > 0 && row[0].Span.StartsWith("#")) continue; // NONMEM's default IGNORE=#: a comment record
            if (row.ColCount != names.Count)
            {
                if (row.ColCount == 1 && row[0].Span.IsEmpty) continue; // a blank line
                throw new DataSetFormatException(row.LineNumberFrom, "(columns)", $"the row has {row.ColCount} cells; the header has {names.Count} columns.");
            }
            var record = Parse(row, at, extraAt, names, compartmentNames, currentId);
            if (currentId is not null && record.Id != currentId)
            {
                yield return new DataSetSubject(columns, records.ToImmutable());
                records.Clear();
            }
            currentId = record.Id;
            records.Add(record);
        }
        if (records.Count > 0) yield return new DataSetSubject(columns, records.ToImmutable());
    }

    private static SepReader Open(TextReader text)
    {
        try
        {
            return Sep.Reader(o => o with
            {
                HasHeader = true,
                Unescape = true,
                Trim = SepTrim.All,
                ColNameComparer = StringComparer.OrdinalIgnoreCase,
                CultureInfo = CultureInfo.InvariantCulture,
                DisableColCountCheck = true,
            }).From(Separated(new RowBoundedReader(text)));
        }
        catch (ArgumentException ex) when (ex.Message.StartsWith("Col name '", StringComparison.Ordinal))
        {
            // Sep's message quotes the whole header row; name the column only.
            string name = ex.Message["Col name '".Length..].Split("' found", 2)[0];
            throw new DataSetFormatException(1, name, "the column name is used twice (names are case-insensitive); give every column its own name.");
        }
    }

    /// <summary>The text as Sep reads it: as it is, or converted to commas when the header is separated by blanks only.</summary>
    private static TextReader Separated(RowBoundedReader text)
    {
        string header = text.PeekFirstLine().Trim();
        bool blanks = header.IndexOfAny([',', ';', '|']) < 0 && header.Contains(' ', StringComparison.Ordinal);
        return blanks ? new WhitespaceSeparatedReader(text) : text;
    }

    private static EventRecord Parse(SepReader.Row row, int[] at, List<int> extraAt, IReadOnlyList<string> names, IReadOnlyList<string>? compartmentNames, string? previousId)
    {
        int line = row.LineNumberFrom;
        var idCell = row[at[0]].Span;
        string id = previousId is not null && idCell.SequenceEqual(previousId) ? previousId : idCell.ToString();
        if (id.Length == 0 || id == ".") throw new DataSetFormatException(line, names[at[0]], "the ID is empty.");
        double time = Number(row, at[1], line, names);
        double amt = Number(row, at[2], line, names);
        double rate = Number(row, at[3], line, names);
        double ii = Number(row, at[4], line, names);
        int addl = Integer(row, at[5], line, names);
        int ss = Integer(row, at[6], line, names);
        int evid = at[7] >= 0 ? Integer(row, at[7], line, names) : amt > 0 ? 1 : 0;
        int cmt = Compartment(row, at[8], line, names, compartmentNames);
        var values = new double[extraAt.Count];
        for (int e = 0; e < values.Length; e++) values[e] = Number(row, extraAt[e], line, names);
        if (evid is < 0 or > 4) throw new DataSetFormatException(line, names[at[7]], $"EVID must be 0, 1, 2, 3 or 4, got {evid}.");
        if (ss is < 0 or > 2) throw new DataSetFormatException(line, names[at[6]], $"SS must be 0, 1 or 2, got {ss}.");
        return new EventRecord(id, time, (EventKind)evid, amt, rate, ii, addl, (SteadyStateKind)ss, cmt, ImmutableCollectionsMarshal.AsImmutableArray(values), line);
    }

    private static bool Missing(ReadOnlySpan<char> cell) => cell.IsEmpty || cell is ".";

    private static double Number(SepReader.Row row, int column, int line, IReadOnlyList<string> names)
    {
        if (column < 0) return 0;
        var col = row[column];
        var cell = col.Span;
        if (Missing(cell)) return 0;
        // Sep's parser (csFastFloat for double) first; the BCL's as the reference for what it declines.
        if (col.TryParse<double>() is { } fast && double.IsFinite(fast)) return fast;
        if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw new DataSetFormatException(line, names[column], $"'{ErrorText.Excerpt(cell.ToString())}' is not a number.");
        return v;
    }

    private static int Integer(SepReader.Row row, int column, int line, IReadOnlyList<string> names)
    {
        double v = Number(row, column, line, names);
        if (v != Math.Round(v) || Math.Abs(v) > int.MaxValue)
            throw new DataSetFormatException(line, names[column], $"'{ErrorText.Excerpt(row[column].Span.ToString())}' is not a whole number.");
        return (int)v;
    }

    private static int Compartment(SepReader.Row row, int column, int line, IReadOnlyList<string> names, IReadOnlyList<string>? compartmentNames)
    {
        if (column < 0) return 0;
        var cell = row[column].Span;
        if (Missing(cell)) return 0;
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return Integer(row, column, line, names);
        if (compartmentNames is not null)
            for (int i = 0; i < compartmentNames.Count; i++)
                if (cell.Equals(compartmentNames[i], StringComparison.OrdinalIgnoreCase)) return i + 1;
        string known = compartmentNames is null ? "numbers only" : string.Join(", ", compartmentNames.Select((n, i) => $"{i + 1} {n}"));
        throw new DataSetFormatException(line, names[column], $"unknown compartment '{ErrorText.Excerpt(cell.ToString())}'; the model has {known}.");
    }
}
