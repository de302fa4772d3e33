using System.Globalization;
using System.Text;
using System.Text.Json;
using KetaminePkPd.Calibration;

namespace KetaminePkPd.Application.Reporting;

/// <summary>The readable report, the JSON document and the CSV tables of a <see cref="CalibrationResult"/>.</summary>
public static class CalibrationOutput
{
    /// <summary>The method in one paragraph, for the report and docs/calibration.md.</summary>
    public const string Method =
        "Objective F = sum of r^2 over the targets, r = (simulated - target) / tolerance, the tolerance being the distance from the target to the end of its acceptance " +
        "interval on the side the simulation falls; virtual-trial targets use common random numbers (the same seed and patients at every evaluation) and the " +
        "day-1 response rate counts each patient by a logistic of the distance of the % change from -50 (width 2 points) so that it is smooth. " +
        "Fitted block by block with MathNet's Nelder-Mead simplex on bounded coordinates (log scale; BETA on its own); TA50_D, TS50_D, KTOL_A and TOL50_A " +
        "are held at their documented values (docs/calibration.md). Each interval is the 95% profile interval {F - min F <= 1}: exact in blocks of one or two free parameters, " +
        "from the objective's quadratic approximation at the fit (a finite-difference Hessian) in larger ones, marked (quadratic).";

    /// <summary>The report: a table of the fitted parameters with their intervals, a table of the targets with their residuals, the objective, evaluations and run time.</summary>
    /// <param name="result">The calibration.</param>
    public static Report Build(CalibrationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var b = new ReportBuilder("Calibration of the PROVISIONAL effect parameters")
            .Fact("Targets", $"{result.Targets.Length} in the objective" + (result.Unfitted.IsEmpty ? "" : $"; not measured by any block: {string.Join(", ", result.Unfitted)}"))
            .Fact("Patients", string.Create(CultureInfo.InvariantCulture, $"{result.Settings.SubjectsPerArm} per arm, seed {result.Settings.Seed} (common random numbers)"));
        b.Table("Parameters", [new ReportColumn("Parameter"), new ReportColumn("Block"), ReportColumn.Number("Start"), ReportColumn.Number("Fitted"), new ReportColumn("95% profile interval"), new ReportColumn("Unit")],
            result.Parameters.Select(p => (IEnumerable<string>)[p.Name, p.Block, N(p.Start), p.IsFitted ? N(p.Fitted) : "not fitted", Interval(p), p.Unit]));
        b.Table("Targets", [new ReportColumn("Key"), ReportColumn.Number("Target"), new ReportColumn("Accept"), ReportColumn.Number("At start"), ReportColumn.Number("Fitted"), ReportColumn.Number("r"), ReportColumn.Number("r^2")],
            result.Targets.Select(t => (IEnumerable<string>)[t.Key, N(t.Target), $"[{N(t.Low)}, {N(t.High)}]", N(t.SimulatedAtStart), N(t.Simulated), R(t.Residual), R(t.Contribution)]));
        b.Text(string.Create(CultureInfo.InvariantCulture, $"Objective {result.ObjectiveAtStart:0.####} at the start values, {result.Objective:0.####} at the fit; {result.Evaluations} evaluations, {result.Elapsed.TotalSeconds:0} s."));
        b.Reading(Method, "Method:");
        b.Provisional("The targets are those the PROVISIONAL parameters were chosen to hit; a fit that hits them better is not a better model (check the other targets with validate --parameters).");
        return b.Build();
    }

    /// <summary>The JSON document: settings (seed, subjectsPerArm, tolerance), objective, objectiveAtStart, evaluations, seconds,
    /// parameters (name, block, unit, start, fitted, low, high, lowAtBound, highAtBound, searchLow, searchHigh, isFitted, intervalMethod) and
    /// targets (key, block, unit, target, low, high, simulatedAtStart, simulated, residual, residualAtStart, contribution), unfitted.</summary>
    /// <param name="result">The calibration.</param>
    public static string ToJson(CalibrationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartObject("settings");
            w.WriteNumber("seed", result.Settings.Seed);
            w.WriteNumber("subjectsPerArm", result.Settings.SubjectsPerArm);
            w.WriteNumber("tolerance", result.Settings.Tolerance);
            w.WriteEndObject();
            w.WriteString("method", Method);
            w.WriteNumber("objective", result.Objective);
            w.WriteNumber("objectiveAtStart", result.ObjectiveAtStart);
            w.WriteNumber("evaluations", result.Evaluations);
            w.WriteNumber("seconds", Math.Round(result.Elapsed.TotalSeconds, 1));
            w.WriteStartArray("parameters");
            foreach (var p in result.Parameters)
            {
                w.WriteStartObject();
                w.WriteString("name", p.Name);
                w.WriteString("block", p.Block);
                w.WriteString("unit", p.Unit);
                w.WriteNumber("start", p.Start);
                w.WriteNumber("fitted", p.Fitted);
                Nullable(w, "low", p.Low);
                Nullable(w, "high", p.High);
                w.WriteBoolean("lowAtBound", p.LowAtBound);
                w.WriteBoolean("highAtBound", p.HighAtBound);
                w.WriteNumber("searchLow", p.SearchLow);
                w.WriteNumber("searchHigh", p.SearchHigh);
                w.WriteBoolean("isFitted", p.IsFitted);
                w.WriteString("intervalMethod", p.IntervalMethod);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("targets");
            foreach (var t in result.Targets)
            {
                w.WriteStartObject();
                w.WriteString("key", t.Key);
                w.WriteString("block", t.Block);
                w.WriteString("unit", t.Unit);
                w.WriteNumber("target", t.Target);
                w.WriteNumber("low", t.Low);
                w.WriteNumber("high", t.High);
                w.WriteNumber("simulatedAtStart", t.SimulatedAtStart);
                w.WriteNumber("simulated", t.Simulated);
                w.WriteNumber("residual", t.Residual);
                w.WriteNumber("residualAtStart", t.ResidualAtStart);
                w.WriteNumber("contribution", t.Contribution);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("unfitted");
            foreach (var k in result.Unfitted) w.WriteStringValue(k);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// The CSV: one row per parameter (kind <c>parameter</c>: name, block, start, fitted, low, high, unit) and one per target
    /// (kind <c>target</c>: key, block, target, low, high, simulated at start, simulated, residual); invariant culture, full precision.
    /// </summary>
    /// <param name="result">The calibration.</param>
    public static string ToCsv(CalibrationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder("kind,name,block,unit,value_start,value_fitted,low,high,simulated_start,simulated_fitted,residual\n");
        foreach (var p in result.Parameters)
            sb.Append(CultureInfo.InvariantCulture, $"parameter,{p.Name},{p.Block},{Csv(p.Unit)},{F(p.Start)},{F(p.Fitted)},{F(p.Low)},{F(p.High)},,,\n");
        foreach (var t in result.Targets)
            sb.Append(CultureInfo.InvariantCulture, $"target,{t.Key},{t.Block},{Csv(t.Unit)},{F(t.Target)},,{F(t.Low)},{F(t.High)},{F(t.SimulatedAtStart)},{F(t.Simulated)},{F(t.Residual)}\n");
        return sb.ToString();
    }

    /// <summary>The names of the parameters the run fitted, for <see cref="ParameterFile.ToJson"/>.</summary>
    public static IEnumerable<string> FittedNames(CalibrationResult result) => result.Parameters.Where(p => p.IsFitted).Select(p => p.Name);

    private static void Nullable(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }

    private static string Interval(CalibrationParameterFit p) => !p.IsFitted || double.IsNaN(p.Low) ? "-"
        : $"{(p.LowAtBound ? "<= " : "")}{N(p.Low)} to {N(p.High)}{(p.HighAtBound ? " or more" : "")}{(p.IntervalMethod == CalibrationParameterFit.QuadraticInterval ? " (quadratic)" : "")}";

    private static string N(double x) => double.IsFinite(x) ? x.ToString(Math.Abs(x) >= 1000 || (Math.Abs(x) < 0.01 && x != 0) ? "G4" : "0.####", CultureInfo.InvariantCulture) : "-";

    private static string R(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);

    private static string F(double x) => double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Csv(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
