using System.Globalization;
using System.Text.Json;
using KetaminePkPd.Cli.Output;
using KetaminePkPd.Comparisons;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Tests.Plotting;
using KetaminePkPd.Application.Reporting;

namespace KetaminePkPd.Tests.Cli;

/// <summary>
/// <c>ketamine-pkpd dose-response</c>, run in-process. Runs use 60 virtual patients, except the one marked Slow, which
/// runs the full default (600).
/// </summary>
public sealed class DoseResponseCommandTests
{
    private static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        Assert.Equal("", run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        return doc.RootElement.Clone();
    }

    private static string Flat(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    [Trait("Category", "Slow")]
    public void DoseResponse_NoOptions_Slow_ReportsTheLibrarysHalfMaximalDosesAndDoseAloneCorrelation()
    {
        var run = CliRunner.Run("dose-response");
        var library = DoseResponse.Run();

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("Simulating: 100%", run.StderrLines[^1]);
        string flat = Flat(run.Stdout);
        Assert.Contains("30 log-spaced doses from 0.05 mg/kg to 1.5 mg/kg, IV over 40 min", flat, StringComparison.Ordinal);
        Assert.Contains("Both effects at 10 of the 30 doses", flat, StringComparison.Ordinal);
        Assert.Contains($"Dissociation {Formatting.Number(library.HalfMaximalDissociationDose!.Value.Value, 3).TrimEnd('0')} mg/kg", flat, StringComparison.Ordinal);
        Assert.Contains($"Antidepressant {Formatting.Number(library.HalfMaximalAntidepressantDose!.Value.Value, 3).TrimEnd('0')} mg/kg", flat, StringComparison.Ordinal);
        Assert.Contains("first reaches half of its largest value in this sweep", flat, StringComparison.Ordinal);
        var day1 = library.PopulationDay1!;
        Assert.Contains($"Dose alone produces r = {Formatting.R(day1.Raw.R)} between CADSS at 40 min and % change at day 1", flat, StringComparison.Ordinal);
        Assert.Contains($"(r = {Formatting.R(day1.ImprovementR)} with improvement) in 600 virtual patients", flat, StringComparison.Ordinal);
        Assert.Contains("PROVISIONAL", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Sign convention:", run.Stdout, StringComparison.Ordinal);
        Assert.All(run.Stdout.Split('\n'), line => Assert.Equal(line.TrimEnd(), line));
    }

    [Fact]
    public void DoseResponse_Json_HasEveryDoseTheHalfMaximalDosesAndTheDoseAloneCorrelation()
    {
        var json = Json(CliRunner.Run("dose-response", "--subjects", "60", "--seed", "4", "--json"));
        var library = DoseResponse.Run(DoseResponseSettings.Default with { PopulationSize = 60, Seed = 4 });

        foreach (var key in new[] { "drug", "model", "route", "infusionH", "weightKg", "doseUnit", "from", "to", "steps", "populationSize", "seed", "points",
                     "halfMaximal", "population", "signConvention", "provisionalParameters", "modelVersion", "reproduce", "outFile", "plotFiles" })
            Assert.True(json.TryGetProperty(key, out _), $"missing key {key}");
        Assert.Equal("mg/kg", json.GetProperty("doseUnit").GetString());
        Assert.Equal("ketamine-pkpd dose-response --subjects 60 --seed 4", json.GetProperty("reproduce").GetString());
        var points = json.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(30, points.Count);
        for (int i = 0; i < points.Count; i++)
        {
            foreach (var key in new[] { "dose", "doseMg", "peakCadss", "day1ChangeMadrs", "cmaxNgPerMl" })
                Assert.True(double.IsFinite(points[i].GetProperty(key).GetDouble()), key);
            Assert.Equal(library.Points[i].PeakCadss, points[i].GetProperty("peakCadss").GetDouble(), 9);
            // A change of the MADRS score: negative = improvement, as madrs_change in compare (docs/outputs.md).
            Assert.Equal(-library.Points[i].Day1Improvement, points[i].GetProperty("day1ChangeMadrs").GetDouble(), 12);
            Assert.True(points[i].GetProperty("day1ChangeMadrs").GetDouble() < 0);
        }
        Assert.Equal(0.05, points[0].GetProperty("dose").GetDouble(), 12);
        Assert.Equal(1.5, points[^1].GetProperty("dose").GetDouble(), 12);
        var half = json.GetProperty("halfMaximal");
        Assert.Equal(library.HalfMaximalDissociationDose!.Value.Value, half.GetProperty("dissociationDose").GetDouble(), 9);
        Assert.Equal(library.HalfMaximalAntidepressantDose!.Value.Value, half.GetProperty("antidepressantDose").GetDouble(), 9);
        // The plasticity model does not level off (the library's DoseResponseResult remarks); dissociation nears its Emax.
        // With acute tolerance the dissociation no longer levels off by 1.5 mg/kg (the tolerance raises its C50 as the dose rises).
        Assert.Equal(["dissociation", "antidepressant effect"], half.GetProperty("risingAtTop").EnumerateArray().Select(e => e.GetString()!));
        var population = json.GetProperty("population");
        Assert.Equal(60, population.GetProperty("subjects").GetInt32());
        Assert.Equal("exposure-only", population.GetProperty("hypothesis").GetString());
        Assert.Equal(library.PopulationDay1!.Raw.R, population.GetProperty("r").GetDouble(), 12);
        Assert.Equal(-population.GetProperty("r").GetDouble(), population.GetProperty("improvementR").GetDouble(), 12);
        Assert.InRange(population.GetProperty("partialGivenExposure").GetProperty("r").GetDouble(), -1, 1);
        Assert.StartsWith("Dose alone produces r = ", population.GetProperty("reading").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DoseResponse_PopulationZero_HasNoPopulationAndNoProgress()
    {
        var run = CliRunner.Run("dose-response", "--population", "0", "--json");

        var json = Json(run);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("population").ValueKind);
    }

    [Fact]
    public void DoseResponse_Progress_GoesToStderrAndQuietSilencesIt()
    {
        var shown = CliRunner.Run("dose-response", "--population", "60");
        var quiet = CliRunner.Run("dose-response", "--population", "60", "--quiet");

        Assert.Equal(0, shown.ExitCode);
        Assert.NotEmpty(shown.StderrLines);
        Assert.All(shown.StderrLines, l => Assert.Matches(@"^Simulating: (10|20|30|40|50|60|70|80|90|100)%$", l));
        Assert.Equal("", quiet.Stderr);
        Assert.Equal(shown.Stdout, quiet.Stdout);
    }

    [Fact]
    public void DoseResponse_Out_WritesOneRowPerDose()
    {
        using var dir = new TempDirectory();
        string path = dir.File("sweep.csv");

        var run = CliRunner.Run("dose-response", "--from", "0.1mg/kg", "--to", "1mg/kg", "--steps", "7", "--population", "0", "--out", path);

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(path);
        Assert.Equal("dose,dose_unit,dose_mg,peak_cadss,day1_change_madrs,cmax_ng_per_ml", lines[0]);
        Assert.Equal(8, lines.Length);
        Assert.StartsWith("0.1,mg/kg,7,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("1,mg/kg,70,", lines[^1], StringComparison.Ordinal);
        double peak = double.Parse(lines[^1].Split(',')[3], CultureInfo.InvariantCulture);
        Assert.InRange(peak, 0, 30);
        Assert.All(lines.Skip(1), l => Assert.True(double.Parse(l.Split(',')[4], CultureInfo.InvariantCulture) < 0, l));
    }

    [Fact]
    public void DoseResponse_IntranasalEsketamineOnWholeDevices_Runs()
    {
        var json = Json(CliRunner.Run("dose-response", "--drug", "esketamine", "--route", "intranasal", "--from", "28mg", "--to", "112mg", "--steps", "3",
            "--population", "30", "--json"));

        Assert.Equal("perez-ruixo", json.GetProperty("model").GetString());
        Assert.Equal([28.0, 56.0, 112.0], json.GetProperty("points").EnumerateArray().Select(p => Math.Round(p.GetProperty("doseMg").GetDouble(), 9)));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("infusionH").ValueKind);
    }

    [Fact]
    public void DoseResponse_Plots_WritePngAndSvgFigures()
    {
        using var dir = new TempDirectory();
        string png = dir.File("dose-response.png"), svg = dir.File("scatter.svg");

        var run = CliRunner.Run("dose-response", "--population", "60", "--plot", png, "--plot-scatter", svg, "--quiet");

        Assert.Equal(0, run.ExitCode);
        FigureAssert.IsPng(png, 1000, 600);
        FigureAssert.IsSvgFile(svg, "Dissociation (CADSS points)", "Improvement of MADRS at day 1 (% of baseline)", "least-squares line");
        Assert.Contains($"Written: {png}, {svg}.", Flat(run.Stdout), StringComparison.Ordinal);
    }

    [Fact]
    public void DoseResponse_PlotSvg_HasTheDoseAxisLabel()
    {
        using var dir = new TempDirectory();
        string svg = dir.File("dose-response.svg");

        var run = CliRunner.Run("dose-response", "--population", "0", "--plot", svg);

        Assert.Equal(0, run.ExitCode);
        FigureAssert.IsSvgFile(svg, "Dose (mg/kg, log scale)", "Peak dissociation (CADSS points)");
    }

    public static TheoryData<string, string[], string> BadInputs => new()
    {
        { "intranasal esketamine off devices", ["--drug", "esketamine", "--route", "intranasal", "--from", "28mg", "--to", "112mg"],
            "--from: intranasal esketamine comes in 28 mg devices, so every dose must be a whole number of devices, but the 30 log-spaced doses from 28 mg to 112 mg include" },
        { "intranasal esketamine in mg/kg", ["--drug", "esketamine", "--route", "intranasal"], "--from: intranasal esketamine comes in 28 mg devices, so every dose must be a whole number of devices; give the doses in mg, not mg/kg" },
        { "from above to", ["--from", "1mg/kg", "--to", "0.5mg/kg"], "--from: the lowest dose, 1 mg/kg, must be below the highest, 0.5 mg/kg" },
        { "model of the other drug", ["--drug", "racemic", "--model", "perez-ruixo"], "--model: perez-ruixo is a model of esketamine, not of racemic ketamine" },
        { "mixed units", ["--from", "0.05mg/kg", "--to", "100mg"], "must both be mg/kg or both be mg" },
        { "bad dose unit", ["--from", "0.05mg/l"], "--from: dose '0.05mg/l'" },
        { "one step", ["--steps", "1"], "--steps '1': must be a whole number in [2, 1000]" },
        { "infusion with intranasal", ["--route", "intranasal", "--infusion", "40min"], "--infusion: an infusion applies to the iv route only, got route intranasal" },
        { "route the model lacks", ["--model", "herd", "--route", "im"], "--route: model herd (racemic ketamine) does not support route im; it supports iv" },
        { "scatter without population", ["--population", "0", "--plot-scatter", "s.png"], "--plot-scatter draws the virtual population and needs at least 4 virtual patients, got --population 0" },
        { "plot extension", ["--plot", "curve.gif"], "--plot 'curve.gif': a plot must end in .png or .svg, got '.gif'" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void DoseResponse_BadInput_FailsWithOneLineNamingTheOptionAndWritesNothing(string scenario, string[] args, string expected)
    {
        using var dir = new TempDirectory();

        var run = CliRunner.Run(["dose-response", .. args, "--out", dir.File("sweep.csv")]);

        Assert.True(run.ExitCode == 2, $"{scenario}: exit {run.ExitCode}: {run.Stderr}");
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData("--out")]
    [InlineData("--plot")]
    [InlineData("--plot-scatter")]
    public void DoseResponse_UnwritableOutput_FailsBeforeSimulatingAndLeavesNoFile(string option)
    {
        using var dir = new TempDirectory();
        string bad = Path.Combine(dir.Path, "no-such-dir", option == "--out" ? "sweep.csv" : "figure.png");
        string[] others = option == "--out" ? ["--plot", dir.File("ok.png")] : ["--out", dir.File("ok.csv")];

        var run = CliRunner.Run(["dose-response", "--population", "100000", .. others, option, bad]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {option} ", Assert.Single(run.StderrLines), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData("--drug", "racemic|esketamine", "[default: racemic")]
    [InlineData("--model", "domino|hijazi|clements|herd|perez-ruixo", "[default: domino for racemic")]
    [InlineData("--route", "iv|intranasal|oral|sublingual|im|sc", "[default: iv]")]
    [InlineData("--infusion", "<duration>", "[default: 40min]")]
    [InlineData("--from", "mg/kg", "[default: 0.05mg/kg]")]
    [InlineData("--to", "mg/kg", "[default: 1.5mg/kg]")]
    [InlineData("--steps", "<count>", "[default: 30]")]
    [InlineData("-n, --population, --subjects", "<count>", "[default: 600]")]
    [InlineData("--seed", "<seed>", "[default: 1]")]
    [InlineData("--weight", "kg", "[default: 70kg]")]
    [InlineData("--plot", "<file.png|file.svg>", "half-maximal")]
    [InlineData("--plot-scatter", "<file.png|file.svg>", "least-squares")]
    [InlineData("--out", "day1_change_madrs", "negative = improvement")]
    [InlineData("--json", "JSON", "halfMaximal")]
    [InlineData("-q, --quiet", "progress", "stderr")]
    public void DoseResponseHelp_DocumentsEveryOptionWithUnitDefaultAndValues(string option, string valuesOrUnit, string defaultOrRule)
    {
        var run = CliRunner.Run("dose-response", "--help");

        Assert.Equal(0, run.ExitCode);
        string entry = HelpText.OptionEntry(run.Stdout, option);
        Assert.Contains(valuesOrUnit, entry, StringComparison.Ordinal);
        Assert.Contains(defaultOrRule, entry, StringComparison.Ordinal);
    }

    [Fact]
    public void DoseResponseHelp_ExamplesWithoutFilesRun()
    {
        foreach (var args in HelpText.Examples("dose-response").Where(a => !a.Any(w => w.StartsWith("--out", StringComparison.Ordinal) || w.StartsWith("--plot", StringComparison.Ordinal))))
        {
            var run = CliRunner.Run([.. args, "--population", "20", "--quiet"]);
            Assert.True(run.ExitCode == 0, $"'{string.Join(' ', args)}' failed: {run.Stderr}");
        }
    }

    [Fact]
    public void DoseResponse_EsketamineModelIsTheDefaultForEsketamine()
    {
        var json = Json(CliRunner.Run("dose-response", "--drug", "esketamine", "--population", "0", "--json"));

        Assert.Equal(PkParameterSet.PerezRuixo2021.Key, json.GetProperty("model").GetString());
        Assert.Equal("iv", json.GetProperty("route").GetString());
    }
}
