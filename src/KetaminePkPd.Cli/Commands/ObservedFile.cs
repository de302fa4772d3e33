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

        var rows = new List<(TimeSpan Time, double Cadss, double Change)>();
        int skipped = 0;
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
            string found = string.Join(",", header.ColNames);
            if (!header.TryIndexOf(CadssColumn, out int cadssAt) | !header.TryIndexOf(ChangeColumn, out int changeAt))
                throw new ArgumentException($"{where}: line 1 must name the columns {CadssColumn} and {ChangeColumn} (and optionally {TimeColumn}); found '{found}'.");
            bool hasTime = header.TryIndexOf(TimeColumn, out int timeAt);
            if (!hasTime && at is null)
                throw new ArgumentException($"{where} has no {TimeColumn} column; give --observed-at (e.g. 230min) for the time of its % change.");
            foreach (var row in reader)
            {
                int line = row.LineNumberFrom;
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
                        throw new ArgumentException($"{where} line {line}, column {TimeColumn}: '{timeText}' is not a time with its unit (e.g. 230min, 1d, 7d).");
                    }
                    if (at is { } keep && time != keep) continue;
                }
                else time = at!.Value;
                rows.Add((time, cadss, change));
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ArgumentException($"{where}: not a valid CSV file ({CliErrors.OneLine(ex).TrimEnd('.')}).");
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

    private static bool Missing(string text) => text.Length == 0 || text.Equals("NA", StringComparison.OrdinalIgnoreCase) || text.Equals("NaN", StringComparison.OrdinalIgnoreCase);

    private static double Number(string text, string where, int line, string column) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) ? value
        : throw new ArgumentException($"{where} line {line}, column {column}: '{text}' is not a number (use a decimal point; leave empty or NA for a missing value).");
}
