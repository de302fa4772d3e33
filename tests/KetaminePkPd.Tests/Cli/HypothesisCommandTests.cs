using System.Globalization;
using System.Text.Json;
using KetaminePkPd.Statistics;
using KetaminePkPd.Trials;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Tests.Cli;

/// <summary>
/// <c>ketamine-pkpd hypothesis</c>, run in-process. Runs use 200 replicates from a pool of 1000 patients to stay fast,
/// except the one marked Slow, which runs the full default (2000 replicates, pool 10 000).
/// </summary>
public sealed class HypothesisCommandTests
{
    private static readonly string[] Small = ["--replicates", "200", "--pool", "1000"];
    private static readonly string[] HypothesisNames = ["exposure-only", "shared-sensitivity", "mediation", "expectancy"];

    private static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        Assert.Equal("", run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        return doc.RootElement.Clone();
    }

    /// <summary>Runs <c>hypothesis</c> with 200 replicates and a pool of 1000 unless <paramref name="args"/> set them.</summary>
    /// <summary>The text with every run of whitespace (and the wrapping of long lines) collapsed to one space.</summary>
    private static string Flat(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    private static CliRun RunSmall(params string[] args)
    {
        var small = new List<string>();
        for (int i = 0; i < Small.Length; i += 2)
            if (!args.Contains(Small[i])) small.AddRange([Small[i], Small[i + 1]]);
        return CliRunner.Run(["hypothesis", .. small, .. args]);
    }

    /// <summary>The rows of the per-observation tables: lines that start with a box border and a hypothesis name.</summary>
    private static List<string> HypothesisRows(string stdout) =>
        [.. stdout.Split('\n').Where(l => HypothesisNames.Any(h => l.StartsWith("│ " + h + " ", StringComparison.Ordinal)) && l.Contains('[', StringComparison.Ordinal))];

    [Fact]
    public void Hypothesis_SmallRun_ReportsHeaderEveryHypothesisAtBothTimesSampleSizesReadingsAndTiming()
    {
        var run = RunSmall("--quiet");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.DoesNotContain('\u001b', run.Stdout);
        foreach (var text in new[]
        {
            "NIMH 0.5 mg/kg over 40 min", "r = -0.35 at 230 min, n = 58 (Luckenbaugh 2014", "r = -0.41 at 7 d, n = 39 (Luckenbaugh 2014",
            "200 trials per hypothesis and observation", "pool of 1000 patients", "Seed", "Sign convention:", "PROVISIONAL",
            "230 min: observed r = -0.35 (n = 58)", "7 d: observed r = -0.41 (n = 39)", "Median", "95% of trials", "Observed", "at pct.", "Two-sided p", "± MC SE",
            "Verdict", "r | C", "Two-sided p: twice the smaller tail", "Trial size to tell each hypothesis from exposure-only", "Patients for 80% power at two-sided alpha 0.05", "Reading",
        })
            Assert.Contains(text, Flat(run.Stdout), StringComparison.Ordinal);
        var rows = HypothesisRows(run.Stdout);
        Assert.Equal(8, rows.Count);
        foreach (var name in HypothesisNames) Assert.Equal(2, rows.Count(r => r.StartsWith("│ " + name + " ", StringComparison.Ordinal)));
        foreach (var name in HypothesisNames)
            foreach (var time in new[] { "230 min", "7 d" })
                Assert.Matches($@"{name}( \([^)]*\))?, {time}: Under {name}", Flat(run.Stdout));
        var closing = run.Stdout.TrimEnd().Split('\n')[^2..];
        Assert.StartsWith("Done in ", closing[0], StringComparison.Ordinal);
        Assert.Contains("patient simulations (", string.Join(' ', closing), StringComparison.Ordinal);
        Assert.Contains("per second", string.Join(' ', closing), StringComparison.Ordinal);
        Assert.All(run.Stdout.Split('\n'), line => Assert.Equal(line.TrimEnd(), line));
    }

    [Fact]
    public void Hypothesis_Json_HasEverySettingComparisonAndSampleSizeAndEchoesTheSeed()
    {
        var json = Json(RunSmall("--seed", "5", "--json"));

        foreach (var key in new[] { "seed", "modelVersion", "settings", "differsFromDefaults", "reproduce", "signConvention", "comparisons", "sampleSizes",
                     "subjectSimulations", "replicateTrials", "provisionalParameters" })
            Assert.True(json.TryGetProperty(key, out _), $"missing key {key}");
        Assert.Equal(5UL, json.GetProperty("seed").GetUInt64());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("modelVersion").GetString()));
        var settings = json.GetProperty("settings");
        Assert.Equal(5UL, settings.GetProperty("seed").GetUInt64());
        Assert.Equal(200, settings.GetProperty("replicates").GetInt32());
        Assert.Equal(1000, settings.GetProperty("poolSize").GetInt32());
        Assert.Equal(0.05, settings.GetProperty("alpha").GetDouble());
        Assert.Equal(0.8, settings.GetProperty("power").GetDouble());
        Assert.Equal(HypothesisNames, settings.GetProperty("hypotheses").EnumerateArray().Select(h => h.GetProperty("name").GetString()!));
        Assert.Equal([-0.35, -0.41], settings.GetProperty("observed").EnumerateArray().Select(o => o.GetProperty("r").GetDouble()));
        Assert.Equal([58, 39], settings.GetProperty("observed").EnumerateArray().Select(o => o.GetProperty("n").GetInt32()));
        Assert.Equal(["replicates", "pool", "seed"], json.GetProperty("differsFromDefaults").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal("ketamine-pkpd hypothesis --replicates 200 --subjects 1000 --seed 5", json.GetProperty("reproduce").GetString());
        Assert.Equal(4000, json.GetProperty("subjectSimulations").GetInt64());
        Assert.Equal(1600, json.GetProperty("replicateTrials").GetInt64());

        var comparisons = json.GetProperty("comparisons").EnumerateArray().ToList();
        Assert.Equal(8, comparisons.Count);
        foreach (var c in comparisons)
        {
            double median = c.GetProperty("medianR").GetDouble();
            var interval = c.GetProperty("interval95");
            Assert.InRange(interval.GetProperty("lower").GetDouble(), -1, median);
            Assert.InRange(interval.GetProperty("upper").GetDouble(), median, 1);
            Assert.InRange(c.GetProperty("oneSidedProbabilityAtLeastAsStrong").GetDouble(), 0, 1);
            double p = c.GetProperty("twoSidedP").GetDouble(), percentile = c.GetProperty("observedPercentile").GetDouble();
            Assert.InRange(p, 0, 1);
            Assert.InRange(percentile, 0, 100);
            Assert.InRange(c.GetProperty("twoSidedPStandardError").GetDouble(), 0, 0.5);
            Assert.Contains(c.GetProperty("verdict").GetString(), new[] { "compatible", "stronger", "weaker", "opposite-sign" });
            Assert.Equal(p >= 0.05, c.GetProperty("verdict").GetString() == "compatible");
            Assert.Equal(c.GetProperty("insideCentral95").GetBoolean(),
                c.GetProperty("observedR").GetDouble() >= interval.GetProperty("lower").GetDouble() && c.GetProperty("observedR").GetDouble() <= interval.GetProperty("upper").GetDouble());
            Assert.InRange(c.GetProperty("medianPartialRGivenExposure").GetDouble(), -1, 1);
            Assert.Equal(200, c.GetProperty("replicates").GetInt32());
            Assert.StartsWith("Under ", c.GetProperty("reading").GetString(), StringComparison.Ordinal);
        }
        var sizes = json.GetProperty("sampleSizes").EnumerateArray().ToList();
        Assert.Equal(6, sizes.Count);
        Assert.All(sizes, z => Assert.Equal("exposure-only", z.GetProperty("reference").GetString()));
        Assert.All(sizes, z => Assert.True(z.GetProperty("subjects").ValueKind is JsonValueKind.Null || z.GetProperty("subjects").GetInt32() >= 4));
    }

    [Fact]
    public void Hypothesis_Json_IsTheLibrarysHypothesisTest()
    {
        var json = Json(RunSmall("--hypothesis", "exposure-only", "--hypothesis", "expectancy", "--json"));

        var library = HypothesisTestResult.Run(HypothesisTestSettings.Default with
        {
            Hypotheses = [Hypothesis.ExposureOnly, Hypothesis.Expectancy()],
            Replicates = 200,
            PoolSize = 1000,
        });
        var comparisons = json.GetProperty("comparisons");
        Assert.Equal(library.Comparisons.Length, comparisons.GetArrayLength());
        for (int i = 0; i < library.Comparisons.Length; i++)
        {
            Assert.Equal(library.Comparisons[i].Hypothesis.Name, comparisons[i].GetProperty("hypothesis").GetString());
            Assert.Equal(library.Comparisons[i].MedianR, comparisons[i].GetProperty("medianR").GetDouble(), 12);
            Assert.Equal(library.Comparisons[i].ProbabilityAtLeastAsStrong, comparisons[i].GetProperty("oneSidedProbabilityAtLeastAsStrong").GetDouble(), 12);
            Assert.Equal(library.Comparisons[i].Compatibility.TwoSidedP, comparisons[i].GetProperty("twoSidedP").GetDouble(), 12);
            Assert.Equal(library.Comparisons[i].Compatibility.StandardError, comparisons[i].GetProperty("twoSidedPStandardError").GetDouble(), 12);
            Assert.Equal(library.Comparisons[i].Reading, comparisons[i].GetProperty("reading").GetString());
        }
        Assert.Equal(library.SampleSizes[0].Subjects, json.GetProperty("sampleSizes")[0].GetProperty("subjects").GetInt32());
    }

    [Fact]
    public void Hypothesis_SameSeed_GivesIdenticalJson()
    {
        var first = RunSmall("--hypothesis", "exposure-only,mediation", "--seed", "3", "--json");
        var second = RunSmall("--hypothesis", "exposure-only,mediation", "--seed", "3", "--json");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Stdout, second.Stdout);
    }

    [Fact]
    public void Hypothesis_RestrictedWithStrengths_RunsOnlyThoseWithTheGivenStrengths()
    {
        var json = Json(RunSmall("--hypothesis", "exposure-only", "--hypothesis", "shared-sensitivity", "--rho", "0.3", "--json"));

        var hypotheses = json.GetProperty("settings").GetProperty("hypotheses").EnumerateArray().ToList();
        Assert.Equal(["exposure-only", "shared-sensitivity"], hypotheses.Select(h => h.GetProperty("name").GetString()!));
        Assert.Equal(0.3, hypotheses[1].GetProperty("sensitivityCorrelation").GetDouble());
        Assert.Equal(4, json.GetProperty("comparisons").GetArrayLength());
        Assert.Contains("hypotheses", json.GetProperty("differsFromDefaults").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("ketamine-pkpd hypothesis --hypothesis exposure-only --hypothesis shared-sensitivity --rho 0.3 --replicates 200 --subjects 1000",
            json.GetProperty("reproduce").GetString());
    }

    [Fact]
    public void Hypothesis_WithoutExposureOnly_SaysWhyThereAreNoSampleSizes()
    {
        var run = RunSmall("--hypothesis", "mediation", "--quiet");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("include exposure-only among the hypotheses", Flat(run.Stdout), StringComparison.Ordinal);
    }

    [Fact]
    public void Hypothesis_ObservedRAndN_ReplaceTheDefaultObservations()
    {
        var json = Json(RunSmall("--observed-r", "-0.2", "--observed-n", "61", "--observed-at", "1d", "--json"));

        var observed = Assert.Single(json.GetProperty("settings").GetProperty("observed").EnumerateArray());
        Assert.Equal(-0.2, observed.GetProperty("r").GetDouble());
        Assert.Equal(61, observed.GetProperty("n").GetInt32());
        Assert.Equal("1d", observed.GetProperty("time").GetString());
        Assert.Equal(4, json.GetProperty("comparisons").GetArrayLength());
        Assert.All(json.GetProperty("comparisons").EnumerateArray(), c => Assert.Equal(24.0, c.GetProperty("timeH").GetDouble()));
        Assert.Contains("observed", json.GetProperty("differsFromDefaults").EnumerateArray().Select(e => e.GetString()));
        Assert.EndsWith("--observed-r -0.2 --observed-n 61 --observed-at 1d --replicates 200 --subjects 1000", json.GetProperty("reproduce").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Hypothesis_ObservedFile_ComputesPearsonRPerTimeAndSkipsMissingValues()
    {
        using var dir = new TempDirectory();
        string path = dir.File("patients.csv");
        double[] cadss = [2, 5, 9, 14, 20, 25, 31, 4, 12, 18];
        double[] at230 = [-10, -25, -30, -41, -52, -48, -70, -12, -35, -60];
        double[] at7d = [5, -12, -20, -15, -38, -45, -50, -2, -22, -30];
        var lines = new List<string> { "patient,time,cadss,pct_change" };
        for (int i = 0; i < cadss.Length; i++)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"p{i},230min,{cadss[i]},{at230[i]}"));
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"p{i},7d,{cadss[i]},{at7d[i]}"));
        }
        lines.Add("p10,7d,NA,-20");
        lines.Add("p11,230min,7,");
        File.WriteAllLines(path, lines);

        var json = Json(RunSmall("--observed", path, "--json"));

        var observed = json.GetProperty("settings").GetProperty("observed").EnumerateArray().ToList();
        Assert.Equal(["230min", "7d"], observed.Select(o => o.GetProperty("time").GetString()!));
        Assert.Equal(Correlation.Pearson(cadss, at230).R, observed[0].GetProperty("r").GetDouble(), 12);
        Assert.Equal(Correlation.Pearson(cadss, at7d).R, observed[1].GetProperty("r").GetDouble(), 12);
        Assert.Equal(10, observed[0].GetProperty("n").GetInt32());
        Assert.Contains("2 rows with missing values skipped", observed[1].GetProperty("source").GetString(), StringComparison.Ordinal);

        var only7d = Json(RunSmall("--observed", path, "--observed-at", "7d", "--json"));
        Assert.Equal("7d", Assert.Single(only7d.GetProperty("settings").GetProperty("observed").EnumerateArray()).GetProperty("time").GetString());
    }

    [Fact]
    public void Hypothesis_ObservedFileWithoutTimeColumn_UsesObservedAt()
    {
        using var dir = new TempDirectory();
        string path = dir.File("day1.csv");
        File.WriteAllLines(path, ["CADSS,Pct_Change", "1,-10", "8,-30", "15,-20", "22,-55", "3,-5", "11,-40"]);

        var json = Json(RunSmall("--observed", path, "--observed-at", "1d", "--json"));
        var missingTime = RunSmall("--observed", path);

        var observed = Assert.Single(json.GetProperty("settings").GetProperty("observed").EnumerateArray());
        Assert.Equal(24.0, observed.GetProperty("timeH").GetDouble());
        Assert.Equal(6, observed.GetProperty("n").GetInt32());
        Assert.Equal(2, missingTime.ExitCode);
        Assert.Contains("has no time column; give --observed-at", Assert.Single(missingTime.StderrLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cadss,pct_change\n1,-10\n8,abc\n15,-20\n22,-55\n", "line 3, column pct_change: 'abc' is not a number")]
    [InlineData("cadss,pct_change\n1,-10\n8,-30\n15,-20\n22,-55\n3,-5\n1.5e,-7\n", "line 7, column cadss: '1.5e' is not a number")]
    [InlineData("time,cadss,pct_change\n230min,1,-10\nlater,8,-30\n", "line 3, column time: 'later' is not a time")]
    [InlineData("cadss,change\n1,-10\n", "must name the columns cadss and pct_change")]
    [InlineData("cadss,pct_change\n1,-10\n8,-30\n", "rows at 1d: at least 4 patients with both cadss and pct_change are needed, got 2")]
    [InlineData("cadss,pct_change\n5,-10\n5,-30\n5,-20\n5,-55\n", "rows at 1d: every cadss value is 5")]
    [InlineData("", "the file is empty")]
    public void Hypothesis_BadObservedFile_FailsWithOneLineNamingWhere(string content, string expected)
    {
        using var dir = new TempDirectory();
        string path = dir.File("bad.csv");
        File.WriteAllText(path, content);

        var run = RunSmall("--observed", path, "--observed-at", "1d");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith($"error: --observed '{path}'", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Hypothesis_Progress_GoesToStderrOnlyAsPlainLines()
    {
        var run = RunSmall("--hypothesis", "exposure-only");

        Assert.Equal(0, run.ExitCode);
        Assert.NotEmpty(run.StderrLines);
        Assert.All(run.StderrLines, l => Assert.Matches(@"^Simulating: (10|20|30|40|50|60|70|80|90|100)%$", l));
        Assert.Equal("Simulating: 100%", run.StderrLines[^1]);
        Assert.DoesNotContain("Simulating", run.Stdout, StringComparison.Ordinal);
    }

    public static TheoryData<string, string[], string> BadInputs => new()
    {
        { "unknown hypothesis", ["--hypothesis", "telepathy"], "--hypothesis 'telepathy': unknown hypothesis" },
        { "same hypothesis twice", ["--hypothesis", "mediation", "--hypothesis", "mediation"], "given more than once" },
        { "rho without shared-sensitivity", ["--hypothesis", "exposure-only", "--rho", "0.5"], "add --hypothesis shared-sensitivity" },
        { "rho out of range", ["--rho", "2"], "--rho '2': must be in [-1, 1]" },
        { "too few replicates", ["--replicates", "50"], "--replicates '50'" },
        { "pool below 4 n", ["--pool", "200"], "--pool 200: must be at least 4 times the largest observed n (58), i.e. at least 232" },
        { "observed r without n", ["--observed-r", "-0.3", "--observed-at", "1d"], "missing: --observed-n" },
        { "observed r out of range", ["--observed-r", "-1.5", "--observed-n", "40", "--observed-at", "1d"], "--observed-r '-1.5'" },
        { "observed n too small", ["--observed-r", "-0.3", "--observed-n", "3", "--observed-at", "1d"], "--observed-n '3'" },
        { "observed at a time the design lacks", ["--observed-r", "-0.3", "--observed-n", "40", "--observed-at", "2d"], "--observed-at '2d': not an assessment" },
        { "observed file and r together", ["--observed", "x.csv", "--observed-r", "-0.3"], "exclude each other" },
        { "missing observed file", ["--observed", "no-such-file.csv", "--observed-at", "1d"], "file not found" },
        { "default observations on a design without 230 min", ["--design", "esketamine-intranasal"], "the default observations" },
        { "missing design file", ["--design", "no-such-scenario.json"], "file not found" },
        { "seed not a number", ["--seed", "one"], "--seed 'one'" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Hypothesis_BadInput_FailsWithOneErrorLineNamingTheProblem(string scenario, string[] args, string expected)
    {
        var run = RunSmall(args);

        Assert.True(run.ExitCode == 2, $"{scenario}: exit {run.ExitCode}");
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Hypothesis_NoOptions_Slow_RunsTheFullDefaultAndReportsFourHypothesesAtTwoTimes()
    {
        // The project's main job as a user runs it: 4 hypotheses x 2 observations x 2000 replicates, pool 10 000, seed 1.
        var run = CliRunner.Run("hypothesis");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("Simulating: 100%", run.StderrLines[^1]);
        string flat = Flat(run.Stdout);
        Assert.Contains("2000 trials per hypothesis and observation", flat, StringComparison.Ordinal);
        Assert.Contains("pool of 10000 patients", flat, StringComparison.Ordinal);
        Assert.Contains("230 min: observed r = -0.35 (n = 58), 2000 simulated trials", flat, StringComparison.Ordinal);
        Assert.Contains("7 d: observed r = -0.41 (n = 39), 2000 simulated trials", flat, StringComparison.Ordinal);
        var rows = HypothesisRows(run.Stdout);
        Assert.Equal(8, rows.Count);
        foreach (var name in HypothesisNames) Assert.Equal(2, rows.Count(r => r.StartsWith("│ " + name + " ", StringComparison.Ordinal)));
        Assert.Contains("40,000 patient simulations", flat, StringComparison.Ordinal);
        Assert.Contains("16,000 replicate trials", flat, StringComparison.Ordinal);
    }
}
