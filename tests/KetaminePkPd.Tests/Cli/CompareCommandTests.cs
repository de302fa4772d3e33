using System.Globalization;
using System.Text.Json;
using KetaminePkPd.Cli.Output;
using KetaminePkPd.Comparisons;
using KetaminePkPd.Tests.Plotting;
using KetaminePkPd.Application.Reporting;

namespace KetaminePkPd.Tests.Cli;

/// <summary><c>ketamine-pkpd compare</c>, run in-process: tables with uncertain-input ranges, JSON, CSV, plots and bad input.</summary>
public sealed class CompareCommandTests
{
    private static readonly string[] DefaultArmNames = ["racemic IV 0.5mg/kg/40min", "esketamine IN 56mg", "esketamine IN 84mg", "racemic IN 50mg", "racemic IM 0.5mg/kg"];

    private static readonly string[] MetricKeys =
        ["cmaxNgPerMl", "tmaxH", "auc0To24NgHPerMl", "timeAboveH", "peakCadss", "peakCadssTimeH", "cadssBelow4AfterH", "antidepressant4H", "antidepressantDay1", "antidepressantDay7"];

    /// <summary>The library's own comparison of the default arms for a typical 70 kg adult.</summary>
    private static readonly Lazy<ComparisonResult> Library = new(() => ComparisonResult.Run(ComparisonArm.Defaults));

    private static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        Assert.Equal("", run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        return doc.RootElement.Clone();
    }

    private static string Flat(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Compare_Defaults_ShowsTheFiveArmsInThreeTablesWithTheLibrarysNumbers()
    {
        var run = CliRunner.Run("compare");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.DoesNotContain('\u001b', run.Stdout);
        foreach (var title in new[] { "Exposure: parent drug in plasma, typical patient", "Dissociation, typical patient", "Antidepressant drug effect, typical patient" })
            Assert.Contains(title, run.Stdout, StringComparison.Ordinal);
        foreach (var name in DefaultArmNames)
            Assert.Equal(3, run.Stdout.Split('\n').Count(l => l.StartsWith("│ " + name + " ", StringComparison.Ordinal)));
        var iv = Library.Value.Arms[0].Typical;
        var ivRow = run.Stdout.Split('\n').First(l => l.StartsWith("│ racemic IV 0.5mg/kg/40min ", StringComparison.Ordinal));
        Assert.Contains(Formatting.Number(iv.CmaxNgPerMl, 3), ivRow, StringComparison.Ordinal);
        Assert.Contains(Formatting.Number(iv.Auc0To24NgHPerMl, 3), ivRow, StringComparison.Ordinal);
        Assert.Contains("PROVISIONAL parameters", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"every arm \(effect models\) +C50_D", run.Stdout);
        Assert.All(run.Stdout.Split('\n'), line => Assert.Equal(line.TrimEnd(), line));
    }

    [Fact]
    public void Compare_Defaults_MarksEveryNumberThatRestsOnAnUncertainBioavailabilityWithItsRange()
    {
        var run = CliRunner.Run("compare");
        var nasal = Library.Value.Arms.Single(a => a.Arm.Name == "racemic IN 50mg");
        var (low, high) = (nasal.AtLow!, nasal.AtHigh!);

        // Racemic intranasal: F_IN 0.13 in a documented 0.11-0.45 (Pharmacotherapy 2022;42:298; Yanagihara 2003).
        string cmax = $"{Formatting.Number(nasal.Typical.CmaxNgPerMl, 3)} [{Formatting.Number(low.CmaxNgPerMl, 3)}, {Formatting.Number(high.CmaxNgPerMl, 3)}]*";
        var row = run.Stdout.Split('\n').First(l => l.StartsWith("│ racemic IN 50mg ", StringComparison.Ordinal));
        Assert.Contains(cmax, row, StringComparison.Ordinal);
        Assert.Equal("F_IN", nasal.Uncertain!.Parameter);
        string flat = Flat(run.Stdout);
        Assert.Contains("* Rests on an uncertain input: F_IN", flat, StringComparison.Ordinal);
        Assert.Contains("the literature gives 0.11 to 0.45", flat, StringComparison.Ordinal);
        Assert.Contains("Pharmacotherapy 2022;42:298", flat, StringComparison.Ordinal);
        // Intramuscular has its own marker; the IV and esketamine arms have none.
        Assert.Contains("† Rests on an uncertain input: F_IM", flat, StringComparison.Ordinal);
        foreach (var name in DefaultArmNames.Where(n => n.StartsWith("esketamine", StringComparison.Ordinal) || n.Contains("IV", StringComparison.Ordinal)))
            Assert.All(run.Stdout.Split('\n').Where(l => l.StartsWith("│ " + name + " ", StringComparison.Ordinal)),
                l => Assert.DoesNotContain('*', l));
    }

    [Fact]
    public void Compare_Json_HasEveryArmWithFiniteMetricsAndTheRangesOfUncertainInputs()
    {
        var json = Json(CliRunner.Run("compare", "--json"));

        foreach (var key in new[] { "subject", "thresholdNgPerMl", "populationSize", "seed", "arms", "provisionalEffectParameters", "notes", "modelVersion", "reproduce", "outFile", "plotFiles" })
            Assert.True(json.TryGetProperty(key, out _), $"missing key {key}");
        Assert.Equal(100, json.GetProperty("thresholdNgPerMl").GetDouble(), 12);
        Assert.Equal(70, json.GetProperty("subject").GetProperty("weightKg").GetDouble(), 12);
        Assert.Equal("ketamine-pkpd compare", json.GetProperty("reproduce").GetString());
        var arms = json.GetProperty("arms").EnumerateArray().ToList();
        Assert.Equal(DefaultArmNames, arms.Select(a => a.GetProperty("name").GetString()!));
        for (int i = 0; i < arms.Count; i++)
        {
            var typical = arms[i].GetProperty("typical");
            foreach (var key in MetricKeys.Where(k => k != "cadssBelow4AfterH"))
                Assert.True(double.IsFinite(typical.GetProperty(key).GetDouble()), $"{arms[i].GetProperty("name")}: {key}");
            Assert.Equal(Library.Value.Arms[i].Typical.CmaxNgPerMl, typical.GetProperty("cmaxNgPerMl").GetDouble(), 9);
            Assert.Equal(JsonValueKind.Null, arms[i].GetProperty("population").ValueKind);
        }
        var nasal = arms[3];
        Assert.Equal("F_IN", nasal.GetProperty("uncertain").GetProperty("parameter").GetString());
        Assert.Equal(0.11, nasal.GetProperty("uncertain").GetProperty("low").GetDouble(), 12);
        Assert.Equal(0.45, nasal.GetProperty("uncertain").GetProperty("high").GetDouble(), 12);
        Assert.Equal(Library.Value.Arms[3].AtHigh!.CmaxNgPerMl, nasal.GetProperty("atHigh").GetProperty("cmaxNgPerMl").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Null, arms[0].GetProperty("uncertain").ValueKind);
        Assert.Equal(JsonValueKind.Null, arms[0].GetProperty("atLow").ValueKind);
        Assert.Contains("FM", arms[0].GetProperty("provisionalParameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public void Compare_Population_ReportsPercentilesInOrderAndShowsProgressOnStderr()
    {
        var text = CliRunner.Run("compare", "--subjects", "40", "--seed", "3");
        var json = Json(CliRunner.Run("compare", "-n", "40", "--seed", "3", "--json"));

        Assert.Equal(0, text.ExitCode);
        Assert.NotEmpty(text.StderrLines);
        Assert.All(text.StderrLines, l => Assert.Matches(@"^Simulating: (10|20|30|40|50|60|70|80|90|100)%$", l));
        Assert.DoesNotContain("Simulating", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("40 virtual patients per arm, median [5th, 95th percentile]", text.Stdout, StringComparison.Ordinal);
        Assert.Equal(40, json.GetProperty("populationSize").GetInt32());
        foreach (var arm in json.GetProperty("arms").EnumerateArray())
        {
            var pop = arm.GetProperty("population");
            Assert.Equal(40, pop.GetProperty("subjects").GetInt32());
            foreach (var key in new[] { "cmaxNgPerMl", "auc0To24NgHPerMl", "peakCadss" })
            {
                double p5 = pop.GetProperty("p5").GetProperty(key).GetDouble(), median = pop.GetProperty("median").GetProperty(key).GetDouble(),
                    p95 = pop.GetProperty("p95").GetProperty(key).GetDouble();
                Assert.True(p5 <= median && median <= p95, $"{arm.GetProperty("name")} {key}: {p5} {median} {p95}");
            }
        }
    }

    [Fact]
    public void Compare_Quiet_ShowsNoProgress()
    {
        var run = CliRunner.Run("compare", "--population", "40", "--quiet");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Compare_Arms_ReplaceTheDefaultsAndSetTheirNames()
    {
        var json = Json(CliRunner.Run("compare", "--arm", "drug=esketamine route=intranasal dose=84mg", "--arm",
            "route=intranasal dose=100mg f=0.3 name=racemic_IN_100mg", "--threshold", "0.05mg/L", "--json"));

        var arms = json.GetProperty("arms").EnumerateArray().ToList();
        Assert.Equal(["esketamine IN 84mg", "racemic IN 100mg"], arms.Select(a => a.GetProperty("name").GetString()!));
        Assert.Equal(0.3, arms[1].GetProperty("uncertain").GetProperty("value").GetDouble(), 12);
        Assert.Equal(50, json.GetProperty("thresholdNgPerMl").GetDouble(), 9);
        Assert.StartsWith("ketamine-pkpd compare --arm 'drug=esketamine route=intranasal dose=84mg' --arm", json.GetProperty("reproduce").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_Out_WritesOneRowPerArmWithLowAndHighColumnsForUncertainInputs()
    {
        using var dir = new TempDirectory();
        string path = dir.File("arms.csv");

        var run = CliRunner.Run("compare", "--out", path, "--quiet");

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(path);
        // The file is the library's table of the same comparison, to the byte.
        Assert.Equal(ComparisonReport.Table(Library.Value).ToCsv(), File.ReadAllText(path));
        Assert.Equal(6, lines.Length);
        var header = lines[0].Split(',');
        int low = Array.IndexOf(header, "cmax_ng_per_ml_at_low"), high = Array.IndexOf(header, "cmax_ng_per_ml_at_high");
        // Rows have no quoted commas before the low/high columns except in uncertain_source, which is after uncertain_high.
        string nasal = lines.Single(l => l.StartsWith("racemic IN 50mg,", StringComparison.Ordinal));
        string iv = lines.Single(l => l.StartsWith("racemic IV 0.5mg/kg/40min,", StringComparison.Ordinal));
        Assert.Contains(",F_IN,0.13,0.11,0.45,", nasal, StringComparison.Ordinal);
        Assert.Contains(",,,,,,", iv, StringComparison.Ordinal);
        Assert.True(low > 0 && high > low);
        double cmax = double.Parse(iv.Split(',')[Array.IndexOf(header, "cmax_ng_per_ml")], CultureInfo.InvariantCulture);
        Assert.Equal(Library.Value.Arms[0].Typical.CmaxNgPerMl, cmax, 9);
        Assert.Contains($"Written: {path}.", Flat(run.Stdout), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_OutWithPopulation_AddsPercentileColumns()
    {
        using var dir = new TempDirectory();
        string path = dir.File("arms.csv");

        var run = CliRunner.Run("compare", "--arm", "drug=racemic route=iv dose=0.5mg/kg infusion=40min", "--population", "20", "--out", path, "--quiet");
        var library = ComparisonResult.Run([ComparisonArm.Parse("drug=racemic route=iv dose=0.5mg/kg infusion=40min")], ComparisonOptions.Default with { PopulationSize = 20 });

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(path);
        Assert.Equal(ComparisonReport.Table(library).ToCsv(), File.ReadAllText(path));
        Assert.Contains("peak_cadss_p95", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public void Compare_Plots_WritePngAndSvgFigures()
    {
        using var dir = new TempDirectory();
        string png = dir.File("concentrations.png"), svg = dir.File("effects.svg");

        var run = CliRunner.Run("compare", "--plot", png, "--plot-effects", svg, "--json");

        var json = Json(run);
        FigureAssert.IsPng(png, 1000, 600);
        FigureAssert.IsSvgFile(svg, "Dissociation (CADSS points)", "MADRS change", "Time (days)", "Time (h)", "CADSS 4");
        Assert.Equal([png, svg], json.GetProperty("plotFiles").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(2, Directory.GetFiles(dir.Path).Length);
    }

    [Fact]
    public void Compare_PlotsWithPopulation_WriteBandFigures()
    {
        using var dir = new TempDirectory();
        string svg = dir.File("concentrations.svg"), png = dir.File("effects.png");

        var run = CliRunner.Run("compare", "--population", "20", "--plot", svg, "--plot-effects", png, "--quiet");

        Assert.Equal(0, run.ExitCode);
        FigureAssert.IsSvgFile(svg, "Parent drug in plasma (ng/mL)", "median and 5-95% of 20 virtual patients", "100 ng/mL");
        FigureAssert.IsPng(png, 1000, 2 * OutputFiles.PanelHeight);
    }

    public static TheoryData<string, string[], string> BadInputs => new()
    {
        { "unknown arm key", ["--arm", "drug=esketamine route=intranasal dose=84mg colour=red"],
            "--arm 'drug=esketamine route=intranasal dose=84mg colour=red': unknown key 'colour'" },
        { "arm without route", ["--arm", "drug=racemic dose=35mg"], "--arm 'drug=racemic dose=35mg': 'route' is required" },
        { "arm bad dose unit", ["--arm", "route=iv dose=35mcg"], "--arm 'route=iv dose=35mcg':" },
        { "nasal esketamine not whole devices", ["--arm", "drug=esketamine route=intranasal dose=50mg"], "whole number of 28 mg devices" },
        { "same arm twice", ["--arm", "route=iv dose=35mg", "--arm", "route=iv dose=35mg"], "add name=... to tell them apart" },
        { "threshold bad unit", ["--threshold-ng-per-ml", "100ng"], "--threshold-ng-per-ml '100ng': unknown unit" },
        { "threshold zero", ["--threshold-ng-per-ml", "0"], "--threshold-ng-per-ml '0': must be above 0" },
        { "threshold alias", ["--threshold", "0"], "--threshold '0': must be above 0" },
        { "population negative", ["--population", "-5"], "--population '-5'" },
        { "subjects too many", ["--subjects", "100001"], "--subjects '100001': must be a whole number in [0, 100000]" },
        { "weight out of range", ["--weight", "500kg"], "--weight '500kg'" },
        { "plot extension", ["--plot", "figure.jpg"], "--plot 'figure.jpg': a plot must end in .png or .svg, got '.jpg'" },
        { "plot-effects extension", ["--plot-effects", "figure.pdf"], "--plot-effects 'figure.pdf': a plot must end in .png or .svg" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Compare_BadInput_FailsWithOneLineNamingTheOptionAndWritesNothing(string scenario, string[] args, string expected)
    {
        using var dir = new TempDirectory();
        string csv = dir.File("arms.csv");

        var run = CliRunner.Run(["compare", .. args, "--out", csv]);

        Assert.True(run.ExitCode == 2, $"{scenario}: exit {run.ExitCode}");
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData("--out", "arms.csv")]
    [InlineData("--plot", "figure.png")]
    [InlineData("--plot-effects", "figure.svg")]
    public void Compare_UnwritableOutput_FailsBeforeSimulatingAndLeavesNoFile(string option, string name)
    {
        using var dir = new TempDirectory();
        string good = dir.File("good.csv");
        string bad = Path.Combine(dir.Path, "no-such-dir", name);
        string[] args = option == "--out" ? ["--plot", dir.File("good.png"), option, bad] : ["--out", good, option, bad];

        var run = CliRunner.Run(["compare", "--population", "100000", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {option} ", Assert.Single(run.StderrLines), StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Compare_SamePathForTwoOutputs_IsAnError()
    {
        using var dir = new TempDirectory();
        string path = dir.File("figure.png");

        var run = CliRunner.Run("compare", "--plot", path, "--plot-effects", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is the same file as --plot", Assert.Single(run.StderrLines), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData("--arm", "\"key=value ...\"", "[default: 5 arms: racemic IV 0.5mg/kg/40min, esketamine IN 56mg")]
    [InlineData("--weight", "kg", "[default: 70kg]")]
    [InlineData("--age", "years", "[default: 45]")]
    [InlineData("--threshold, --threshold-ng-per-ml", "ng/mL", "[default: 100]")]
    [InlineData("-n, --population, --subjects", "<count>", "[default: 0, typical patient only]")]
    [InlineData("--seed", "<seed>", "[default: 1]")]
    [InlineData("--plot", "<file.png|file.svg>", "first 12 h")]
    [InlineData("--plot-effects", "<file.png|file.svg>", "two panels")]
    [InlineData("--out", "cadss_below4_after_h", "atomically")]
    [InlineData("--json", "JSON", "atLow")]
    [InlineData("-q, --quiet", "progress", "stderr")]
    public void CompareHelp_DocumentsEveryOptionWithUnitDefaultAndValues(string option, string valuesOrUnit, string defaultOrRule)
    {
        var run = CliRunner.Run("compare", "--help");

        Assert.Equal(0, run.ExitCode);
        string entry = HelpText.OptionEntry(run.Stdout, option);
        Assert.Contains(valuesOrUnit, entry, StringComparison.Ordinal);
        Assert.Contains(defaultOrRule, entry, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareHelp_ExamplesParse()
    {
        foreach (var args in HelpText.Examples("compare")) Assert.Empty(KetaminePkPd.Cli.CliApp.Build().Parse(args).Errors);
    }
}
