using System.Globalization;
using KetaminePkPd.Trials;
using nietras.SeparatedValues;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// Reads per-patient data for <c>hypothesis --observed file.csv</c>: a header row with the columns <c>cadss</c> and
/// <c>pct_change</c> (case-insensitive, any order, other columns ignored) and optionally <c>time</c> (e.g. 230min, 7d);
/// one row per patient (and time). Rows whose cadss or pct_change is empty or NA are skipped, as missing data.
/// </summary>
internal static class ObservedFile
{
    /// <summary>The largest file read: 10 MB.</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>The required columns.</summary>
    public const string CadssColumn = "cadss", ChangeColumn = "pct_change", TimeColumn = "time";

    /// <summary>One observed correlation per time in the file (or at <paramref name="at"/>), ordered by time.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="at">The assessment time of every row (no time column), or the one time to keep (with a time column).</param>
    /// <param name="option">The option that named the file, for messages.</param>
    /// <exception cref="ArgumentException">A missing column, a value that is not a number or a duration (the message names the line and the column), no time, or too few or constant values.</exception>
    /// <exception cref="IOException">The file does not exist or cannot be read.</exception>
    public static IReadOnlyList<ObservedCorrelation> Read(string path, TimeSpan? at, string option = "--observed")
    {
        ArgumentNullException.ThrowIfNull(path);
        string where = $"{option} '{path}'";
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ArgumentException($"{where}: not a valid file path ({CliErrors.OneLine(ex).TrimEnd('.')}).");
        }
        if (Directory.Exists(full)) throw new IOException($"{where} is a directory; give a CSV file.");
        if (!File.Exists(full)) throw new FileNotFoundException($"{where}: file not found ({full}).");
        CheckText(full, where);

        var rows = new List<(TimeSpan Time, double Cadss, double Change)>();
        int skipped = 0, lastLine = 1;
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
            if (header.IsEmpty) throw new ArgumentException($"{where}: the file is empty; expected a header row with {CadssColumn},{ChangeColumn} (and optionally {TimeColumn}).");
            string found = Excerpt(string.Join(",", header.ColNames));
            if (!header.TryIndexOf(CadssColumn, out int cadssAt) | !header.TryIndexOf(ChangeColumn, out int changeAt))
                throw new ArgumentException($"{where}: line 1 must name the columns {CadssColumn} and {ChangeColumn} (and optionally {TimeColumn}); found '{found}'.");
            bool hasTime = header.TryIndexOf(TimeColumn, out int timeAt);
            if (!hasTime && at is null)
                throw new ArgumentException($"{where} has no {TimeColumn} column; give --observed-at (e.g. 230min) for the time of its % change.");
            foreach (var row in reader)
            {
                int line = row.LineNumberFrom;
                lastLine = line;
                string cadssText = row[cadssAt].ToString(), changeText = row[changeAt].ToString();
                if (Missing(cadssText) || Missing(changeText)) { skipped++; continue; }
                double cadss = Number(cadssText, where, line, CadssColumn);
                double change = Number(changeText, where, line, ChangeColumn);
                TimeSpan time;
                if (hasTime)
                {
                    string timeText = row[timeAt].ToString();
                    try
                    {
                        time = Durations.Parse(timeText, TimeColumn);
                    }
                    catch (Exception ex) when (ex is FormatException or ArgumentException)
                    {
                        throw new ArgumentException($"{where} line {line}, column {TimeColumn}: '{Excerpt(timeText)}' is not a time with its unit (e.g. 230min, 1d, 7d).");
                    }
                    if (at is { } keep && time != keep) continue;
                }
                else time = at!.Value;
                rows.Add((time, cadss, change));
            }
        }
        catch (ArgumentException ex) when (ex.Message.StartsWith(where, StringComparison.Ordinal))
        {
            throw;
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or FormatException or NotSupportedException or IndexOutOfRangeException)
        {
            // The CSV reader's own message may quote a whole line of the file: give our position and a short excerpt.
            throw new ArgumentException($"{where} near line {lastLine + 1}: not a valid CSV file ({Excerpt(CliErrors.OneLine(ex).TrimEnd('.'))}).");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{where}: cannot read the file ({CliErrors.OneLine(ex).TrimEnd('.')}).", ex);
        }

        if (rows.Count == 0)
            throw new ArgumentException(at is { } t
                ? $"{where}: no complete rows at {Durations.Format(t)}."
                : $"{where}: no complete data rows.");
        string name = Path.GetFileName(full);
        var result = new List<ObservedCorrelation>();
        foreach (var group in rows.GroupBy(r => r.Time).OrderBy(g => g.Key))
        {
            double[] cadss = [.. group.Select(r => r.Cadss)], change = [.. group.Select(r => r.Change)];
            string source = $"{name}: {cadss.Length} patients at {Durations.Format(group.Key)}" + (skipped > 0 ? $" ({skipped} rows with missing values skipped in the file)" : "");
            string rowsAt = $"{where}, rows at {Durations.Format(group.Key)}";
            if (cadss.Length < 4) throw new ArgumentException($"{rowsAt}: at least 4 patients with both {CadssColumn} and {ChangeColumn} are needed, got {cadss.Length}.");
            if (cadss.All(c => c == cadss[0])) throw new ArgumentException($"{rowsAt}: every {CadssColumn} value is {Parsing.Plain(cadss[0])}, so no correlation can be computed.");
            if (change.All(c => c == change[0])) throw new ArgumentException($"{rowsAt}: every {ChangeColumn} value is {Parsing.Plain(change[0])}, so no correlation can be computed.");
            try
            {
                result.Add(ObservedCorrelation.FromData(group.Key, cadss, change, source));
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"{rowsAt}: {CliErrors.OneLine(ex)}");
            }
        }
        return result;
    }

    /// <summary>
    /// Refuses a file that is too large, has a control character other than tab, CR and LF (binary content), or whose
    /// header row has an empty or repeated column name; the message gives the line and column.
    /// </summary>
    private static void CheckText(string full, string where)
    {
        var info = new FileInfo(full);
        if (info.Length > MaxFileBytes) throw new ArgumentException($"{where}: the file is larger than the limit of {MaxFileBytes / (1024 * 1024)} MB.");
        using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read);
        var bytes = new byte[(int)Math.Min(MaxFileBytes + 1, Math.Max(info.Length, 0) + 1)];
        int total = 0, read;
        while (total < bytes.Length && (read = stream.Read(bytes, total, bytes.Length - total)) > 0) total += read;
        if (total > MaxFileBytes) throw new ArgumentException($"{where}: the file is larger than the limit of {MaxFileBytes / (1024 * 1024)} MB.");
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
        try { text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, total); }
        catch (System.Text.DecoderFallbackException) { throw new ArgumentException($"{where}: the file is not UTF-8 text; expected a CSV file."); }
        string first = text.Split('\n', 2)[0].TrimEnd('\r');
        if (first.Trim().Length == 0) return;
        var names = first.Split(',').Select(n => n.Trim().Trim('"').Trim()).ToArray();
        for (int c = 0; c < names.Length; c++)
        {
            if (names[c].Length == 0) throw new ArgumentException($"{where} line 1, column {c + 1}: empty column name; name every column of the header row.");
            int other = System.Array.FindIndex(names, 0, c, n => string.Equals(n, names[c], StringComparison.OrdinalIgnoreCase));
            if (other >= 0) throw new ArgumentException($"{where} line 1, column {c + 1}: column name '{Excerpt(names[c])}' repeats column {other + 1}.");
        }
    }

    /// <summary>At most 60 characters of <paramref name="text"/>, control characters shown as '?', for quoting in a message.</summary>
    internal static string Excerpt(string text)
    {
        var clean = new string([.. text.Select(ch => char.IsControl(ch) ? '?' : ch)]);
        return clean.Length <= 60 ? clean : clean[..57] + "...";
    }

    private static bool Missing(string text) => text.Length == 0 || text.Equals("NA", StringComparison.OrdinalIgnoreCase) || text.Equals("NaN", StringComparison.OrdinalIgnoreCase);

    private static double Number(string text, string where, int line, string column) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) ? value
        : throw new ArgumentException($"{where} line {line}, column {column}: '{Excerpt(text)}' is not a number (use a decimal point; leave empty or NA for a missing value).");
}
