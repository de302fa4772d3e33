using System.Globalization;

namespace KetaminePkPd.DataSets;

/// <summary>
/// Writes predictions as CSV, one row per input record: <c>ID,TIME,EVID,CMT,CP</c>, then <c>CM</c> (metabolite, ng/mL) when
/// the model has a metabolite, then <c>A1</c> ... <c>An</c> (mg in each compartment, by number).
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
        string raw = prediction.Subject.Id;
        string id = raw.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + raw.Replace("\"", "\"\"") + "\"" : raw;
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
