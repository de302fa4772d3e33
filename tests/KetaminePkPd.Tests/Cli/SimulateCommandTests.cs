using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Provenance;

namespace KetaminePkPd.Tests.Cli;

/// <summary><c>ketamine-pkpd simulate</c>, run in-process: summary, JSON, CSV, and every kind of bad input.</summary>
public sealed class SimulateCommandTests
{
    private static readonly string[] ExposureKeys = ["cmaxNgPerMl", "tmaxH", "auc0To24NgHPerMl", "aucInfNgHPerMl", "terminalHalfLifeH"];

    /// <summary>The library's own result for the default scenario: 70 kg adult, racemic 0.5 mg/kg IV over 40 min, Domino, 24 h.</summary>
    private static PkSimulationResult LibraryDefault(SimulationOptions? options = null) =>
        PkSimulator.Simulate(
            PkParameterSet.Domino.CreateModel(Subject.TypicalAdult),
            DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40))),
            options);

    /// <summary>The library's PK-PD result for the default scenario with the typical effect parameters.</summary>
    private static PkPdSimulationResult LibraryDefaultPkPd(SimulationOptions? options = null, Drug drug = Drug.RacemicKetamine)
    {
        var effects = EffectParameterSet.Default;
        var model = new PkPdModel(PkParameterSet.Domino.CreateModel(Subject.TypicalAdult), [effects.Dissociation(drug), effects.Antidepressant(drug)]);
        return PkPdSimulator.Simulate(model,
            DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40))), options);
    }

    private static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        Assert.Equal("", run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        return doc.RootElement.Clone();
    }

    [Fact]
    public void Simulate_Defaults_ExitsZeroAndSummaryShowsDominoAndTheLibraryCmax()
    {
        var run = CliRunner.Run("simulate");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.Contains("Domino", run.Stdout, StringComparison.Ordinal);
        // The Cmax row of the exposure table: one column per analyte, the parent first.
        var row = run.Stdout.Split('\n').Single(l => l.Contains("Cmax (ng/mL)", StringComparison.Ordinal));
        var match = Regex.Match(row, @"Cmax \(ng/mL\)\W+([0-9]+(?:\.[0-9]+)?)");
        Assert.True(match.Success, row);
        double shown = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        double expected = LibraryDefault().Parent.CmaxNgPerMl;
        Assert.InRange(shown / expected, 0.995, 1.005);
    }

    [Fact]
    public void Simulate_Defaults_SummaryIsPlainTextWithProvisionalLineAndConcentrationTable()
    {
        var run = CliRunner.Run("simulate");

        Assert.DoesNotContain('\u001b', run.Stdout);
        Assert.DoesNotContain("NaN", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("PROVISIONAL", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("FM, CL_NK, V_NK, Q_NK, VP_NK", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Notes:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("0.5 mg/kg (35 mg) IV infusion over 40 min, once", run.Stdout, StringComparison.Ordinal);
        foreach (var time in new[] { "10 min", "40 min", "1.5 h", "12 h", "24 h" })
            Assert.Contains(time, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("all 289 output times", run.Stdout, StringComparison.Ordinal);
        Assert.All(run.Stdout.Split('\n'), line => Assert.Equal(line.TrimEnd(), line));
    }

    [Fact]
    public void Simulate_Json_PrintsOneObjectWithEveryRequiredKeyAsFiniteNumber()
    {
        var json = Json(CliRunner.Run("simulate", "--json"));

        Assert.Equal("racemic", json.GetProperty("drug").GetString());
        Assert.Equal("domino", json.GetProperty("model").GetString());
        Assert.Equal("iv", json.GetProperty("route").GetString());
        Assert.Equal(35.0, json.GetProperty("doseMg").GetDouble(), 12);
        Assert.Equal(70.0, json.GetProperty("weightKg").GetDouble());
        foreach (var analyte in new[] { "parent", "metabolite" })
            foreach (var key in ExposureKeys)
            {
                var value = json.GetProperty(analyte).GetProperty(key);
                Assert.Equal(JsonValueKind.Number, value.ValueKind);
                Assert.True(double.IsFinite(value.GetDouble()) && value.GetDouble() > 0, $"{analyte}.{key} = {value}");
            }
        var library = LibraryDefault();
        Assert.Equal(library.Parent.CmaxNgPerMl, json.GetProperty("parent").GetProperty("cmaxNgPerMl").GetDouble(), 1e-9);
        Assert.Equal(library.Metabolite!.AucInfNgHPerMl, json.GetProperty("metabolite").GetProperty("aucInfNgHPerMl").GetDouble(), 1e-9);
        Assert.Equal(5, json.GetProperty("provisionalParameters").EnumerateArray().Count(p => p.GetProperty("name").GetString()!.EndsWith("NK", StringComparison.Ordinal) || p.GetProperty("name").GetString() == "FM"));
        Assert.Equal(ModelIdentity.ModelVersion, json.GetProperty("modelVersion").GetString());
    }

    [Fact]
    public void Simulate_Json_HasPeakDissociationAndLargestAntidepressantEffectOfTheLibrary()
    {
        var json = Json(CliRunner.Run("simulate", "--json"));

        var library = LibraryDefaultPkPd();
        var dissociation = library[EffectParameterSet.DissociationName];
        var antidepressant = library[EffectParameterSet.AntidepressantName];
        Assert.Equal(dissociation.MaximumValue, json.GetProperty("dissociation").GetProperty("peakCadss").GetDouble(), 12);
        Assert.Equal(dissociation.MaximumTimeH, json.GetProperty("dissociation").GetProperty("peakTimeH").GetDouble(), 12);
        Assert.Equal(antidepressant.MinimumValue, json.GetProperty("antidepressant").GetProperty("maxEffectMadrs").GetDouble(), 12);
        Assert.Equal(antidepressant.MinimumTimeH, json.GetProperty("antidepressant").GetProperty("maxEffectTimeH").GetDouble(), 12);
        // docs/model.md section 4.1: the mean peak CADSS after 0.5 mg/kg over 40 min should be about 8-20 points; it peaks near the end of the infusion.
        Assert.Equal(7.61, dissociation.MaximumValue, 2);   // typical patient, calibrate's EMAX_D 35.09 with acute tolerance: 7.61
        Assert.InRange(dissociation.MaximumTimeH, 21.0 / 60, 26.0 / 60);   // acute tolerance: the peak comes during the infusion (23.4 min)
        Assert.True(antidepressant.MinimumValue < 0, "the antidepressant drug effect lowers the score");
        var provisional = json.GetProperty("provisionalEffectParameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(EffectParameterSet.Default.Parameters.Where(p => p.IsProvisional).Select(p => p.Name), provisional);
        Assert.Contains("PROVISIONAL", json.GetProperty("provisionalEffectParameters")[0].GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_Defaults_SummaryShowsEffectsEffectColumnsAndProvisionalEffectParameters()
    {
        var run = CliRunner.Run("simulate");
        string flat = string.Join(' ', run.Stdout.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(0, run.ExitCode);
        var library = LibraryDefaultPkPd();
        string peak = library[EffectParameterSet.DissociationName].MaximumValue.ToString("0.00", CultureInfo.InvariantCulture);
        string largest = library[EffectParameterSet.AntidepressantName].MinimumValue.ToString("0.00", CultureInfo.InvariantCulture);
        Assert.Matches(@"Peak dissociation \(CADSS points\)\W+" + Regex.Escape(peak), run.Stdout);
        Assert.Matches(@"Largest antidepressant drug effect\W+" + Regex.Escape(largest), run.Stdout);
        Assert.Contains("PROVISIONAL effect parameters", flat, StringComparison.Ordinal);
        Assert.Contains("C50_D, EMAX_D, HILL_D, KE0_A, EC50_A, KTR, KDEC, BETA, SCALE_A", flat, StringComparison.Ordinal);
        Assert.Contains("CADSS", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("MADRS change", run.Stdout, StringComparison.Ordinal);
        // The 40 min row of the table: ketamine, norketamine, CADSS, MADRS change.
        var row = run.Stdout.Split('\n').Single(l => l.StartsWith("│ 40 min │", StringComparison.Ordinal));
        var cells = row.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(5, cells.Length);
        Assert.Equal(library[EffectParameterSet.DissociationName].Values[8], double.Parse(cells[3], CultureInfo.InvariantCulture), 0.005);
    }

    [Fact]
    public void Simulate_Out_MadrsChangeFollowsTheModelMd42Calibration()
    {
        // The typical patient's drug effect after 0.5 mg/kg over 40 min with Domino PK (calibrate's values; the shape of docs/model.md section 4.2).
        using var dir = new TempDirectory();
        string path = dir.File("effects.csv");

        var run = CliRunner.Run("simulate", "--out", path);

        Assert.Equal(0, run.ExitCode);
        var rows = File.ReadAllLines(path).Skip(1).Select(l => l.Split(',')).ToDictionary(c => Math.Round(double.Parse(c[0], CultureInfo.InvariantCulture) * 60));
        Assert.Equal(-10.42, double.Parse(rows[240][4], CultureInfo.InvariantCulture), 0.15);    // measured -10.42 (PkPdSimulatorTests)
        Assert.Equal(-12.28, double.Parse(rows[1440][4], CultureInfo.InvariantCulture), 0.15);   // measured -12.28
        Assert.Equal(0.0, double.Parse(rows[0][3], CultureInfo.InvariantCulture));
        Assert.All(rows.Values, c => Assert.InRange(double.Parse(c[3], CultureInfo.InvariantCulture), 0, 30));
    }

    [Fact]
    public void Simulate_EsketamineIntranasal_OutHasEffectColumnsAfterTheConcentrations()
    {
        using var dir = new TempDirectory();
        string path = dir.File("esk.csv");

        var run = CliRunner.Run("simulate", "--drug", "esketamine", "--out", path, "--json");

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(path);
        Assert.StartsWith("time_h,parent_ng_per_ml,metabolite_ng_per_ml,cadss,madrs_change,amount_", lines[0], StringComparison.Ordinal);
        int columns = lines[0].Split(',').Length;
        Assert.All(lines.Skip(1), l => Assert.Equal(columns, l.Split(',').Length));
        using var doc = JsonDocument.Parse(run.Stdout);
        double peak = doc.RootElement.GetProperty("dissociation").GetProperty("peakCadss").GetDouble();
        Assert.Equal(peak, lines.Skip(1).Max(l => double.Parse(l.Split(',')[3], CultureInfo.InvariantCulture)), 0.5);
        Assert.True(doc.RootElement.GetProperty("antidepressant").GetProperty("maxEffectMadrs").GetDouble() < 0);
    }

    [Fact]
    public void Simulate_JsonUntil6h_Auc0To24IsStillOverTheFirst24HoursAsInTheLibrary()
    {
        var json = Json(CliRunner.Run("simulate", "--until", "6h", "--json"));

        var library6h = LibraryDefault(SimulationOptions.Default with { Until = TimeSpan.FromHours(6) });
        var library24h = LibraryDefault();
        double auc = json.GetProperty("parent").GetProperty("auc0To24NgHPerMl").GetDouble();
        Assert.Equal(library6h.Parent.Auc0To24NgHPerMl, auc, 1e-9);
        Assert.Equal(library24h.Parent.Auc0To24NgHPerMl, auc, 1e-6);
        Assert.Equal(library6h.Metabolite!.Auc0To24NgHPerMl, json.GetProperty("metabolite").GetProperty("auc0To24NgHPerMl").GetDouble(), 1e-9);
        Assert.Equal(6.0, json.GetProperty("untilH").GetDouble());
    }

    [Fact]
    public void Simulate_Out_WritesExactHeaderAndOneRowPerOutputTimeAtTenSignificantDigits()
    {
        using var dir = new TempDirectory();
        string path = dir.File("conc.csv");

        var run = CliRunner.Run("simulate", "--out", path);

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(path);
        Assert.Equal(
            "time_h,parent_ng_per_ml,metabolite_ng_per_ml,cadss,madrs_change,amount_central_mg,amount_peripheral1_mg,amount_peripheral2_mg," +
            "amount_norketamine_mg,amount_norketamine_peripheral_mg,amount_depot_im_mg,amount_gut_in_mg,amount_depot_po_mg," +
            "amount_depot_sl_mg,amount_depot_sc_mg,eliminated_mg,input_mg",
            lines[0]);
        var library = LibraryDefaultPkPd();
        var pkOnly = LibraryDefault();
        Assert.Equal(SimulationOptions.Default.OutputTimesH().Length, lines.Length - 1);
        Assert.Equal(library.TimesH.Length, lines.Length - 1);
        var cadss = library[EffectParameterSet.DissociationName].Values;
        var madrs = library[EffectParameterSet.AntidepressantName].Values;
        for (int k = 0; k < library.TimesH.Length; k++)
        {
            var cells = lines[k + 1].Split(',');
            Assert.Equal(17, cells.Length);
            // Time courses carry 10 significant digits (docs/outputs.md, "CSV values"): each cell is the library value
            // rounded to 10 significant digits, exactly.
            Assert.Equal(TenDigits(library.TimesH[k]), double.Parse(cells[0], CultureInfo.InvariantCulture));
            Assert.Equal(TenDigits(library.Pk.ParentNgPerMl[k]), double.Parse(cells[1], CultureInfo.InvariantCulture));
            Assert.Equal(TenDigits(library.Pk.MetaboliteNgPerMl[k]), double.Parse(cells[2], CultureInfo.InvariantCulture));
            Assert.Equal(TenDigits(cadss[k]), double.Parse(cells[3], CultureInfo.InvariantCulture));
            Assert.Equal(TenDigits(madrs[k]), double.Parse(cells[4], CultureInfo.InvariantCulture));
            Assert.Equal(TenDigits(library.Pk.AmountsOf("central")[k]), double.Parse(cells[5], CultureInfo.InvariantCulture));
            // The PK columns agree with the PK-only simulator (the PK-PD march takes extra steps): 1e-9 relative.
            Assert.Equal(pkOnly.ParentNgPerMl[k], double.Parse(cells[1], CultureInfo.InvariantCulture), 1e-9 * Math.Max(1, pkOnly.ParentNgPerMl[k]));
        }
        Assert.Equal([path], Directory.GetFiles(dir.Path));
    }

    private static double TenDigits(double value) =>
        double.Parse(value.ToString("G10", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + 0.0;

    [Fact]
    public void Simulate_OutOverExistingFile_ReplacesIt()
    {
        using var dir = new TempDirectory();
        string path = dir.File("conc.csv");
        File.WriteAllText(path, "old content");

        var run = CliRunner.Run("simulate", "--until", "1h", "--out", path);

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(path);
        Assert.StartsWith("time_h,parent_ng_per_ml,metabolite_ng_per_ml,", lines[0], StringComparison.Ordinal);
        Assert.Equal(13, lines.Length - 1);
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    public static TheoryData<string, string[]> BadInputs => new()
    {
        { "negative dose", ["--dose", "-1mg"] },
        { "NaN dose", ["--dose", "NaNmg"] },
        { "dose without unit", ["--dose", "35"] },
        { "unknown route", ["--route", "rectal"] },
        { "route the model lacks", ["--model", "herd", "--route", "im"] },
        { "esketamine route the model lacks", ["--drug", "esketamine", "--route", "im"] },
        { "weight out of range", ["--weight", "500kg"] },
        { "negative weight", ["--weight", "-70"] },
        { "weight in pounds", ["--weight", "154lb"] },
        { "nasal dose not a multiple of 28 mg", ["--drug", "esketamine", "--dose", "50mg"] },
        { "model of the other drug", ["--drug", "racemic", "--model", "perez-ruixo"] },
        { "infusion with a non-IV route", ["--route", "oral", "--infusion", "40min"] },
        { "rate with a non-IV route", ["--route", "oral", "--rate", "20mg/h"] },
        { "dose and rate together", ["--dose", "35mg", "--rate", "20mg/h"] },
        { "repeat without interval", ["--repeat", "8"] },
        { "interval without repeat", ["--interval", "3.5d"] },
        { "zero repeat", ["--repeat", "0"] },
        { "unknown solver", ["--solver", "euler"] },
        { "age out of range", ["--age", "150"] },
        { "unknown ancestry", ["--ancestry", "martian"] },
        { "duration without unit", ["--until", "24"] },
        { "step too small", ["--step", "0.5s"] },
        { "too many outputs", ["--until", "3650d", "--step", "1s"] },
        { "infusion too long", ["--infusion", "8d"] },
        { "unknown option (System.CommandLine)", ["--dosage", "35mg"] },
        { "non-integer repeat (System.CommandLine)", ["--repeat", "two", "--interval", "1d"] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Simulate_BadInput_FailsWithOneErrorLineAndWritesNoFile(string scenario, string[] args)
    {
        using var dir = new TempDirectory();
        string path = dir.File("out.csv");

        var run = CliRunner.Run(["simulate", .. args, "--out", path]);

        Assert.True(run.ExitCode != 0, scenario);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.True(line.Length > "error: ".Length + 10, line);
        Assert.DoesNotContain("   at ", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
        Assert.False(File.Exists(path), scenario);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData(new[] { "--model", "herd", "--route", "im" }, "herd", "im")]
    [InlineData(new[] { "--drug", "esketamine", "--route", "im" }, "perez-ruixo", "intranasal")]
    [InlineData(new[] { "--drug", "racemic", "--model", "perez-ruixo" }, "esketamine", "racemic")]
    [InlineData(new[] { "--weight", "500kg" }, "--weight", "300")]
    [InlineData(new[] { "--drug", "esketamine", "--dose", "50mg" }, "28 mg", "--dose")]
    [InlineData(new[] { "--dose", "35" }, "--dose", "unit")]
    public void Simulate_BadInput_MessageNamesTheProblem(string[] args, string first, string second)
    {
        var run = CliRunner.Run(["simulate", .. args]);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.Contains(first, line, StringComparison.Ordinal);
        Assert.Contains(second, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_BadInputWithExistingOutFile_LeavesTheFileUntouched()
    {
        using var dir = new TempDirectory();
        string path = dir.File("keep.csv");
        File.WriteAllText(path, "keep me");

        var run = CliRunner.Run("simulate", "--dose", "-5mg", "--out", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("keep me", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Simulate_OutInMissingDirectory_FailsNamingThePathAndWritesNothing()
    {
        using var dir = new TempDirectory();
        string missing = Path.Combine(dir.Path, "no-such-dir");
        string path = Path.Combine(missing, "conc.csv");

        var run = CliRunner.Run("simulate", "--out", path, "--json");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("error: --out", line, StringComparison.Ordinal);
        Assert.Contains(missing, line, StringComparison.Ordinal);
        Assert.Contains("does not exist", line, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
        Assert.False(Directory.Exists(missing));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Simulate_OutIsADirectory_FailsAndLeavesTheDirectoryEmpty()
    {
        using var dir = new TempDirectory();

        var run = CliRunner.Run("simulate", "--out", dir.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is a directory", Assert.Single(run.StderrLines), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Simulate_EsketamineIntranasal56mg_ParentCmaxMatchesPerezRuixo2021Table4()
    {
        // Perez-Ruixo et al. 2021 (Clin Pharmacokinet 60:501), Table 4: esketamine Cmax 72.5 ng/mL after 56 mg intranasal.
        var json = Json(CliRunner.Run("simulate", "--drug", "esketamine", "--route", "intranasal", "--dose", "56mg", "--json"));

        Assert.Equal("perez-ruixo", json.GetProperty("model").GetString());
        Assert.Equal(56.0, json.GetProperty("doseMg").GetDouble());
        Assert.InRange(json.GetProperty("parent").GetProperty("cmaxNgPerMl").GetDouble(), 72.5 * 0.9, 72.5 * 1.1);
    }

    [Fact]
    public void Simulate_EsketamineDefaults_AreIntranasal56mgWithPerezRuixo()
    {
        var json = Json(CliRunner.Run("simulate", "--drug", "esketamine", "--json"));

        Assert.Equal("esketamine", json.GetProperty("drug").GetString());
        Assert.Equal("perez-ruixo", json.GetProperty("model").GetString());
        Assert.Equal("intranasal", json.GetProperty("route").GetString());
        Assert.Equal(56.0, json.GetProperty("doseMg").GetDouble());
        Assert.Equal("noresketamine", json.GetProperty("metaboliteAnalyte").GetString());
    }

    [Fact]
    public void Simulate_Repeat8Every3point5DaysFor28Days_GivesEightDosesAndEveryOutputRow()
    {
        using var dir = new TempDirectory();
        string path = dir.File("course.csv");

        var summary = CliRunner.Run("simulate", "--drug", "esketamine", "--repeat", "8", "--interval", "3.5d", "--until", "28d");
        var json = Json(CliRunner.Run("simulate", "--drug", "esketamine", "--repeat", "8", "--interval", "3.5d", "--until", "28d", "--json", "--out", path));

        Assert.Equal(0, summary.ExitCode);
        Assert.Contains("8 doses every 3.5 d", summary.Stdout, StringComparison.Ordinal);
        var starts = json.GetProperty("doses").EnumerateArray().Select(d => d.GetProperty("startH").GetDouble()).ToArray();
        Assert.Equal(Enumerable.Range(0, 8).Select(k => k * 84.0), starts);
        Assert.Equal(672.0, json.GetProperty("untilH").GetDouble());
        Assert.Equal(28 * 24 * 12 + 1, File.ReadAllLines(path).Length - 1);
        // A linear model: AUC to infinity of 8 doses is 8 times that of one.
        var single = Json(CliRunner.Run("simulate", "--drug", "esketamine", "--json"));
        Assert.Equal(8 * single.GetProperty("parent").GetProperty("aucInfNgHPerMl").GetDouble(),
            json.GetProperty("parent").GetProperty("aucInfNgHPerMl").GetDouble(), 1e-6);
    }

    [Fact]
    public void Simulate_RateOverInfusion_EqualsTheSameTotalDose()
    {
        // 0.75 mg/kg/h for 40 min = 0.5 mg/kg.
        var byRate = Json(CliRunner.Run("simulate", "--rate", "0.75mg/kg/h", "--infusion", "40min", "--json"));
        var byDose = Json(CliRunner.Run("simulate", "--json"));

        Assert.Equal(35.0, byRate.GetProperty("doseMg").GetDouble(), 9);
        Assert.Equal(byDose.GetProperty("parent").GetProperty("cmaxNgPerMl").GetDouble(),
            byRate.GetProperty("parent").GetProperty("cmaxNgPerMl").GetDouble(), 1e-9);
    }

    [Fact]
    public void Simulate_WeightAndMgPerKg_ConvertsDoseMgPerAdministration()
    {
        var json = Json(CliRunner.Run("simulate", "--weight", "82", "--dose", "0.5mg/kg", "--json"));

        Assert.Equal(82.0, json.GetProperty("weightKg").GetDouble());
        Assert.Equal(41.0, json.GetProperty("doseMg").GetDouble(), 12);
    }

    [Theory]
    [InlineData("dopri5")]
    [InlineData("rodas4")]
    public void Simulate_AdaptiveSolver_AgreesWithExact(string solver)
    {
        var exact = Json(CliRunner.Run("simulate", "--until", "6h", "--json"));
        var adaptive = Json(CliRunner.Run("simulate", "--until", "6h", "--solver", solver, "--json"));

        Assert.Equal(solver, adaptive.GetProperty("solver").GetString());
        double a = adaptive.GetProperty("parent").GetProperty("cmaxNgPerMl").GetDouble();
        double e = exact.GetProperty("parent").GetProperty("cmaxNgPerMl").GetDouble();
        Assert.InRange(a / e, 1 - 1e-4, 1 + 1e-4);
    }

    [Fact]
    public void Simulate_IvBolusWithOtherModel_Works()
    {
        var json = Json(CliRunner.Run("simulate", "--model", "herd", "--weight", "25kg", "--dose", "1mg/kg", "--infusion", "0", "--json"));

        Assert.Equal("racemic", json.GetProperty("drug").GetString());
        Assert.Equal("herd", json.GetProperty("model").GetString());
        Assert.Equal(25.0, json.GetProperty("doseMg").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("doses")[0].GetProperty("infusionH").ValueKind);
        Assert.Equal(0.0, json.GetProperty("parent").GetProperty("tmaxH").GetDouble(), 6);
    }

    [Fact]
    public void Simulate_HydrochlorideDose_ReportsFreeBaseMg()
    {
        var json = Json(CliRunner.Run("simulate", "--route", "oral", "--dose", "50mg-hcl", "--json"));

        // Free base = salt x 237.7 / 274.2 (molar masses of ketamine base and hydrochloride).
        Assert.Equal(50 * 237.7 / 274.2, json.GetProperty("doseMg").GetDouble(), 9);
        Assert.Equal("oral", json.GetProperty("route").GetString());
    }

    [Fact]
    public void Simulate_ModelAlone_ImpliesItsDrug()
    {
        var json = Json(CliRunner.Run("simulate", "--model", "perez-ruixo", "--json"));

        Assert.Equal("esketamine", json.GetProperty("drug").GetString());
        Assert.Equal("intranasal", json.GetProperty("route").GetString());
    }
}
