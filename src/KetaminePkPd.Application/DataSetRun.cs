using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

using KetaminePkPd.DataSets;

namespace KetaminePkPd.Application;

/// <summary>
/// Simulates a whole NONMEM-style event data set in bounded memory, subject by subject: reads the events, adds an output
/// grid when asked, simulates, and streams the prediction rows (<see cref="DataSetWriter"/>) and a per-subject JSON summary.
/// The rules of the command line's <c>simulate --data</c>, so a .NET caller gets the same files. Messages name the inputs
/// by the names given. The in-memory entry points are the domain's: <see cref="DataSetSubject.Parse"/> /
/// <see cref="DataSetSubject.Read"/> read subjects, <see cref="DataSetModel.Simulate"/> / <see cref="DataSetModel.SimulateMany"/>
/// predict every record. See docs/datasets.md.
/// </summary>
public static class DataSetRun
{
    /// <summary>The most output times a grid may add per subject.</summary>
    public const int MaxGridTimes = 1_000_000;

    /// <summary>The words of <see cref="ParseTiming"/>: <c>nonmem</c> (<see cref="ParameterTiming.NextRecord"/>) and <c>locf</c>.</summary>
    public const string TimingWords = "nonmem|locf";

    /// <summary>
    /// Parses a parameter timing: <c>nonmem</c> (also <c>next</c>, <c>next-record</c>) or <c>locf</c>; null gives
    /// <see cref="ParameterTiming.NextRecord"/>.
    /// </summary>
    /// <param name="text">The word, or null.</param>
    /// <param name="name">The input's name for the message.</param>
    /// <exception cref="ArgumentException">Another word.</exception>
    public static ParameterTiming ParseTiming(string? text, string name = "parameter-timing") => text?.Trim().ToLowerInvariant() switch
    {
        null or "nonmem" or "next" or "next-record" => ParameterTiming.NextRecord,
        "locf" => ParameterTiming.LastObservationCarriedForward,
        _ => throw new ArgumentException($"{name} must be nonmem or locf, got '{text}'."),
    };

    /// <summary>The word of a parameter timing: <c>nonmem</c> or <c>locf</c>.</summary>
    public static string Token(ParameterTiming timing) => timing == ParameterTiming.NextRecord ? "nonmem" : "locf";

    /// <summary>
    /// The model named by <paramref name="text"/>: null for <c>domino</c>; a path ending in .json or naming an existing
    /// file is read as a model file (<see cref="DataSetModel.FromJson"/>); anything else is a name (<see cref="DataSetModel.Create"/>).
    /// </summary>
    /// <param name="text">A model name or file, or null.</param>
    /// <param name="name">The input's name for messages.</param>
    /// <exception cref="FileNotFoundException">A .json file that does not exist.</exception>
    /// <exception cref="IOException">A directory, or a file that cannot be read.</exception>
    /// <exception cref="FormatException">A bad model file, or one larger than <see cref="DataSetModel.MaxFileBytes"/>.</exception>
    /// <exception cref="ArgumentException">An unknown name.</exception>
    public static DataSetModel ResolveModel(string? text, string name = "model")
    {
        if (text is null) return DataSetModel.Create("domino");
        if (Directory.Exists(text)) throw new IOException($"{name} '{text}' is a directory; give a model name or a model file (.json).");
        if (text.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || File.Exists(text))
        {
            if (!File.Exists(text)) throw new FileNotFoundException($"{name}: model file '{text}' not found.");
            try
            {
                return DataSetModel.FromJson(ReadModelFile(text, name));
            }
            catch (FormatException ex)
            {
                throw new FormatException($"{name} '{text}': {ex.Message}", ex);
            }
        }
        try
        {
            return DataSetModel.Create(text);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"{name}: {ErrorText.OneLine(ex)}", ex);
        }
    }

    /// <summary>The text of a model file, read with a size bound (a device such as /dev/zero or a huge file fails, memory stays small).</summary>
    private static string ReadModelFile(string path, string name)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        var buffer = new byte[DataSetModel.MaxFileBytes + 1];
        int total = 0;
        for (int read; total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0;) total += read;
        if (total > DataSetModel.MaxFileBytes)
            throw new FormatException($"the model file is larger than the limit of {DataSetModel.MaxFileBytes / (1024 * 1024)} MB (a model file is a few lines of JSON).");
        try
        {
            return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, total);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new FormatException("the model file is not UTF-8 text.");
        }
    }

    /// <summary>The extra output times of one subject: first record + step, + 2 step, ... up to its last record.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="stepH">The spacing in hours, &gt; 0.</param>
    /// <param name="name">The step input's name for messages.</param>
    /// <exception cref="ArgumentException">More than <see cref="MaxGridTimes"/> times.</exception>
    public static IEnumerable<double> Grid(DataSetSubject subject, double stepH, string name = "step")
    {
        ArgumentNullException.ThrowIfNull(subject);
        Guard.Positive(stepH, nameof(stepH));
        double first = subject.Records[0].TimeH, last = subject.Records[^1].TimeH;
        long count = (long)Math.Floor((last - first) / stepH + 1e-9);
        if (count > MaxGridTimes)
            throw new ArgumentException($"{name} {stepH.ToString("G6", CultureInfo.InvariantCulture)} h gives {count} output times for ID {ErrorText.Excerpt(subject.Id)}; at most {MaxGridTimes:N0}.");
        return Times(first, stepH, count);
    }

    /// <summary>
    /// Simulates every subject of <paramref name="events"/> and streams the results: the prediction CSV (header and one row
    /// per record) to <paramref name="rows"/>, and one JSON object (<c>model</c>, <c>parameterTiming</c>, <c>data</c>,
    /// <c>out</c>, <c>subjects</c> [<c>id</c>, <c>records</c>, <c>cmaxNgPerMl</c>, <c>tmaxH</c>, <c>aucNgHPerMl</c>],
    /// <c>subjectCount</c>, <c>recordCount</c>) to <paramref name="json"/>.
    /// </summary>
    /// <param name="events">The event data set (CSV).</param>
    /// <param name="model">The model.</param>
    /// <param name="timing">Which record's parameters advance an interval.</param>
    /// <param name="stepH">Hours between extra output rows (EVID 2), or null for none.</param>
    /// <param name="rows">Where the prediction rows go, or null.</param>
    /// <param name="json">Where the JSON summary goes, or null.</param>
    /// <param name="dataName">The data set's name in the JSON (e.g. its path) and in messages.</param>
    /// <param name="outName">The prediction file's name in the JSON, or null.</param>
    /// <param name="carry">Columns of the data set to carry into every prediction row (<see cref="DataSetWriter.WriteRows"/>),
    /// or null for <see cref="DataSetWriter.DefaultCarry"/> (DV and MDV when the data set has them).</param>
    /// <returns>The number of subjects and records simulated.</returns>
    /// <exception cref="FormatException">A bad data set, one with no records, or a carried name that is not one of its columns.</exception>
    /// <exception cref="NonFiniteResultException">A concentration or AUC is not finite.</exception>
    public static (long Subjects, long Records) Write(TextReader events, DataSetModel model, ParameterTiming timing, double? stepH,
        TextWriter? rows, TextWriter? json, string dataName, string? outName = null, IReadOnlyList<string>? carry = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataName);
        json?.Write($"{{\"model\":{Quote(model.Name)},\"parameterTiming\":{Quote(Token(timing))},\"data\":{Quote(dataName)},\"out\":{(outName is null ? "null" : Quote(outName))},\"subjects\":[");
        long subjects = 0, records = 0;
        var stream = DataSetSubject.Read(events, model.CompartmentNames);
        if (stepH is { } h) stream = stream.Select(s => s.WithOutputTimes(Grid(s, h), timing));
        foreach (var prediction in model.SimulateMany(stream, timing))
        {
            CheckFinite(prediction);
            if (rows is not null && subjects == 0)
            {
                var columns = prediction.Subject.ColumnNames;
                carry ??= DataSetWriter.DefaultCarry(columns);
                if (carry.FirstOrDefault(c => !columns.Contains(c.Trim(), StringComparer.OrdinalIgnoreCase)) is { } missing)
                    throw new DataSetFormatException(1, missing.Trim(), $"is not a column of the data set, so it cannot be carried into the predictions; its other columns are {(columns.IsEmpty ? "none" : string.Join(", ", columns))}.");
                DataSetWriter.WriteHeader(rows, model, carry);
            }
            if (rows is not null) DataSetWriter.WriteRows(rows, prediction, carry);
            if (json is not null)
            {
                if (subjects > 0) json.Write(',');
                json.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{{\"id\":{Quote(prediction.Subject.Id)},\"records\":{prediction.Subject.Records.Length},\"cmaxNgPerMl\":{prediction.CmaxNgPerMl:R},\"tmaxH\":{prediction.TmaxH:R},\"aucNgHPerMl\":{prediction.AucNgHPerMl:R}}}"));
            }
            subjects++;
            records += prediction.Subject.Records.Length;
        }
        if (subjects == 0) throw new FormatException($"data set '{dataName}' has no records.");
        json?.WriteLine($"],\"subjectCount\":{subjects},\"recordCount\":{records}}}");
        return (subjects, records);
    }

    private static IEnumerable<double> Times(double first, double stepH, long count)
    {
        for (long k = 1; k <= count; k++) yield return first + k * stepH;
    }

    private static void CheckFinite(SubjectPrediction prediction)
    {
        var cp = prediction.ConcentrationsNgPerMl;
        for (int i = 0; i < cp.Length; i++)
            if (!double.IsFinite(cp[i]))
                throw new NonFiniteResultException($"ID {ErrorText.Excerpt(prediction.Subject.Id)}, data set row {prediction.Subject.Records[i].Row}: the concentration is not finite.");
        if (!double.IsFinite(prediction.AucNgHPerMl)) throw new NonFiniteResultException($"ID {ErrorText.Excerpt(prediction.Subject.Id)}: the AUC is not finite.");
    }

    private static string Quote(string s) => "\"" + JsonEncodedText.Encode(s).Value + "\"";
}
