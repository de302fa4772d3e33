using System.Globalization;

namespace KetaminePkPd.DataSets;

/// <summary>
/// Writes CSV: predictions, one row per input record (<c>ID,TIME,EVID,CMT,CP</c>, then <c>CM</c>, the metabolite in ng/mL,
/// when the model has a metabolite, then <c>A1</c> ... <c>An</c>, mg in each compartment by number, then any columns of
/// the data set carried over, such as <c>DV</c>, <c>MDV</c> and covariates, as mrgsolve's carry_out does); and event data
/// sets themselves in NONMEM's columns (<see cref="WriteDataSet"/>), which <see cref="DataSetReader"/> reads back.
/// </summary>
internal static class DataSetWriter
{
    /// <summary>Writes the header row.</summary>
    /// <param name="writer">Destination.</param>
    /// <param name="model">The model (for the compartment and metabolite columns).</param>
    /// <param name="carry">Names of data-set columns carried into every row (see <see cref="WriteRows"/>), or null for none.</param>
    /// <exception cref="ArgumentNullException">A null argument.</exception>
    public static void WriteHeader(TextWriter writer, DataSetModel model, IReadOnlyList<string>? carry = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(model);
        writer.Write("ID,TIME,EVID,CMT,CP");
        if (model.MetaboliteCompartment > 0) writer.Write(",CM");
        for (int c = 1; c <= model.CompartmentNames.Length; c++) writer.Write($",A{c}");
        foreach (var name in carry ?? []) writer.Write("," + Quote(name.Trim().ToUpperInvariant()));
        writer.Write('\n');
    }

    /// <summary>The columns carried by default: <c>DV</c> and <c>MDV</c>, those of them the data set has.</summary>
    /// <param name="columnNames">The data set's other columns (<see cref="DataSetSubject.ColumnNames"/>).</param>
    public static IReadOnlyList<string> DefaultCarry(IReadOnlyList<string> columnNames)
    {
        ArgumentNullException.ThrowIfNull(columnNames);
        return [.. new[] { "DV", "MDV" }.Where(n => columnNames.Contains(n, StringComparer.OrdinalIgnoreCase))];
    }

    /// <summary>
    /// Writes one row per record of a subject (predictions to 10 significant digits, invariant culture). Carried columns
    /// hold the record's value as read (round-trip form); on a row the output grid added (<c>EVID 2</c>, no input row) they
    /// hold the values of the record that governs its interval, and <c>MDV</c> is 1. <c>DV</c> is written only where it is an
    /// observation (<c>MDV</c> 0, or <c>EVID</c> 0 when the data set has no <c>MDV</c>) and is empty elsewhere, since a data
    /// set's <c>.</c> reads as 0.
    /// </summary>
    /// <param name="writer">Destination.</param>
    /// <param name="prediction">The subject's prediction.</param>
    /// <param name="carry">Names of the data set's other columns to carry into every row (case-insensitive), or null for none.</param>
    /// <exception cref="ArgumentNullException">A null argument.</exception>
    /// <exception cref="ArgumentException">A carried name that is not one of the subject's columns.</exception>
    public static void WriteRows(TextWriter writer, SubjectPrediction prediction, IReadOnlyList<string>? carry = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(prediction);
        var records = prediction.Subject.Records;
        bool metabolite = !prediction.MetaboliteNgPerMl.IsEmpty;
        string id = Quote(prediction.Subject.Id);
        int n = prediction.CompartmentNames.Length;
        var columns = prediction.Subject.ColumnNames.AsImmutableArray();
        var carried = (carry ?? []).Select(name => (Name: name.Trim().ToUpperInvariant(), Index: columns.IndexOf(name.Trim(), 0, columns.Length, StringComparer.OrdinalIgnoreCase))).ToArray();
        foreach (var (name, index) in carried)
            if (index < 0) throw new ArgumentException($"'{ErrorText.Excerpt(name)}' is not a column of the data set; its other columns are {(columns.IsEmpty ? "none" : string.Join(", ", columns))}.", nameof(carry));
        int mdv = columns.IndexOf("MDV", 0, columns.Length, StringComparer.OrdinalIgnoreCase);
        // One row formatted into one buffer, written with one call: 32 characters per number is enough for G10 and R.
        var row = new char[id.Length + 32 * (n + 6 + carried.Length)];
        for (int i = 0; i < records.Length; i++)
        {
            var r = records[i];
            int at = 0;
            id.CopyTo(row);
            at += id.Length;
            row[at++] = ',';
            at += Number(row.AsSpan(at), r.TimeH);
            row[at++] = ',';
            ((int)r.Kind).TryFormat(row.AsSpan(at), out int w, default, CultureInfo.InvariantCulture);
            at += w;
            row[at++] = ',';
            r.Compartment.TryFormat(row.AsSpan(at), out w, default, CultureInfo.InvariantCulture);
            at += w;
            row[at++] = ',';
            at += Number(row.AsSpan(at), prediction.ConcentrationsNgPerMl[i]);
            if (metabolite)
            {
                row[at++] = ',';
                at += Number(row.AsSpan(at), prediction.MetaboliteNgPerMl[i]);
            }
            foreach (var a in prediction.Amounts(i))
            {
                row[at++] = ',';
                at += Number(row.AsSpan(at), a);
            }
            bool added = r.Row == 0 && r.Kind == EventKind.Other;
            bool observed = !added && (mdv >= 0 ? r.Values[mdv] == 0 : r.Kind == EventKind.Observation);
            foreach (var (name, index) in carried)
            {
                row[at++] = ',';
                if (name == "DV" && !observed) continue;
                (added && name == "MDV" ? 1 : r.Values[index]).TryFormat(row.AsSpan(at), out int cw, "R", CultureInfo.InvariantCulture);
                at += cw;
            }
            row[at++] = '\n';
            writer.Write(row, 0, at);
        }
    }

    /// <summary>
    /// Writes subjects as an event data set: <c>ID,TIME,EVID,AMT,RATE,II,ADDL,SS,CMT</c> and then the other columns, numbers
    /// round-trippable (invariant culture, shortest exact form), so that <see cref="DataSetReader"/> reads back the same records.
    /// </summary>
    /// <param name="writer">Destination.</param>
    /// <param name="subjects">The subjects; all must have the same column names.</param>
    /// <exception cref="ArgumentNullException">A null argument.</exception>
    /// <exception cref="ArgumentException">Subjects with different column names.</exception>
    public static void WriteDataSet(TextWriter writer, IEnumerable<DataSetSubject> subjects)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(subjects);
        System.Collections.Immutable.ImmutableArray<string>? columns = null;
        Span<char> buffer = stackalloc char[32];
        foreach (var subject in subjects)
        {
            ArgumentNullException.ThrowIfNull(subject, nameof(subjects));
            if (columns is null)
            {
                columns = subject.ColumnNames;
                writer.Write("ID,TIME,EVID,AMT,RATE,II,ADDL,SS,CMT");
                foreach (var c in subject.ColumnNames)
                {
                    writer.Write(',');
                    writer.Write(Quote(c));
                }
                writer.Write('\n');
            }
            else if (!columns.Value.SequenceEqual(subject.ColumnNames))
                throw new ArgumentException($"All subjects must have the same columns; ID {subject.Id} has {string.Join(",", subject.ColumnNames)}.", nameof(subjects));
            string id = Quote(subject.Id);
            foreach (var r in subject.Records)
            {
                writer.Write(id);
                foreach (double v in (ReadOnlySpan<double>)[r.TimeH, (int)r.Kind, r.AmountMg, r.RateMgPerH, r.IntervalH, r.AdditionalDoses, (int)r.SteadyState, r.Compartment])
                {
                    writer.Write(',');
                    v.TryFormat(buffer, out int w, "R", CultureInfo.InvariantCulture);
                    writer.Write(buffer[..w]);
                }
                foreach (double v in r.Values)
                {
                    writer.Write(',');
                    v.TryFormat(buffer, out int w, "R", CultureInfo.InvariantCulture);
                    writer.Write(buffer[..w]);
                }
                writer.Write('\n');
            }
        }
    }

    private static string Quote(string s) => s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    /// <summary>The significant digits of the prediction rows' numbers (TIME, CP, CM, amounts): 10, as a simulated time course.</summary>
    internal const int PredictionDigits = 10;

    private static int Number(Span<char> destination, double value) => NumberText.Significant(value, PredictionDigits, destination);
}
