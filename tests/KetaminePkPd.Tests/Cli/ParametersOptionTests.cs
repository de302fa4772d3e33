using System.Text.Json;
using KetaminePkPd.Application;
using KetaminePkPd.Evidence;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Plotting;
using KetaminePkPd.Sensitivity;

namespace KetaminePkPd.Tests.Cli;

/// <summary>
/// <c>--parameters file.json</c> on simulate, compare, dose-response, evidence, report and sensitivity --global: the file's effect
/// parameters reach every simulation of the command. The file sets BETA to -1.0 (shipped -2.690, calibrate's output): the
/// antidepressant drug effect is BETA x SCALE_A x P2 (docs/model.md section 4.2), linear in BETA, so a typical patient's drug effect
/// scales by exactly -1.0 / BETA = 0.3717 and dissociation does not move.
/// </summary>
public class ParametersOptionTests
{
    private static readonly double Ratio = -1.0 / EffectParameterSet.Default["BETA"].Value;

    private static string BetaFile(TempDirectory dir)
    {
        string path = dir.File("beta.json");
        File.WriteAllText(path, "{ \"parameters\": { \"BETA\": -1.0 } }");
        return path;
    }

    private static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement.Clone();
    }

    [Fact]
    public void Simulate_ParametersFile_ScalesTheDrugEffectByBeta()
    {
        using var dir = new TempDirectory();
        var plain = Json(CliRunner.Run("simulate", "--json"));
        var changed = Json(CliRunner.Run("simulate", "--json", "--parameters", BetaFile(dir)));
        double before = plain.GetProperty("antidepressant").GetProperty("maxEffectMadrs").GetDouble();
        double after = changed.GetProperty("antidepressant").GetProperty("maxEffectMadrs").GetDouble();
        Assert.Equal(Ratio, after / before, 10);
        Assert.Equal(plain.GetProperty("dissociation").GetRawText(), changed.GetProperty("dissociation").GetRawText());
        // The JSON lists the values used, not the shipped ones.
        var beta = changed.GetProperty("provisionalEffectParameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "BETA");
        Assert.Equal(-1.0, beta.GetProperty("value").GetDouble());
    }

    [Fact]
    public void Compare_ParametersFile_ScalesEveryArmsDrugEffectAndIsReproduced()
    {
        using var dir = new TempDirectory();
        string file = BetaFile(dir);
        var plain = Json(CliRunner.Run("compare", "--json"));
        var changed = Json(CliRunner.Run("compare", "--json", "--parameters", file));
        var arms = plain.GetProperty("arms").EnumerateArray().Zip(changed.GetProperty("arms").EnumerateArray()).ToList();
        Assert.NotEmpty(arms);
        foreach (var (a, b) in arms)
        {
            JsonElement ta = a.GetProperty("typical"), tb = b.GetProperty("typical");
            Assert.Equal(Ratio, tb.GetProperty("antidepressantDay1").GetDouble() / ta.GetProperty("antidepressantDay1").GetDouble(), 10);
            Assert.Equal(ta.GetProperty("peakCadss").GetDouble(), tb.GetProperty("peakCadss").GetDouble());
        }
        Assert.EndsWith($"--parameters {CommandLineText.Quote(file)}", changed.GetProperty("reproduce").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DoseResponse_ParametersFile_ScalesTheDay1EffectAtEveryDose()
    {
        using var dir = new TempDirectory();
        var plain = Json(CliRunner.Run("dose-response", "--subjects", "0", "--json"));
        var changed = Json(CliRunner.Run("dose-response", "--subjects", "0", "--json", "--parameters", BetaFile(dir)));
        var points = plain.GetProperty("points").EnumerateArray().Zip(changed.GetProperty("points").EnumerateArray()).ToList();
        Assert.Equal(plain.GetProperty("steps").GetInt32(), points.Count);
        foreach (var (a, b) in points)
        {
            Assert.Equal(Ratio, b.GetProperty("day1ChangeMadrs").GetDouble() / a.GetProperty("day1ChangeMadrs").GetDouble(), 10);
            Assert.Equal(a.GetProperty("peakCadss").GetDouble(), b.GetProperty("peakCadss").GetDouble());
        }
        Assert.Contains("--parameters", changed.GetProperty("reproduce").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A smaller drug effect against the same placebo and rating noise changes the simulated trials' correlations.</summary>
    [Fact]
    public void Evidence_ParametersFile_ChangesTheSimulatedCorrelations()
    {
        using var dir = new TempDirectory();
        var exclude = string.Join(',', EvidenceEntry.All.Select(e => e.Key).Where(k => k != "mathai2020"));
        string[] args = ["evidence", "--exclude", exclude, "--replicates", "200", "--quiet", "--json"];
        var plain = Json(CliRunner.Run(args));
        var changed = Json(CliRunner.Run([.. args, "--parameters", BetaFile(dir)]));
        var a = plain.GetProperty("rows").EnumerateArray().Select(r => r.GetRawText()).ToList();
        var b = changed.GetProperty("rows").EnumerateArray().Select(r => r.GetRawText()).ToList();
        Assert.Equal(a.Count, b.Count);
        Assert.NotEqual(a, b);
        // The library: the same settings with the file's set in every design give the CLI's rows.
        var fx = ParameterFile.Read(dir.File("beta.json"));
        var settings = EvidenceSettings.Default with { Entries = [EvidenceEntry.All.Single(e => e.Key == "mathai2020")], Replicates = 200 };
        var library = EvidenceResult.Run(ParameterFile.Apply(settings, fx));
        var medians = changed.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("median").GetDouble()).ToList();
        Assert.Equal(library.Rows.Select(r => r.Median), medians);
    }

    [Fact]
    public void Report_ParametersFile_ReachesTheBandsTheTrialAndTheTest()
    {
        using var dir = new TempDirectory();
        var fx = ParameterFile.Read(BetaFile(dir));
        var settings = HypothesisTestSettings.Default with
        {
            Replicates = HypothesisTestSettings.MinReplicates,
            PoolSize = HypothesisTestSettings.MinimumPoolSize(HypothesisTestSettings.Default.Observed),
        };
        var plain = HtmlReportStory.Simulate(settings);
        var changed = HtmlReportStory.Simulate(ParameterFile.Apply(settings, fx));
        Assert.Equal(Ratio, changed.Nimh.Typical.AntidepressantDay1 / plain.Nimh.Typical.AntidepressantDay1, 10);
        Assert.Equal(-1.0, changed.Trial.Design.Population.Effects["BETA"].Value);
        Assert.NotEqual(plain.Trial.Subjects[^1].Changes, changed.Trial.Subjects[^1].Changes);

        string html = dir.File("r.html");
        var run = CliRunner.Run("report", "--out", html, "--replicates", "100", "--pool", settings.PoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--quiet", "--parameters", dir.File("beta.json"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("--parameters", run.Stdout.TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
        Assert.Contains("--parameters", File.ReadAllText(html), StringComparison.Ordinal);
    }

    /// <summary>The file is the centre of every world: each world's plausibility trial runs with its BETA, so the day-1 response rate
    /// of the ketamine arm (a plausibility target) falls in every world, while the placebo arm's does not move.</summary>
    [Fact]
    public void GlobalSensitivity_ParametersFile_IsTheCentreOfEveryWorld()
    {
        using var dir = new TempDirectory();
        string file = BetaFile(dir);
        GlobalSensitivityResult Run(string? parameters) => GlobalSensitivityResult.Run(GlobalSensitivityRequest.Resolve(hypothesis: "exposure-only", worlds: 3,
            replicates: HypothesisTestSettings.MinReplicates, parametersFile: parameters).Settings);
        var plain = Run(null);
        var changed = Run(file);
        int response = GlobalSensitivitySettings.PlausibilityTargets.IndexOf("iv-sal-response-1d"), placebo = GlobalSensitivitySettings.PlausibilityTargets.IndexOf("iv-sal-placebo-response-1d");
        foreach (var (a, b) in plain.Worlds.Zip(changed.Worlds))
        {
            Assert.True(b.Targets[response] < a.Targets[response], $"world {a.Index}: {a.Targets[response]} -> {b.Targets[response]}");
            Assert.Equal(a.Targets[placebo], b.Targets[placebo]);
        }
        var cli = CliRunner.Run("sensitivity", "--global", "--worlds", "1", "--hypothesis", "exposure-only", "--replicates", "100", "--quiet", "--json", "--parameters", file);
        Assert.Contains("--parameters", Json(cli).GetProperty("reproduce").GetString(), StringComparison.Ordinal);
    }
}
