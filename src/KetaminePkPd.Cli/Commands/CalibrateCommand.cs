using System.CommandLine;
using KetaminePkPd.Calibration;
using KetaminePkPd.Application;
using KetaminePkPd.Application.Reporting;

namespace KetaminePkPd.Cli.Commands;

/// <summary><c>ketamine-pkpd calibrate</c>: a thin shell over <see cref="CalibrationRequest"/>, <see cref="CalibrationResult.Run"/> and <see cref="CalibrationOutput"/>.</summary>
internal sealed class CalibrateCommand : CliCommand
{
    private readonly Option<string?> _targets = FileRoles.Input(new Option<string?>("--targets")
    {
        HelpName = "file.json",
        Description = "Targets file: {\"targets\": [{\"key\": ..., \"low\": ..., \"high\": ..., \"published\": ...}]}, the fields of validate --json's rows; " +
            $"keys: {string.Join(", ", CalibrationSettings.TargetKeys)} (docs/calibration.md). [default: the catalogue's calibration targets]",
    });
    private readonly Option<string?> _out = SharedOptions.Out("file.json", "Write the fitted parameters as a parameters file for --parameters. An existing file is never replaced.");
    private readonly Option<string?> _csv = FileRoles.Output(new Option<string?>("--csv") { HelpName = "file.csv", Description = "Write the parameters and targets as CSV (kind, name, block, unit, values, interval, simulated, residual)." });
    private readonly Option<int?> _subjects = SharedOptions.Subjects("Patients per arm of the virtual-trial blocks (common random numbers), 20 to 100000. [default: 500]", 20, 100_000);
    private readonly Option<ulong?> _seed = SharedOptions.Seed();
    private readonly Option<bool> _noIntervals = new("--no-intervals") { Description = "Skip the intervals (the fit alone is faster)." };
    private readonly Option<bool> _json = SharedOptions.Json("Print one JSON object: settings, method, objective, objectiveAtStart, evaluations, seconds, parameters (with low/high), targets (with residual), unfitted.");

    public CalibrateCommand()
        : base("calibrate", "Re-derive the PROVISIONAL effect parameters (KTR, KDEC, BETA, ESKPOT_A, KTA_D, EMAX_D) from the calibration targets: " +
            "weighted least squares of (simulated - target) / tolerance, Nelder-Mead, common random numbers, and a 95% interval per parameter. " + CalibrationOutput.Method)
    {
        Add(_targets, _out, _csv, _subjects, _seed, _noIntervals, _json);
    }

    protected override int Execute(CommandContext ctx)
    {
        var settings = new CalibrationRequest { TargetsFile = ctx.Get(_targets), Seed = ctx.Get(_seed), SubjectsPerArm = ctx.Get(_subjects), Intervals = !ctx.Get(_noIntervals) }.Resolve();
        if (ctx.Get(_out) is { } existing && File.Exists(existing)) throw new IOException($"--out '{existing}' exists; calibrate never replaces a parameters file. Give a new name.");
        using var files = ctx.Outputs();
        var parameters = files.Open(ctx.Get(_out), "--out");
        var csv = files.Open(ctx.Get(_csv), "--csv");
        var result = CalibrationResult.Run(settings);
        parameters?.Stream.Write(System.Text.Encoding.UTF8.GetBytes(ParameterFile.ToJson(result.Fitted, CalibrationOutput.FittedNames(result))));
        csv?.Stream.Write(System.Text.Encoding.UTF8.GetBytes(CalibrationOutput.ToCsv(result)));
        files.CommitAll();
        ctx.Emit(ctx.Get(_json), () => CalibrationOutput.ToJson(result), () => CalibrationOutput.Build(result), files.Paths);
        return CliErrors.Success;
    }
}
