using System.Text;
using KetaminePkPd.Application;
using KetaminePkPd.DataSets;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd simulate --data events.csv</c>: the options of <see cref="DataSetRun"/>, which simulates a NONMEM-style
/// event data set and streams one prediction row per record. Hooked into <see cref="SimulateCommand"/>: it adds its options
/// there and takes over when <c>--data</c> is given.
/// </summary>
internal sealed class DataSetCommand
{
    private readonly Option<string?> _data = FileRoles.Input(new Option<string?>("--data")
    {
        HelpName = "events.csv",
        Description = "Simulate a NONMEM-style event data set instead of one regimen: columns ID TIME AMT RATE II ADDL SS EVID CMT " +
            "(case-insensitive), covariates and per-record parameters (CL, V, KA, F1, ALAG1, ...) by name; AMT mg, time h, volumes L. " +
            $"With --model {string.Join("|", DataSetModel.KnownNames.Where(n => n.StartsWith("advan", StringComparison.Ordinal)))} (aliases 1cmt, 1cmt-oral, 2cmt, " +
            "2cmt-oral, 3cmt, 3cmt-oral), a built-in model (domino, ...), or a model file (.json). Writes one row per record (ID, TIME, EVID, CMT, CP in ng/mL, " +
            "amounts A1..An in mg) to --out or stdout; --json prints Cmax, Tmax and AUC per ID. With --step, also a row (EVID 2) " +
            "every step from each subject's first record to its last. See docs/datasets.md.",
    });

    private readonly Option<ParameterTiming?> _timing = SharedOptions.Parsed<ParameterTiming?>("--parameter-timing", DataSetRun.TimingWords,
        "With --data: which record's parameter values advance the interval between two records. nonmem: the record " +
        "that ends it (NONMEM's default); locf: the record that starts it (last observation carried forward). [default: nonmem]",
        (t, n) => DataSetRun.ParseTiming(t, n), DataSetRun.TimingWords);

    private readonly Option<string[]> _carry = SharedOptions.NoEmptyNames(new("--carry")
    {
        HelpName = "column", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = true,
        Description = "With --data: columns of the data set copied into every prediction row after A1..An, as mrgsolve's carry_out (e.g. " +
            "--carry DV,MDV,WT), so each prediction sits beside its observation; rows added by --step get the governing record's " +
            "values, an empty DV and MDV 1. none: no column. [default: DV and MDV, those the data set has]",
    }, "column names of the data set, or none");

    /// <summary>Adds <c>--data</c>, <c>--parameter-timing</c> and <c>--carry</c> to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_data);
        command.Options.Add(_timing);
        command.Options.Add(_carry);
    }

    /// <summary>The options that only <c>--data</c> takes.</summary>
    public IEnumerable<Option> Own => [_timing, _carry];

    /// <summary>The columns to carry: null for the default, empty for <c>none</c>.</summary>
    private IReadOnlyList<string>? Carry(ParseResult p) => p.GetValue(_carry) is { Length: > 0 } given
        ? given.SelectMany(g => g.Split(',')).Select(c => c.Trim()) is var names && names.Any(n => n.Equals("none", StringComparison.OrdinalIgnoreCase)) ? [] : [.. names]
        : null;

    /// <summary>True when <c>--data</c> is given, so this command runs instead of the one-regimen simulation.</summary>
    public bool Handles(ParseResult p) => p.GetValue(_data) is not null;

    /// <summary>Runs the data-set simulation with the shared <c>--model</c>, <c>--out</c>, <c>--json</c> and <c>--step</c> values; <paramref name="excluded"/> must not be given.</summary>
    public int Execute(CommandContext ctx, string? model, string? outPath, bool asJson, TimeSpan? step, IEnumerable<Option> excluded)
    {
        var given = excluded.Where(o => ctx.Parse.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
        if (given.Count > 0)
            throw new ArgumentException($"--data takes its doses, times and covariates from the data set; remove {string.Join(", ", given)}.");
        if (step is { } s && s <= TimeSpan.Zero) throw new ArgumentException($"--step must be > 0, got '{Durations.Format(s)}'.");
        var dataSetModel = DataSetRun.ResolveModel(model, "--model");
        string input = InputPath(ctx.Get(_data)!);
        using var files = ctx.Outputs();
        var file = files.Open(outPath, "--out");
        // Whatever goes to stdout is spooled to an unnamed temporary file first, so a failure part-way prints nothing but
        // the error, and no spool file is left behind whatever ends the run.
        using var spool = Spool.Create();
        using (var spoolWriter = new StreamWriter(spool, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            using var csv = file is not null ? new StreamWriter(file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) : null;
            using var events = new StreamReader(input, new UTF8Encoding(false, throwOnInvalidBytes: true), true, 1 << 16);
            try
            {
                var (subjects, records) = DataSetRun.Write(events, dataSetModel, ctx.Get(_timing) ?? ParameterTiming.NextRecord, step?.TotalHours,
                    csv ?? (asJson ? null : spoolWriter), asJson ? spoolWriter : null, input, file?.Path, Carry(ctx.Parse));
                if (!asJson && file is not null)
                    spoolWriter.WriteLine($"Simulated {subjects} subject(s), {records} record(s) with model {dataSetModel.Name}; wrote {file.Path}.");
            }
            catch (DataSetFormatException ex) when (ex.Message.StartsWith("data set", StringComparison.Ordinal))
            {
                throw new FormatException($"--data '{ctx.Get(_data)}'{ex.Message["data set".Length..]}", ex);
            }
            catch (DataSetFormatException ex) when (ex.Message.StartsWith("model parameter", StringComparison.Ordinal) && model is not null)
            {
                throw new FormatException($"--model '{model}'{ex.Message["model".Length..]}", ex);
            }
            catch (DecoderFallbackException)
            {
                throw new FormatException($"--data '{ctx.Get(_data)}': the file is not UTF-8 text; save the data set as UTF-8 (or ASCII) CSV.");
            }
        }
        files.CommitAll();
        spool.Position = 0;
        using var reader = new StreamReader(spool, Encoding.UTF8, false, 1 << 16);
        var buffer = new char[1 << 16];
        for (int read; (read = reader.Read(buffer, 0, buffer.Length)) > 0;) ctx.Stdout.Write(buffer, 0, read);
        return CliErrors.Success;
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
}
