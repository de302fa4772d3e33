using System.Globalization;

namespace KetaminePkPd.DataSets;

/// <summary>
/// Writes CSV: predictions, one row per input record (<c>ID,TIME,EVID,CMT,CP</c>, then <c>CM</c>, the metabolite in ng/mL,
/// when the model has a metabolite, then <c>A1</c> ... <c>An</c>, mg in each compartment by number); and event data sets
/// themselves in NONMEM's columns (<see cref="WriteDataSet"/>), which <see cref="DataSetReader"/> reads back.
/// </summary>
public static class DataSetWriter
{
    /// <summary>Writes the header row.</summary>
    /// <param name="writer">Destination.</param>
    /// <param name="model">The model (for the compartment and metabolite columns).</param>
    /// <exception cref="ArgumentNullException">A null argument.</exception>
    public static void WriteHeader(TextWriter writer, DataSetModel model)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(model);
        writer.Write("ID,TIME,EVID,CMT,CP");
        if (model.MetaboliteCompartment > 0) writer.Write(",CM");
        for (int c = 1; c <= model.CompartmentNames.Length; c++) writer.Write($",A{c}");
        writer.Write('\n');
    }

    /// <summary>Writes one row per record of a subject (numbers to 10 significant digits, invariant culture).</summary>
    /// <param name="writer">Destination.</param>
    /// <param name="prediction">The subject's prediction.</param>
    /// <exception cref="ArgumentNullException">A null argument.</exception>
    public static void WriteRows(TextWriter writer, SubjectPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(prediction);
        var records = prediction.Subject.Records;
        bool metabolite = !prediction.MetaboliteNgPerMl.IsEmpty;
        string id = Quote(prediction.Subject.Id);
        int n = prediction.CompartmentNames.Length;
        // One row formatted into one buffer, written with one call: 32 characters per number is enough for G10.
        var row = new char[id.Length + 32 * (n + 6)];
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

    private static int Number(Span<char> destination, double value)
    {
        if (value == 0)
        {
            destination[0] = '0';
            return 1;
        }
        value.TryFormat(destination, out int written, "G10", CultureInfo.InvariantCulture);
        return written;
    }
}
