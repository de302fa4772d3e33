using System.Collections.Immutable;
using KetaminePkPd.Application;
using KetaminePkPd.Application.Reporting;
using KetaminePkPd.Calibration;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Tests.Cli;
using KetaminePkPd.Validation;

namespace KetaminePkPd.Tests.Calibration;

/// <summary>The objective by hand, a closed loop, user targets, the parameters file, and the shipped defaults against calibrate's output.</summary>
public class CalibratorTests
{
    private static readonly string[] CourseKeys = ["iv-drug-4h-over-1d", "iv-drug-3d-over-1d", "iv-day7-over-day1"];

    private static ValidationTarget Target(string key, double? published, double low, double high) =>
        new(key, "q", "d", "-", published, "p", low, high, "t", "s", ValidationUse.Calibration);

    [Fact]
    public void Objective_TwoTargetsByHand_IsTheSumOfSideScaledSquaredResiduals()
    {
        // a: published 10 in [8, 14], simulated 13: above, tolerance 14 - 10 = 4, r = 0.75.
        // b: nothing published, [0, 1]: target the midpoint 0.5, simulated 0.2: below, tolerance 0.5, r = -0.6.
        // F = 0.5625 + 0.36 = 0.9225.
        ValidationTarget a = Target("a", 10, 8, 14), b = Target("b", null, 0, 1);
        var simulated = new Dictionary<string, double> { ["a"] = 13, ["b"] = 0.2 };
        Assert.Equal(0.75, CalibrationObjective.Residual(a, 13), 12);
        Assert.Equal(-0.5, CalibrationObjective.Residual(a, 9), 12);   // below: tolerance 10 - 8 = 2
        Assert.Equal(-0.6, CalibrationObjective.Residual(b, 0.2), 12);
        Assert.Equal(0.9225, CalibrationObjective.Value([a, b], simulated), 12);
        // A published value outside its interval is replaced by the midpoint; a zero-width interval cannot enter.
        Assert.Equal(5, CalibrationObjective.TargetValue(Target("c", 20, 4, 6)));
        Assert.False(CalibrationObjective.IsFittable(Target("d", 4, 4, 4)));
        Assert.Throws<ArgumentException>(() => CalibrationObjective.Residual(Target("d", 4, 4, 4), 4));
    }

    /// <summary>The smoothed responder share by hand: a patient exactly at -50% counts 1/2; a pair at -50 -/+ d counts 1 in all
    /// (1 / (1 + e^-a) + 1 / (1 + e^a) = 1); one 20 widths below counts 1 within e^-20; and the share moves continuously.</summary>
    [Fact]
    public void SmoothedShare_ByHand_IsTheMeanLogisticOfTheDistanceToMinus50()
    {
        Assert.Equal(50, CalibrationBlocks.SmoothedShare([-50]), 12);
        Assert.Equal(50, CalibrationBlocks.SmoothedShare([-53.7, -46.3]), 12);
        Assert.Equal(100, CalibrationBlocks.SmoothedShare([-50 - 20 * CalibrationBlocks.ResponseSmoothingWidth]), 6);
        Assert.Equal(100 / (1 + Math.Exp(-1)), CalibrationBlocks.SmoothedShare([-50 - CalibrationBlocks.ResponseSmoothingWidth]), 12);
        double a = CalibrationBlocks.SmoothedShare([-49.999]), b = CalibrationBlocks.SmoothedShare([-50.001]);
        Assert.True(b > a && b - a < 0.03, $"{a} -> {b}");
    }

    [Fact]
    public void Parameter_FreeCoordinate_RoundTripsAndStaysInsideTheBounds()
    {
        var p = new CalibrationParameter("KTR", 0.05, 50);
        Assert.Equal(2.0, p.FromFree(p.ToFree(2.0)), 10);
        Assert.InRange(p.FromFree(-40), 0.05, 0.0501);
        Assert.InRange(p.FromFree(40), 49.99, 50);
    }

    /// <summary>Targets simulated at known KTR and KDEC, tolerance +/-0.05: the fit recovers them and their intervals contain them.</summary>
    [Fact]
    public void Run_TargetsSimulatedAtKnownValues_RecoversThemWithinIntervalsThatContainThem()
    {
        double ktr = 1.2, kdec = Math.Log(2) / 96;
        var truth = CalibrationBlocks.AntidepressantCourse(EffectParameterSet.Default.WithParameter("KTR", ktr).WithParameter("KDEC", kdec));
        var targets = CourseKeys.Select(k => Target(k, truth[k], truth[k] - 0.05, truth[k] + 0.05)).ToImmutableArray();
        var result = CalibrationResult.Run(CalibrationSettings.Default with { Targets = targets });

        var fitted = result.Parameters.ToDictionary(p => p.Name);
        Assert.Equal(ktr, fitted["KTR"].Fitted, ktr * 1e-3);
        Assert.Equal(kdec, fitted["KDEC"].Fitted, kdec * 1e-3);
        Assert.True(result.Objective < 1e-6, $"objective {result.Objective}");
        foreach (var name in new[] { "KTR", "KDEC" })
        {
            var p = fitted[name];
            double value = name == "KTR" ? ktr : kdec;
            Assert.True(p.Low < value && value < p.High, $"{name}: {value} outside [{p.Low}, {p.High}]");
            Assert.False(p.LowAtBound || p.HighAtBound, $"{name}: an open interval");
        }
        // The other blocks had no targets: unfitted, at their start values, nothing simulated for them. BETA and ESKPOT_A
        // (fitted to the virtual trials' targets too, none of them given) are held at their start values in their block.
        Assert.All(result.Parameters.Where(p => p.Name is not ("KTR" or "KDEC")), p => Assert.False(p.IsFitted));
        Assert.All(result.Parameters.Where(p => p.Name is "KTR" or "KDEC"), p => Assert.Equal(CalibrationParameterFit.ProfileInterval, p.IntervalMethod));
        Assert.Equal(EffectParameterSet.Default["BETA"].Value, result.Fitted["BETA"].Value);
        Assert.Equal(EffectParameterSet.Default["EMAX_D"].Value, result.Fitted["EMAX_D"].Value);
        Assert.Equal(3, result.Targets.Length);
    }

    /// <summary>
    /// The quadratic intervals (larger blocks) against the exact profile on one block: targets simulated at known KTR and KDEC with
    /// tolerance +/-0.05 (the residuals nearly linear in ln KTR and ln KDEC near the truth, so the objective is nearly quadratic there).
    /// Both contain the fit, and each quadratic end lies within 20% of the profile's half-width of the profile's end, on the log
    /// scale: the quadratic is symmetric there, the profile is not (measured: KTR profile 0.914-1.689, quadratic 0.887-1.623 around
    /// 1.2, ends 0.030 and 0.039 apart on half-widths of 0.27 and 0.34, 11% and 11%).
    /// </summary>
    [Fact]
    public void Run_QuadraticIntervals_AgreeWithTheProfileOnANearlyQuadraticObjective()
    {
        double ktr = 1.2, kdec = Math.Log(2) / 96;
        var truth = CalibrationBlocks.AntidepressantCourse(EffectParameterSet.Default.WithParameter("KTR", ktr).WithParameter("KDEC", kdec));
        var settings = CalibrationSettings.Default with { Targets = CourseKeys.Select(k => Target(k, truth[k], truth[k] - 0.05, truth[k] + 0.05)).ToImmutableArray() };
        var profile = CalibrationResult.Run(settings).Parameters.Where(p => p.IsFitted).ToArray();
        var quadratic = CalibrationResult.Run(settings with { ProfileMaxParameters = 0 }).Parameters.Where(p => p.IsFitted).ToArray();
        Assert.Equal(["KTR", "KDEC"], quadratic.Select(p => p.Name));
        for (int j = 0; j < 2; j++)
        {
            var (p, q) = (profile[j], quadratic[j]);
            Assert.Equal(CalibrationParameterFit.QuadraticInterval, q.IntervalMethod);
            Assert.Equal(p.Fitted, q.Fitted);   // the fit itself does not depend on the interval method
            Assert.True(q.Low < q.Fitted && q.Fitted < q.High && !q.LowAtBound && !q.HighAtBound, $"{q.Name}: [{q.Low}, {q.High}]");
            double lowHalf = Math.Log(p.Fitted / p.Low), highHalf = Math.Log(p.High / p.Fitted);
            Assert.True(Math.Abs(Math.Log(q.Low / p.Low)) < 0.2 * lowHalf && Math.Abs(Math.Log(q.High / p.High)) < 0.2 * highHalf,
                $"{q.Name}: quadratic [{q.Low}, {q.High}] against profile [{p.Low}, {p.High}]");
        }
    }

    [Fact]
    public void Run_UserTargetsFile_ChangesTheFit()
    {
        using var dir = new TempDirectory();
        string Write(double fourHours)
        {
            string path = dir.File($"targets-{fourHours}.json");
            File.WriteAllText(path, "{ \"targets\": [ // the racemic course only\n" +
                $"{{ \"key\": \"iv-drug-4h-over-1d\", \"published\": {fourHours}, \"low\": {fourHours - 0.15}, \"high\": {fourHours + 0.15} }},\n" +
                "{ \"key\": \"iv-drug-3d-over-1d\", \"low\": 0.41, \"high\": 0.71 },\n{ \"key\": \"iv-day7-over-day1\", \"low\": 0.15, \"high\": 0.35 }, ] }");
            return path;
        }
        var catalogue = CalibrationResult.Run(new CalibrationRequest { TargetsFile = Write(0.75), Intervals = false }.Resolve());
        var user = CalibrationResult.Run(new CalibrationRequest { TargetsFile = Write(0.55), Intervals = false }.Resolve());

        // The file's defaults come from the catalogue entry: the same published 3-day value and unit.
        Assert.Equal(0.5625, catalogue.Targets.Single(t => t.Key == "iv-drug-3d-over-1d").Target);
        double before = catalogue.Fitted["KTR"].Value, after = user.Fitted["KTR"].Value;
        Assert.True(Math.Abs(after / before - 1) > 0.05, $"KTR {before} -> {after}");
        Assert.True(user.Targets.Single(t => t.Key == "iv-drug-4h-over-1d").Simulated < catalogue.Targets.Single(t => t.Key == "iv-drug-4h-over-1d").Simulated - 0.05);
    }

    [Fact]
    public void ParameterFile_RoundTrips_AndChangesATrial()
    {
        using var dir = new TempDirectory();
        string path = dir.File("p.json");
        var set = EffectParameterSet.Default.WithParameter("KTR", 1.0 / 3).WithParameter("ESKPOT_A", 0.8);
        File.WriteAllText(path, ParameterFile.ToJson(set, ["KTR", "ESKPOT_A"]));
        var read = ParameterFile.Read(path);
        Assert.Equal(1.0 / 3, read["KTR"].Value);   // exact: written with round-trip precision
        Assert.Equal(0.8, read["ESKPOT_A"].Value);
        Assert.Equal(EffectParameterSet.Default["EMAX_D"].Value, read["EMAX_D"].Value);

        string slow = dir.File("slow.json");
        File.WriteAllText(slow, "{ \"parameters\": { \"BETA\": -1.0 } }");
        var plain = CliRunner.Run("trial", "--subjects", "40", "--json", "--quiet");
        var changed = CliRunner.Run("trial", "--subjects", "40", "--json", "--quiet", "--parameters", slow);
        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(0, changed.ExitCode);
        Assert.NotEqual(plain.Stdout, changed.Stdout);
    }

    /// <summary>
    /// The staleness test: the shipped defaults ARE calibrate's output on the shipped catalogue (docs/calibration.md, "Adoption"; the
    /// run that produced them is recorded there). Refitting takes minutes, so the test checks calibrate's fixed point instead: at the
    /// shipped values, for every fitted parameter, the block's objective at the value and at +/- 0.01 on the optimizer's scale (ln theta;
    /// BETA's natural scale) puts the vertex of the parabola through the three within 2e-3 of the value (0.2% on the log scale), with
    /// positive curvature: a minimum, so the defaults are calibrate's output within that tolerance. A change to the defaults, the
    /// catalogue, the blocks or the simulation that moves the optimum fails it; the fitted values below are calibrate's output, copied.
    /// </summary>
    [Fact]
    public void ShippedDefaults_AreCalibratesOutput_AFixedPointOfTheObjective()
    {
        (string Name, double Fitted)[] fit =
        [
            ("KTR", 2.419211373764039),
            ("KDEC", 0.007922292154526835),
            ("BETA", -2.6900434383299867),
            ("ESKPOT_A", 0.3993632351732965),
            ("KTA_D", 1.854799703638987),
            ("EMAX_D", 35.09462391642694),
        ];
        foreach (var (name, value) in fit) Assert.Equal(value, EffectParameterSet.Default[name].Value, Math.Abs(value) * 1e-15);
        var offsets = Calibrator.VertexOffsets(CalibrationSettings.Default, 0.01);
        Assert.Equal(fit.Select(g => g.Name), offsets.Select(o => o.Name));
        Assert.All(offsets, o =>
        {
            Assert.True(o.Curvature > 0, $"{o.Name}: curvature {o.Curvature}");
            Assert.True(Math.Abs(o.Offset) < 2e-3, $"{o.Name}: the minimum is {o.Offset:G3} away on the optimizer's scale");
        });
    }

    [Fact]
    public void Report_JsonAndCsv_HoldEveryParameterAndTarget()
    {
        // A quick run (the racemic course's three ratios, no intervals): every parameter is listed, fitted or held.
        var r = CalibrationResult.Run(CalibrationSettings.Default with { Targets = ValidationTarget.All.Where(t => CourseKeys.Contains(t.Key)).ToImmutableArray(), Intervals = false });
        var json = System.Text.Json.JsonDocument.Parse(CalibrationOutput.ToJson(r)).RootElement;
        Assert.Equal(6, json.GetProperty("parameters").GetArrayLength());
        Assert.Equal(r.Targets.Length, json.GetProperty("targets").GetArrayLength());
        Assert.Equal(r.Objective, json.GetProperty("objective").GetDouble(), 12);
        var csv = CalibrationOutput.ToCsv(r).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 6 + r.Targets.Length, csv.Length);
        Assert.Contains(csv, l => l.StartsWith("parameter,EMAX_D,cadss-distribution,", StringComparison.Ordinal));
        var tables = CalibrationOutput.Build(r).Blocks.OfType<ReportTable>().ToArray();
        Assert.Equal(["KTR", "KDEC", "BETA", "ESKPOT_A", "KTA_D", "EMAX_D"], tables[0].Rows.Select(row => row[0]));
        Assert.Equal(3, r.Targets.Length);
        Assert.Equal(r.Targets.Select(t => t.Key), tables[1].Rows.Select(row => row[0]));
    }
}
