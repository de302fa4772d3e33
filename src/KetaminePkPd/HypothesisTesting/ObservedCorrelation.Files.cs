using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace KetaminePkPd.HypothesisTesting;

// Part of the record (reading observations from files), formerly a separate static class:
// <summary>
// Reads per-patient data into observed correlations of CADSS with the % change of the depression score (one per
// assessment time), for <see cref="HypothesisTestSettings.WithDesign"/>. Two layouts, both with a header row (names in
// any case and order, other columns ignored):
// <list type="bullet">
// <item>long: the columns <c>cadss</c> and <c>pct_change</c>, and optionally <c>time</c> (e.g. 230min, 7d), one row per
// patient and time;</item>
// <item>wide, as <c>trial --out</c> writes it (the application layer's <c>TrialReport.Patients</c>): <c>cadss</c>
// and one <c>pct_change_[scale_]&lt;time&gt;</c> column per assessment (e.g. <c>pct_change_hdrs17_230min</c>), one row per
// patient.</item>
// </list>
// % change is from baseline, negative = improvement. Empty, NA or NaN values are skipped as missing.
// </summary>
public sealed partial record ObservedCorrelation
{
    /// <summary>The largest file read: 10 MB.</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>The dissociation column: CADSS points.</summary>
    public const string CadssColumn = "cadss";

    /// <summary>The % change column of the long layout; in the wide layout the prefix of one column per time.</summary>
    public const string ChangeColumn = "pct_change";

    /// <summary>The optional time column of the long layout.</summary>
    public const string TimeColumn = "time";

    /// <summary>The fewest patients per time: 4.</summary>
    public const int MinPatients = 4;

    /// <summary>One observed correlation per time in the file (or at <paramref name="at"/> only), ordered by time.</summary>
    /// <param name="path">The CSV file (UTF-8, comma-separated, at most <see cref="MaxFileBytes"/>).</param>
    /// <param name="at">The time of every row (long layout without a time column), or the one time to keep.</param>
    /// <param name="name">What named the file, for messages (default <c>path</c>; a front end passes its own word).</param>
    /// <param name="atName">What sets <paramref name="at"/>, for messages (default <c>at</c>).</param>
    /// <exception cref="ArgumentException">A missing column, a value that is not a number or a time (the message names the line and the column), no time, or too few or constant values.</exception>
    /// <exception cref="IOException">The file does not exist, is a directory or cannot be read.</exception>
    public static IReadOnlyList<ObservedCorrelation> Read(string path, TimeSpan? at = null, string name = "path", string atName = "at")
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(atName);
        string where = $"{name} '{path}'";
        string full = ErrorText.InputFile(path, where, "a CSV file");
        CheckText(full, where);

        var rows = new List<(TimeSpan Time, double Cadss, double Change)>();
        int skipped = 0, lastLine = 1;
        string layoutHint = $"{CadssColumn} and {ChangeColumn} (and optionally {TimeColumn}), or {CadssColumn} and {ChangeColumn}_<time> columns as a simulated trial's CSV table has them";
        try
        {
            using var reader = Sep.New(',').Reader(o => o with
            {
                HasHeader = true,
                Unescape = true,
                Trim = SepTrim.All,
                ColNameComparer = StringComparer.OrdinalIgnoreCase,
                CultureInfo = CultureInfo.InvariantCulture,
            }).FromFile(full);
            var header = reader.Header;
            if (header.IsEmpty) throw new ArgumentException($"{where}: the file is empty; expected a header row with {layoutHint}.");
            string found = ErrorText.Excerpt(string.Join(",", header.ColNames));
            bool hasCadss = header.TryIndexOf(CadssColumn, out int cadssAt);
            bool isLong = header.TryIndexOf(ChangeColumn, out int changeAt);
            var wide = isLong ? [] : WideColumns(header.ColNames, where);
            if (!hasCadss || !isLong && wide.Count == 0)
                throw new ArgumentException($"{where}: line 1 must name the columns {layoutHint}; found '{found}'.");
            int timeAt = -1;
            bool hasTime = isLong && header.TryIndexOf(TimeColumn, out timeAt);
            if (isLong && !hasTime && at is null)
                throw new ArgumentException($"{where} has no {TimeColumn} column; give {atName} (e.g. 230min) for the time of its % change.");
            if (!isLong && at is { } only)
            {
                wide = [.. wide.Where(w => w.Time == only)];
                if (wide.Count == 0)
                    throw new ArgumentException($"{where}: no {ChangeColumn} column at {Durations.Format(only)}; the file has {string.Join(", ", WideColumns(header.ColNames, where).Select(w => Durations.Format(w.Time)))}.");
            }
            foreach (var row in reader)
            {
                int line = row.LineNumberFrom;
                lastLine = line;
                string cadssText = row[cadssAt].ToString();
                if (isLong)
                {
                    string changeText = row[changeAt].ToString();
                    if (Missing(cadssText) || Missing(changeText)) { skipped++; continue; }
                    double cadss = Number(cadssText, where, line, CadssColumn);
                    double change = Number(changeText, where, line, ChangeColumn);
                    TimeSpan time = at ?? default;
                    if (hasTime)
                    {
                        time = ParseTime(row[timeAt].ToString(), where, line);
                        if (at is { } keep && time != keep) continue;
                    }
                    rows.Add((time, cadss, change));
                    continue;
                }
                foreach (var (column, label, time) in wide)
                {
                    string changeText = row[column].ToString();
                    if (Missing(cadssText) || Missing(changeText)) { skipped++; continue; }
                    rows.Add((time, Number(cadssText, where, line, CadssColumn), Number(changeText, where, line, label)));
                }
            }
        }
        catch (ArgumentException ex) when (ex.Message.StartsWith(where, StringComparison.Ordinal))
        {
            throw;
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or FormatException or NotSupportedException or IndexOutOfRangeException)
        {
            // The CSV reader's own message may quote a whole line of the file: give our position and a short excerpt.
            throw new ArgumentException($"{where} near line {lastLine + 1}: not a valid CSV file ({ErrorText.Excerpt(ErrorText.OneLine(ex).TrimEnd('.'))}).");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{where}: cannot read the file ({ErrorText.OneLine(ex).TrimEnd('.')}).", ex);
        }
        return Correlations(rows, skipped, at, where, Path.GetFileName(full));
    }

    private static List<ObservedCorrelation> Correlations(List<(TimeSpan Time, double Cadss, double Change)> rows, int skipped, TimeSpan? at, string where, string file)
    {
        if (rows.Count == 0)
            throw new ArgumentException(at is { } t ? $"{where}: no complete rows at {Durations.Format(t)}." : $"{where}: no complete data rows.");
        var result = new List<ObservedCorrelation>();
        foreach (var group in rows.GroupBy(r => r.Time).OrderBy(g => g.Key))
        {
            double[] cadss = [.. group.Select(r => r.Cadss)], change = [.. group.Select(r => r.Change)];
            string source = $"{file}: {cadss.Length} patients at {Durations.Format(group.Key)}" + (skipped > 0 ? $" ({skipped} rows with missing values skipped in the file)" : "");
            string rowsAt = $"{where}, rows at {Durations.Format(group.Key)}";
            if (cadss.Length < MinPatients) throw new ArgumentException($"{rowsAt}: at least {MinPatients} patients with both {CadssColumn} and {ChangeColumn} are needed, got {cadss.Length}.");
            if (cadss.All(c => c == cadss[0])) throw new ArgumentException($"{rowsAt}: every {CadssColumn} value is {Plain(cadss[0])}, so no correlation can be computed.");
            if (change.All(c => c == change[0])) throw new ArgumentException($"{rowsAt}: every {ChangeColumn} value is {Plain(change[0])}, so no correlation can be computed.");
            try
            {
                result.Add(ObservedCorrelation.FromData(group.Key, cadss, change, source));
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"{rowsAt}: {ErrorText.OneLine(ex)}");
            }
        }
        return result;
    }

    /// <summary>The wide layout's % change columns: <c>pct_change_[scale_]&lt;time&gt;</c>, with their index and time.</summary>
    private static List<(int Column, string Name, TimeSpan Time)> WideColumns(IReadOnlyList<string> names, string where)
    {
        var list = new List<(int, string, TimeSpan)>();
        for (int c = 0; c < names.Count; c++)
        {
            string n = names[c].Trim();
            if (!n.StartsWith(ChangeColumn + "_", StringComparison.OrdinalIgnoreCase)) continue;
            string label = n[(n.LastIndexOf('_') + 1)..];
            try
            {
                list.Add((c, n, Durations.Parse(label, n)));
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                throw new ArgumentException($"{where} line 1, column {c + 1}: '{ErrorText.Excerpt(n)}' does not end in a time with its unit (e.g. {ChangeColumn}_230min, {ChangeColumn}_madrs_1d).");
            }
        }
        return list;
    }

    private static TimeSpan ParseTime(string text, string where, int line)
    {
        try
        {
            return Durations.Parse(text, TimeColumn);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new ArgumentException($"{where} line {line}, column {TimeColumn}: '{ErrorText.Excerpt(text)}' is not a time with its unit (e.g. 230min, 1d, 7d).");
        }
    }

    /// <summary>
    /// Refuses a file that is too large, has a control character other than tab, CR and LF (binary content), is not
    /// UTF-8, or whose header row has an empty or repeated column name; the message gives the line and column.
    /// </summary>
    private static void CheckText(string full, string where)
    {
        var info = new FileInfo(full);
        string tooLarge = $"{where}: the file is larger than the limit of {MaxFileBytes / (1024 * 1024)} MB.";
        if (info.Length > MaxFileBytes) throw new ArgumentException(tooLarge);
        using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read);
        var bytes = new byte[(int)Math.Min(MaxFileBytes + 1, Math.Max(info.Length, 0) + 1)];
        int total = 0, read;
        while (total < bytes.Length && (read = stream.Read(bytes, total, bytes.Length - total)) > 0) total += read;
        if (total > MaxFileBytes) throw new ArgumentException(tooLarge);
        int line = 1, column = 1;
        for (int i = 0; i < total; i++)
        {
            byte b = bytes[i];
            if (b == (byte)'\n') { line++; column = 1; continue; }
            if (b < 32 && b != (byte)'\t' && b != (byte)'\r' || b == 127)
                throw new ArgumentException($"{where} line {line}, column {column}: control character 0x{b:x2}; expected a text CSV file.");
            column++;
        }
        string text;
        try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, total); }
        catch (DecoderFallbackException) { throw new ArgumentException($"{where}: the file is not UTF-8 text; expected a CSV file."); }
        string first = text.Split('\n', 2)[0].TrimEnd('\r');
        if (first.Trim().Length == 0) return;
        var names = first.Split(',').Select(n => n.Trim().Trim('"').Trim()).ToArray();
        for (int c = 0; c < names.Length; c++)
        {
            if (names[c].Length == 0) throw new ArgumentException($"{where} line 1, column {c + 1}: empty column name; name every column of the header row.");
            int other = Array.FindIndex(names, 0, c, n => string.Equals(n, names[c], StringComparison.OrdinalIgnoreCase));
            if (other >= 0) throw new ArgumentException($"{where} line 1, column {c + 1}: column name '{ErrorText.Excerpt(names[c])}' repeats column {other + 1}.");
        }
    }

    private static bool Missing(string text) => text.Length == 0 || text.Equals("NA", StringComparison.OrdinalIgnoreCase) || text.Equals("NaN", StringComparison.OrdinalIgnoreCase);

    private static string Plain(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static double Number(string text, string where, int line, string column) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) ? value
        : throw new ArgumentException($"{where} line {line}, column {column}: '{ErrorText.Excerpt(text)}' is not a number (use a decimal point; leave empty or NA for a missing value).");
}
