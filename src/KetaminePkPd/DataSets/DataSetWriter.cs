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
        Span<char> buffer = stackalloc char[32];
        var records = prediction.Subject.Records;
        bool metabolite = !prediction.MetaboliteNgPerMl.IsEmpty;
        string id = prediction.Subject.Id.Contains(',') || prediction.Subject.Id.Contains('"') ? "\"" + prediction.Subject.Id.Replace("\"", "\"\"") + "\"" : prediction.Subject.Id;
        for (int i = 0; i < records.Length; i++)
        {
            var r = records[i];
            writer.Write(id);
            writer.Write(',');
            Number(writer, r.TimeH, buffer);
            writer.Write(',');
            writer.Write((int)r.Kind);
            writer.Write(',');
            writer.Write(r.Compartment);
            writer.Write(',');
            Number(writer, prediction.ConcentrationsNgPerMl[i], buffer);
            if (metabolite)
            {
                writer.Write(',');
                Number(writer, prediction.MetaboliteNgPerMl[i], buffer);
            }
            foreach (var a in prediction.Amounts(i))
            {
                writer.Write(',');
                Number(writer, a, buffer);
            }
            writer.Write('\n');
        }
    }

    private static void Number(TextWriter writer, double value, Span<char> buffer)
    {
        if (value == 0)
        {
            writer.Write('0');
            return;
        }
        value.TryFormat(buffer, out int written, "G10", CultureInfo.InvariantCulture);
        writer.Write(buffer[..written]);
    }
}
