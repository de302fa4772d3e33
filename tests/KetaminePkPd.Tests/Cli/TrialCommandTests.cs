using System.Globalization;
using System.Text.Json;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Cli;

/// <summary><c>ketamine-pkpd trial</c>, run in-process: defaults, JSON shape, the per-patient CSV, scenarios, progress and bad input.</summary>
public sealed class TrialCommandTests
{
    private static readonly string[] TopLevelKeys =
    [
        "design", "designKey", "drug", "pkModel", "scale", "cadssTimeH", "hypothesis", "hypothesisSource", "seed", "modelVersion", "subjects",
        "arms", "overall", "associations", "signConvention", "population", "clinical", "provisionalParameters", "settings", "differsFromDefaults", "reproduce",
    ];

    /// <summary>The text with every run of whitespace (and the wrapping of long lines) collapsed to one space.</summary>
    private static string Flat(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    private static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        Assert.Equal("", run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        return doc.RootElement.Clone();
    }

    /// <summary>Every number anywhere in the element, with its path.</summary>
    private static IEnumerable<(string Path, double Value)> Numbers(JsonElement e, string path = "$")
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Number:
                yield return (path, e.GetDouble());
                break;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                    foreach (var n in Numbers(p.Value, $"{path}.{p.Name}")) yield return n;
                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in e.EnumerateArray())
                    foreach (var n in Numbers(item, $"{path}[{i++}]")) yield return n;
                break;
        }
    }

    [Fact]
    public void Trial_Defaults_ShowsNimhHeaderArmTablesAssociationsAndSignConvention()
    {
        var run = CliRunner.Run("trial");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);   // 108 patients: below the progress threshold
        Assert.DoesNotContain('\u001b', run.Stdout);
        Assert.StartsWith("ketamine-pkpd trial: NIMH 0.5 mg/kg over 40 min, 108 patients, exposure-only, seed 1", run.Stdout, StringComparison.Ordinal);
        foreach (var text in new[]
        {
            "Population", "Domino 1982", "Hypothesis", "Seed", "Dissociation by arm", "ketamine 0.5 mg/kg", "mean ± SD", "Peak CADSS",
            "Depression (HDRS-17) by arm and assessment", "Response", "Remission", "Association of CADSS (40 min) with % change of HDRS-17",
            "r vs % change", "95% CI", "r with improvement", "Spearman rho", "partial r | exposure", "partial r | dose",
            "Sign convention:", "negative r means more dissociation, more improvement", "PROVISIONAL", "C50_D",
        })
            Assert.Contains(text, Flat(run.Stdout), StringComparison.Ordinal);
        foreach (var time in new[] { "230 min", "1 d", "3 d", "7 d" })
            Assert.Contains(time, run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", run.Stdout, StringComparison.Ordinal);
        Assert.All(run.Stdout.Split('\n'), line => Assert.Equal(line.TrimEnd(), line));
    }

    [Fact]
    public void Trial_Json_HasEveryRequiredKeyFiniteNumbersAndEchoesTheSeed()
    {
        var json = Json(CliRunner.Run("trial", "--seed", "42", "--json"));

        foreach (var key in TopLevelKeys) Assert.True(json.TryGetProperty(key, out _), $"missing key {key}");
        Assert.Equal(42UL, json.GetProperty("seed").GetUInt64());
        Assert.Equal(42UL, json.GetProperty("settings").GetProperty("seed").GetUInt64());
        Assert.Equal(108, json.GetProperty("subjects").GetInt32());
        Assert.Equal("exposure-only", json.GetProperty("hypothesis").GetProperty("name").GetString());
        Assert.Equal("nimh", json.GetProperty("designKey").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("modelVersion").GetString()));
        Assert.Equal(["seed"], json.GetProperty("differsFromDefaults").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal("ketamine-pkpd trial --seed 42", json.GetProperty("reproduce").GetString());
        foreach (var (path, value) in Numbers(json)) Assert.True(double.IsFinite(value), $"{path} = {value}");

        var arm = Assert.Single(json.GetProperty("arms").EnumerateArray());
        Assert.Equal(108, arm.GetProperty("subjects").GetInt32());
        Assert.Equal(4, arm.GetProperty("assessments").GetArrayLength());
        foreach (var share in new[] { "shareCadssAbove4", "sharePeakAbove20" }) Assert.InRange(arm.GetProperty(share).GetDouble(), 0, 1);

        var associations = json.GetProperty("associations").EnumerateArray().ToList();
        Assert.Equal(["230min", "1d", "3d", "7d"], associations.Select(a => a.GetProperty("time").GetString()!));
        foreach (var a in associations)
        {
            double r = a.GetProperty("r").GetDouble();
            Assert.InRange(r, -1, 1);
            Assert.InRange(a.GetProperty("lower").GetDouble(), -1, r);
            Assert.InRange(a.GetProperty("upper").GetDouble(), r, 1);
            Assert.InRange(a.GetProperty("p").GetDouble(), 0, 1);
            Assert.Equal(-r, a.GetProperty("improvementR").GetDouble(), 15);
            Assert.Equal(108, a.GetProperty("n").GetInt32());
            foreach (var key in new[] { "spearman", "partialGivenExposure", "partialGivenDose" })
            {
                var c = a.GetProperty(key);
                Assert.Equal(JsonValueKind.Object, c.ValueKind);
                Assert.InRange(c.GetProperty("lower").GetDouble(), -1, c.GetProperty("r").GetDouble());
                Assert.InRange(c.GetProperty("upper").GetDouble(), c.GetProperty("r").GetDouble(), 1);
            }
        }
    }

    [Fact]
    public void Trial_Json_IsTheLibrarysVirtualTrial()
    {
        var json = Json(CliRunner.Run("trial", "--json"));

        var library = VirtualTrial.Run(TrialDesign.Nimh, Hypothesis.ExposureOnly, 1);
        Assert.Equal(library.Overall.MeanCadss, json.GetProperty("overall").GetProperty("meanCadss").GetDouble(), 12);
        Assert.Equal(library.Associations[0]!.Raw.R, json.GetProperty("associations")[0].GetProperty("r").GetDouble(), 12);
        Assert.Equal(library.Associations[3]!.PartialGivenExposure!.R,
            json.GetProperty("associations")[3].GetProperty("partialGivenExposure").GetProperty("r").GetDouble(), 12);
    }

    [Fact]
    public void Trial_SameSeed_GivesIdenticalJsonAndAnotherSeedDoesNot()
    {
        string[] args = ["trial", "--subjects", "60", "--seed", "11", "--hypothesis", "expectancy", "--json"];

        var first = CliRunner.Run(args);
        var second = CliRunner.Run(args);
        var other = CliRunner.Run(["trial", "--subjects", "60", "--seed", "12", "--hypothesis", "expectancy", "--json"]);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.NotEqual(first.Stdout, other.Stdout);
    }

    [Fact]
    public void Trial_HypothesisWithStrength_IsRunAndReported()
    {
        var json = Json(CliRunner.Run("trial", "--subjects", "40", "--hypothesis", "shared-sensitivity", "--rho", "0.4", "--json"));

        var h = json.GetProperty("hypothesis");
        Assert.Equal("shared-sensitivity", h.GetProperty("name").GetString());
        Assert.Equal(0.4, h.GetProperty("sensitivityCorrelation").GetDouble());
        Assert.Equal("--hypothesis", json.GetProperty("hypothesisSource").GetString());
        Assert.Equal(["subjects", "hypothesis"], json.GetProperty("differsFromDefaults").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal("ketamine-pkpd trial --subjects 40 --hypothesis shared-sensitivity --rho 0.4", json.GetProperty("reproduce").GetString());
    }

    [Fact]
    public void Trial_Out_WritesTheExactHeaderAndOneRowPerPatient()
    {
        using var dir = new TempDirectory();
        string path = dir.File("subjects.csv");

        var run = CliRunner.Run("trial", "--subjects", "50", "--out", path);

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(path);
        // NIMH rates HDRS-17: every depression column names the scale.
        string perTime(string t) => $"score_hdrs17_{t},change_hdrs17_{t},pct_change_hdrs17_{t},responder_hdrs17_{t},remitter_hdrs17_{t}";
        Assert.Equal(
            "index,arm,weight_kg,age_y,dose_mg,clearance_l_per_h,central_volume_l,c50_cadss_ng_per_ml,ec50_ng_per_ml,effect_scale," +
            "conc_at_cadss_ng_per_ml,cmax_ng_per_ml,auc0_24_ng_h_per_ml,cadss,cadss_peak,noticed,baseline_hdrs17," +
            string.Join(',', new[] { "230min", "1d", "3d", "7d" }.Select(perTime)),
            lines[0]);
        Assert.Equal(51, lines.Length);
        var library = VirtualTrial.Run(TrialDesign.Nimh.WithTotalSubjects(50), Hypothesis.ExposureOnly, 1);
        // Numbers carry 15 significant digits (docs/outputs.md): each reads back within half a unit in the 15th digit.
        static void Close(double expected, string cell) =>
            Assert.Equal(expected, double.Parse(cell, CultureInfo.InvariantCulture), 5e-15 * Math.Abs(expected));
        for (int i = 0; i < 50; i++)
        {
            var cells = lines[i + 1].Split(',');
            Assert.Equal(17 + 4 * 5, cells.Length);
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), cells[0]);
            Assert.Equal("ketamine 0.5 mg/kg", cells[1]);
            Close(library.Subjects[i].Simulated.Subject.WeightKg, cells[2]);
            Close(library.Subjects[i].CadssRated, cells[13]);
            Close(library.Subjects[i].PercentChanges[0], cells[19]);
            Close(library.Subjects[i].Changes[0], cells[18]);
            Assert.Equal(library.Subjects[i].Scores[0] - library.Subjects[i].Baseline, double.Parse(cells[18], CultureInfo.InvariantCulture), 9);
            Assert.Contains(cells[15], new[] { "TRUE", "FALSE" });
        }
        Assert.Contains($"{path} has one row per patient (50 rows)", Flat(run.Stdout), StringComparison.Ordinal);
        Assert.Equal([path], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Trial_DoseRanging_ReportsEveryArmAndAllOverall()
    {
        var json = Json(CliRunner.Run("trial", "--design", "dose-ranging", "--json"));

        Assert.Equal(["placebo", "ketamine 0.1 mg/kg", "ketamine 0.2 mg/kg", "ketamine 0.5 mg/kg", "ketamine 1.0 mg/kg"],
            json.GetProperty("arms").EnumerateArray().Select(a => a.GetProperty("arm").GetString()!));
        Assert.Equal(100, json.GetProperty("overall").GetProperty("subjects").GetInt32());
        Assert.Equal("MADRS", json.GetProperty("scale").GetString());
        // Placebo patients get no drug: no dissociation beyond rating noise.
        double placeboPeak = json.GetProperty("arms")[0].GetProperty("meanPeakCadss").GetDouble();
        double highPeak = json.GetProperty("arms")[4].GetProperty("meanPeakCadss").GetDouble();
        Assert.True(highPeak > placeboPeak + 5, $"1.0 mg/kg peak CADSS {highPeak} vs placebo {placeboPeak}");
    }

    [Fact]
    public void Trial_ScenarioFile_UsesItsArmsAndHypothesisUnlessHypothesisIsGiven()
    {
        using var dir = new TempDirectory();
        string path = dir.File("scenario.json");
        File.WriteAllText(path, """
            { "name": "Two doses", "model": "domino", "scale": "madrs", "assessments": ["230min", "1d", "7d"],
              // comments are allowed
              "arms": [ { "name": "low, 0.2", "route": "iv", "dose": "0.2mg/kg", "infusion": "40min", "subjects": 20 },
                        { "name": "high", "route": "iv", "dose": "0.5mg/kg", "infusion": "40min", "subjects": 20 } ],
              "hypothesis": { "kind": "mediation", "share": 0.8 } }
            """);
        string csv = dir.File("subjects.csv");

        var fromFile = Json(CliRunner.Run("trial", "--design", path, "--json", "--out", csv));
        var overridden = Json(CliRunner.Run("trial", "--design", path, "--hypothesis", "exposure-only", "--json"));

        Assert.Equal("Two doses", fromFile.GetProperty("design").GetString());
        Assert.Equal(Path.GetFullPath(path), fromFile.GetProperty("designFile").GetString());
        Assert.Equal("mediation", fromFile.GetProperty("hypothesis").GetProperty("name").GetString());
        Assert.Equal(0.8, fromFile.GetProperty("hypothesis").GetProperty("mediationShare").GetDouble());
        Assert.Equal("scenario file", fromFile.GetProperty("hypothesisSource").GetString());
        Assert.Equal(3, fromFile.GetProperty("associations").GetArrayLength());
        Assert.Equal("exposure-only", overridden.GetProperty("hypothesis").GetProperty("name").GetString());
        // An arm name with a comma is quoted in the CSV.
        Assert.StartsWith("0,\"low, 0.2\",", File.ReadAllLines(csv)[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Trial_OverProgressThreshold_PrintsPlainProgressOnStderrOnly_AndQuietSilencesIt()
    {
        var shown = CliRunner.Run("trial", "--subjects", "600");
        var quiet = CliRunner.Run("trial", "--subjects", "600", "--quiet");
        var json = CliRunner.Run("trial", "--subjects", "600", "--json");

        Assert.Equal(0, shown.ExitCode);
        Assert.Equal([.. Enumerable.Range(1, 10).Select(k => $"Simulating: {k * 10}%")], shown.StderrLines);
        Assert.DoesNotContain("Simulating", shown.Stdout, StringComparison.Ordinal);
        Assert.Equal("", quiet.Stderr);
        Assert.Equal(shown.Stdout, quiet.Stdout);
        // With --json and a redirected stderr there is no progress at all, and stdout is one JSON object.
        Assert.Equal("", json.Stderr);
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.Equal(600, doc.RootElement.GetProperty("subjects").GetInt32());
    }

    public static TheoryData<string, string[], string> BadInputs => new()
    {
        { "unknown hypothesis", ["--hypothesis", "telepathy"], "--hypothesis 'telepathy': unknown hypothesis" },
        { "rho without shared-sensitivity", ["--rho", "0.5"], "--rho applies to the shared-sensitivity hypothesis" },
        { "rho with another hypothesis", ["--hypothesis", "mediation", "--rho", "0.5"], "use --hypothesis shared-sensitivity" },
        { "rho out of range", ["--hypothesis", "shared-sensitivity", "--rho", "2"], "--rho '2': must be in [-1, 1]" },
        { "share out of range", ["--hypothesis", "mediation", "--share", "1.5"], "--share '1.5'" },
        { "threshold out of range", ["--hypothesis", "expectancy", "--threshold", "100"], "--threshold '100'" },
        { "boost without expectancy", ["--boost", "5"], "--boost applies to the expectancy hypothesis" },
        { "rho with a decimal comma", ["--hypothesis", "shared-sensitivity", "--rho", "0,5"], "--rho '0,5'" },
        { "zero subjects", ["--subjects", "0"], "--subjects '0'" },
        { "subjects not a number", ["--subjects", "many"], "--subjects 'many'" },
        { "negative seed", ["--seed", "-1"], "--seed '-1'" },
        { "unknown design", ["--design", "nimh2"], "--design 'nimh2': unknown design" },
        { "missing design file", ["--design", "no-such-scenario.json"], "file not found" },
        { "unknown option", ["--subject", "5"], "--subject" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Trial_BadInput_FailsWithOneErrorLineNamingTheProblemAndWritesNothing(string scenario, string[] args, string expected)
    {
        using var dir = new TempDirectory();
        string path = dir.File("subjects.csv");

        var run = CliRunner.Run(["trial", .. args, "--out", path]);

        Assert.True(run.ExitCode == 2, $"{scenario}: exit {run.ExitCode}");
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Trial_ScenarioWithBadDose_ErrorNamesTheJsonPath()
    {
        using var dir = new TempDirectory();
        string path = dir.File("bad.json");
        File.WriteAllText(path, """
            { "name": "bad", "assessments": ["1d"],
              "arms": [ { "name": "k", "route": "iv", "dose": "-0.5mg/kg", "infusion": "40min", "subjects": 10 } ] }
            """);

        var run = CliRunner.Run("trial", "--design", path, "--json");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith($"error: --design '{path}': $.arms[0].dose:", line, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Actual value", line, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Trial_DesignIsADirectory_FailsNamingIt()
    {
        using var dir = new TempDirectory();

        var run = CliRunner.Run("trial", "--design", dir.Path + "/");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is a directory", Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing directory")]
    [InlineData("directory as file")]
    public void Trial_UnwritableOut_FailsBeforeSimulatingAndWritesNothing(string scenario)
    {
        using var dir = new TempDirectory();
        string path = scenario == "directory as file" ? dir.Path : Path.Combine(dir.Path, "no-such-dir", "subjects.csv");

        var run = CliRunner.Run("trial", "--out", path, "--json");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("error: --out", line, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Trial_BadOutWithExistingFile_LeavesItUntouched()
    {
        using var dir = new TempDirectory();
        string path = dir.File("keep.csv");
        File.WriteAllText(path, "keep me");

        var run = CliRunner.Run("trial", "--subjects", "0", "--out", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("keep me", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }
}
