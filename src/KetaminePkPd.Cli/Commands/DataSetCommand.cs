using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using KetaminePkPd.Cli.Output;
using KetaminePkPd.DataSets;
using KetaminePkPd.Reporting;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd simulate --data events.csv</c>: simulates a NONMEM-style event data set with a linear model (an ADVAN,
/// a built-in parameter set or a model file) and streams one prediction row per record, in bounded memory.
/// </summary>
/// <remarks>Hooked into <see cref="SimulateCommand"/>: it adds its options there and takes over when <c>--data</c> is given.</remarks>
internal sealed class DataSetCommand
{
    /// <summary>Examples shown at the end of <c>simulate --help</c>.</summary>
    public static readonly string[] Examples =
    [
        "ketamine-pkpd simulate --data events.csv --model advan2 --out predictions.csv",
        "ketamine-pkpd simulate --data events.csv --model model.json --out predictions.csv --json",
    ];

    private readonly Option<string?> _data = new("--data")
    {
        HelpName = "events.csv",
        Description = "Simulate a NONMEM-style event data set instead of one regimen: columns ID TIME AMT RATE II ADDL SS EVID CMT " +
            "(case-insensitive), covariates and per-record parameters (CL, V, KA, F1, ALAG1, ...) by name; AMT mg, time h, volumes L. " +
            "With --model advan1|advan2|advan3|advan4|advan11|advan12 (aliases 1cmt, 1cmt-oral, 2cmt, 2cmt-oral, 3cmt, 3cmt-oral), " +
            "a built-in model (domino, ...), or a model file (.json). Writes one row per record (ID, TIME, EVID, CMT, CP in ng/mL, " +
            "amounts A1..An in mg) to --out or stdout; --json prints Cmax, Tmax and AUC per ID. With --step, also a row (EVID 2) " +
            "every step from each subject's first record to its last. See docs/datasets.md.",
    };

    private readonly Option<string?> _timing = new("--parameter-timing")
    {
        HelpName = "nonmem|locf",
        Description = "With --data: which record's parameter values advance the interval between two records. nonmem: the record " +
            "that ends it (NONMEM's default); locf: the record that starts it (last observation carried forward). [default: nonmem]",
    };

    /// <summary>Adds <c>--data</c> and <c>--parameter-timing</c> to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_data);
        command.Options.Add(_timing);
    }

    /// <summary>True when <c>--data</c> is given, so this command runs instead of the one-regimen simulation.</summary>
    public bool Handles(ParseResult p) => p.GetValue(_data) is not null;

    /// <summary>Runs the data-set simulation.</summary>
    /// <param name="p">The parse result.</param>
    /// <param name="model">The <c>--model</c> option.</param>
    /// <param name="out">The <c>--out</c> option.</param>
    /// <param name="json">The <c>--json</c> option.</param>
    /// <param name="step">The <c>--step</c> option: extra output rows every step.</param>
    /// <param name="excluded">Options of the one-regimen simulation that make no sense with <c>--data</c>.</param>
    /// <returns>The exit code.</returns>
    public int Execute(ParseResult p, Option<string?> model, Option<string?> @out, Option<bool> json, Option<string?> step, IEnumerable<Option> excluded)
    {
        var stdout = p.InvocationConfiguration.Output;
        var stderr = p.InvocationConfiguration.Error;
        string? spool = null;
        try
        {
            var given = excluded.Where(o => p.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
            if (given.Count > 0)
                throw new ArgumentException($"--data takes its doses, times and covariates from the data set; remove {string.Join(", ", given)}.");
            var timing = Timing(p.GetValue(_timing));
            double? stepH = p.GetValue(step) is { } stepText ? Step(stepText) : null;
            var dataSetModel = ResolveModel(p.GetValue(model));
            string input = InputPath(p.GetValue(_data)!);
            bool asJson = p.GetValue(json);
            using var files = new OutputFiles();
            var file = files.Open(p.GetValue(@out), "--out");

            // Whatever goes to stdout is spooled to a temporary file first, so a failure part-way prints nothing but the error.
            spool = Path.GetTempFileName();
            using (var spoolWriter = new StreamWriter(spool, false, new UTF8Encoding(false), 1 << 16))
            {
                using var csv = file is not null ? new StreamWriter(file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) : null;
                var rows = csv ?? (asJson ? null : spoolWriter);
                if (asJson)
                {
                    spoolWriter.Write($"{{\"model\":{Quote(dataSetModel.Name)},\"parameterTiming\":{Quote(timing == ParameterTiming.NextRecord ? "nonmem" : "locf")},");
                    spoolWriter.Write($"\"data\":{Quote(input)},\"out\":{(file is null ? "null" : Quote(file.Path))},\"subjects\":[");
                }
                if (rows is not null) DataSetWriter.WriteHeader(rows, dataSetModel);
                long subjects = 0, records = 0;
                using (var text = new StreamReader(input, Encoding.UTF8, true, 1 << 16))
                {
                    var stream = DataSetReader.ReadSubjects(text, dataSetModel.CompartmentNames);
                    if (stepH is { } h) stream = stream.Select(s => s.WithOutputTimes(Grid(s, h), timing));
                    foreach (var prediction in DataSetSimulator.SimulateMany(dataSetModel, stream, timing))
                    {
                        CheckFinite(prediction);
                        if (rows is not null) DataSetWriter.WriteRows(rows, prediction);
                        if (asJson)
                        {
                            if (subjects > 0) spoolWriter.Write(',');
                            spoolWriter.Write(string.Create(CultureInfo.InvariantCulture,
                                $"{{\"id\":{Quote(prediction.Subject.Id)},\"records\":{prediction.Subject.Records.Length},\"cmaxNgPerMl\":{prediction.CmaxNgPerMl:R},\"tmaxH\":{prediction.TmaxH:R},\"aucNgHPerMl\":{prediction.AucNgHPerMl:R}}}"));
                        }
                        subjects++;
                        records += prediction.Subject.Records.Length;
                    }
                }
                if (subjects == 0) throw new FormatException($"--data '{input}': the data set has no records.");
                if (asJson) spoolWriter.WriteLine($"],\"subjectCount\":{subjects},\"recordCount\":{records}}}");
                else if (file is not null)
                    spoolWriter.WriteLine($"Simulated {subjects} subject(s), {records} record(s) with model {dataSetModel.Name}; wrote {file.Path}.");
            }
            files.CommitAll();
            using (var reader = new StreamReader(spool, Encoding.UTF8))
            {
                var buffer = new char[1 << 16];
                int read;
                while ((read = reader.Read(buffer, 0, buffer.Length)) > 0) stdout.Write(buffer, 0, read);
            }
            return CliErrors.Success;
        }
        catch (Exception ex) when (CliErrors.IsReported(ex))
        {
            return CliErrors.Report(stderr, ex);
        }
        finally
        {
            if (spool is not null)
            {
                try
                {
                    File.Delete(spool);
                }
                catch (IOException)
                {
                    // Best effort: a temporary file.
                }
            }
        }
    }

    private static double Step(string text)
    {
        TimeSpan step;
        try
        {
            step = Durations.Parse(text, "--step");
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new ArgumentException($"--step: {CliErrors.OneLine(ex)}");
        }
        if (step <= TimeSpan.Zero) throw new ArgumentException($"--step must be > 0, got '{text}'.");
        return step.TotalHours;
    }

    /// <summary>first, first + step, ... up to the last record's time (at most 1,000,000 points).</summary>
    private static IEnumerable<double> Grid(DataSetSubject s, double stepH)
    {
        double first = s.Records[0].TimeH, last = s.Records[^1].TimeH;
        long count = (long)Math.Floor((last - first) / stepH + 1e-9);
        if (count > 1_000_000) throw new ArgumentException($"--step {Guard(stepH)} h gives {count} output times for ID {s.Id}; at most 1,000,000.");
        for (long k = 1; k <= count; k++) yield return first + k * stepH;
    }

    private static string Guard(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    private static ParameterTiming Timing(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "nonmem" or "next" or "next-record" => ParameterTiming.NextRecord,
        "locf" => ParameterTiming.LastObservationCarriedForward,
        _ => throw new ArgumentException($"--parameter-timing must be nonmem or locf, got '{text}'."),
    };

    /// <summary>The model of <c>--model</c>: a name, or a model file (a path ending in .json or naming an existing file).</summary>
    internal static DataSetModel ResolveModel(string? text)
    {
        if (text is null) return DataSetModel.Create("domino");
        if (text.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || File.Exists(text))
        {
            if (!File.Exists(text)) throw new FileNotFoundException($"--model: model file '{text}' not found.");
            try
            {
                return DataSetModel.FromJson(File.ReadAllText(text));
            }
            catch (FormatException ex)
            {
                throw new FormatException($"--model '{text}': {ex.Message}", ex);
            }
        }
        try
        {
            return DataSetModel.Create(text);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException("--model: " + CliErrors.OneLine(ex));
        }
    }

    private static string InputPath(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("--data: the file path is empty.");
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ArgumentException($"--data '{path}': not a valid file path.");
        }
        if (Directory.Exists(full)) throw new IOException($"--data '{path}' is a directory; give a CSV file.");
        if (!File.Exists(full)) throw new FileNotFoundException($"--data: file not found ({full}).");
        return full;
    }

    private static void CheckFinite(SubjectPrediction prediction)
    {
        var cp = prediction.ConcentrationsNgPerMl;
        for (int i = 0; i < cp.Length; i++)
            if (!double.IsFinite(cp[i]))
                throw new NonFiniteResultException($"ID {prediction.Subject.Id}, data set row {prediction.Subject.Records[i].Row}: the concentration is not finite.");
        if (!double.IsFinite(prediction.AucNgHPerMl)) throw new NonFiniteResultException($"ID {prediction.Subject.Id}: the AUC is not finite.");
    }

    private static string Quote(string s) => "\"" + JsonEncodedText.Encode(s).Value + "\"";
}
