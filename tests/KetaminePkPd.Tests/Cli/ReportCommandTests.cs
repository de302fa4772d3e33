using System.Text.RegularExpressions;
using KetaminePkPd.Cli.Output;
using KetaminePkPd.Trials;
using KetaminePkPd.Application.Reporting;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Tests.Cli;

/// <summary>
/// <c>ketamine-pkpd report</c>, run in-process. Runs use 100 replicates from a pool of 300 patients, except the one
/// marked Slow, which writes the full default report (2000 replicates, pool 10 000).
/// </summary>
public sealed class ReportCommandTests
{
    private static readonly string[] Small = ["--replicates", "100", "--pool", "300"];

    /// <summary>One small report, written once for the tests that only read it.</summary>
    private static readonly Lazy<(CliRun Run, string Html, string Path)> SmallReport = new(() =>
    {
        string dir = Path.Combine(Path.GetTempPath(), "ketamine-pkpd-report-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, "report.html");
        var run = CliRunner.Run(["report", .. Small, "--seed", "3", "--out", path, "--quiet"]);
        string html = File.Exists(path) ? File.ReadAllText(path) : "";
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
        return (run, html, path);
    });

    [Fact]
    public void Report_Small_WritesOneFileAndSaysHowToReproduceIt()
    {
        var (run, html, path) = SmallReport.Value;

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("", run.Stderr);
        Assert.StartsWith($"Wrote {path} (", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Reproduce with: ketamine-pkpd report --out {path} --replicates 100 --pool 300 --seed 3", run.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_IsSelfContained_NoScriptsNoExternalReferences()
    {
        var (_, html, _) = SmallReport.Value;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(http", html, StringComparison.OrdinalIgnoreCase);
        foreach (Match m in Regex.Matches(html, @"\b(?:src|href|xlink:href)\s*=\s*[""']([^""']*)[""']", RegexOptions.IgnoreCase))
        {
            Assert.DoesNotContain("http://", m.Groups[1].Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("https://", m.Groups[1].Value, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_HasItsFiguresInlineWithCaptionsAndIdsUniqueOnThePage()
    {
        var (_, html, _) = SmallReport.Value;

        // The diagram, concentration, CADSS and antidepressant bands, two scatters, two histograms; every plot (not the
        // diagram) twice: wide, and narrow for phones (the style sheet shows one).
        Assert.Equal(1 + 2 * 7, Regex.Matches(html, "<svg ").Count);
        Assert.Equal(7, Regex.Matches(html, "<figure class=\"plot\">").Count);
        Assert.Equal(7, Regex.Matches(html, "<div class=\"narrow\">").Count);
        Assert.Equal(8, Regex.Matches(html, "<figcaption>").Count);
        for (int i = 1; i <= 8; i++) Assert.Contains($"<b>Figure {i}.</b>", html, StringComparison.Ordinal);
        var ids = Regex.Matches(html, @"\bid=""([^""]+)""").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (Match m in Regex.Matches(html, @"url\(#([^)]+)\)")) Assert.Contains(m.Groups[1].Value, ids);
        foreach (var label in new[] { "Ketamine in plasma (ng/mL)", "Dissociation (CADSS points)", "Time (days)", "Share of replicate trials (%)" })
            Assert.Contains(label, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_TellsTheStory_QuestionModelHypothesesProvisionalAndReproduction()
    {
        var (_, html, _) = SmallReport.Value;

        foreach (var text in new[]
        {
            "1. The question", "The letter", "The reply", "Luckenbaugh et al. 2014", "2. The model", "The four hypotheses", "exposure-only",
            "shared-sensitivity", "mediation", "expectancy", "3. One infusion, many patients", "4. One simulated NIMH trial",
            "5. Thousands of trials under each hypothesis", "6. How many patients would tell the hypotheses apart?", "7. What is provisional",
            "PROVISIONAL", "8. Reproduce this report", "ketamine-pkpd report --out", "ketamine-pkpd hypothesis --replicates 100 --pool 300 --seed 3",
            "Sign convention:",
        })
            Assert.Contains(WebUtilityEncode(text), html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_HoldsTheKeyNumbersOfTheLibrarysHypothesisTestForTheSameSeed()
    {
        var (_, html, _) = SmallReport.Value;
        var library = HypothesisTestResult.Run(HypothesisTestSettings.Default with { Replicates = 100, PoolSize = 300, Seed = 3 });

        foreach (var c in library.Comparisons)
        {
            var (lo, hi) = c.Interval95;
            string row = $"<tr><td>{WebUtilityEncode(TrialWording.NameWithStrengths(c.Hypothesis))}</td><td class=\"num\">{Formatting.R(c.MedianR)}</td>" +
                $"<td class=\"num\">{Formatting.Interval(lo, hi)}</td>";
            Assert.Contains(row, html, StringComparison.Ordinal);
            Assert.Contains(WebUtilityEncode(c.Reading), html, StringComparison.Ordinal);
        }
        foreach (var z in library.SampleSizes)
            Assert.Contains(z.Subjects is { } n ? n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "cannot tell apart", html, StringComparison.Ordinal);
        Assert.Contains($"({library.SubjectSimulations.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} patient simulations)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_SameSeed_GivesTheSameBytes()
    {
        using var dir = new TempDirectory();
        string a = dir.File("a.html"), b = dir.File("b.html");

        var first = CliRunner.Run(["report", .. Small, "--seed", "9", "--out", a, "--quiet"]);
        var second = CliRunner.Run(["report", .. Small, "--seed", "9", "--out", b, "--quiet"]);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        // The pages differ only in the file name each one's reproduce command quotes.
        Assert.Equal(File.ReadAllText(a).Replace(a, "X", StringComparison.Ordinal), File.ReadAllText(b).Replace(b, "X", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_Progress_GoesToStderrAndQuietSilencesIt()
    {
        using var dir = new TempDirectory();

        var run = CliRunner.Run(["report", .. Small, "--out", dir.File("r.html")]);

        Assert.Equal(0, run.ExitCode);
        Assert.NotEmpty(run.StderrLines);
        Assert.All(run.StderrLines, l => Assert.Matches(@"^Simulating: (10|20|30|40|50|60|70|80|90|100)%$", l));
        Assert.Equal("Simulating: 100%", run.StderrLines[^1]);
        Assert.DoesNotContain("Simulating", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("", SmallReport.Value.Run.Stderr);
    }

    public static TheoryData<string, string[], string> BadInputs => new()
    {
        { "not html", ["--out", "report.pdf"], "--out 'report.pdf': the report is HTML, so the file must end in .html or .htm, got '.pdf'" },
        { "too few replicates", ["--replicates", "10"], "--replicates '10': must be a whole number in [100, 1000000]" },
        { "pool below 4 n", ["--pool", "200"], "--pool '200': must be a whole number in [232, 10000000]" },
        { "bad seed", ["--seed", "-1"], "--seed '-1'" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Report_BadInput_FailsWithOneLineAndWritesNothing(string scenario, string[] args, string expected)
    {
        using var dir = new TempDirectory();

        var run = CliRunner.Run(["report", .. args.Select(a => a == "report.pdf" ? dir.File("report.pdf") : a), .. args.Contains("--out") ? [] : new[] { "--out", dir.File("r.html") }]);

        Assert.True(run.ExitCode == 2, $"{scenario}: exit {run.ExitCode}");
        var line = Assert.Single(run.StderrLines);
        Assert.Contains(expected.Replace("report.pdf", dir.File("report.pdf"), StringComparison.Ordinal), line, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Report_UnwritableOut_FailsBeforeSimulatingAndLeavesNoFile()
    {
        using var dir = new TempDirectory();

        var run = CliRunner.Run("report", "--out", Path.Combine(dir.Path, "no-such-dir", "report.html"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --out ", Assert.Single(run.StderrLines), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Report_ExistingFileAndAFailedRun_LeavesTheOldFileUntouched()
    {
        using var dir = new TempDirectory();
        string path = dir.File("report.html");
        File.WriteAllText(path, "keep me");

        var run = CliRunner.Run("report", "--out", path, "--replicates", "5");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("keep me", File.ReadAllText(path));
        Assert.Single(Directory.GetFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData("--out", "<file.html>", "[default: report.html]")]
    [InlineData("--replicates", "<count>", "[default: 2000]")]
    [InlineData("-n, --pool, --subjects", "<count>", "[default: 10000]")]
    [InlineData("--seed", "<seed>", "[default: 1]")]
    [InlineData("-q, --quiet", "progress", "stderr")]
    public void ReportHelp_DocumentsEveryOptionWithUnitDefaultAndValues(string option, string valuesOrUnit, string defaultOrRule)
    {
        var run = CliRunner.Run("report", "--help");

        Assert.Equal(0, run.ExitCode);
        string entry = HelpText.OptionEntry(run.Stdout, option);
        Assert.Contains(valuesOrUnit, entry, StringComparison.Ordinal);
        Assert.Contains(defaultOrRule, entry, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportHelp_ExamplesParse()
    {
        foreach (var args in HelpText.Examples("report")) Assert.Empty(KetaminePkPd.Cli.CliApp.Build().Parse(args).Errors);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Report_NoOptions_Slow_WritesTheFullDefaultReport()
    {
        using var dir = new TempDirectory();
        string path = dir.File("report.html");

        var run = CliRunner.Run("report", "--out", path);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("Simulating: 100%", run.StderrLines[^1]);
        string html = File.ReadAllText(path);
        Assert.Contains("2,000 replicate trials per hypothesis and observation", html, StringComparison.Ordinal);
        Assert.Contains("(40,000 patient simulations)", html, StringComparison.Ordinal);
        Assert.Contains("ketamine-pkpd hypothesis --seed 1", html, StringComparison.Ordinal);
        Assert.Equal(15, Regex.Matches(html, "<svg ").Count);   // the diagram, and seven plots wide and narrow
        Assert.InRange(new FileInfo(path).Length, 100_000, 5_000_000);
    }

    private static string WebUtilityEncode(string text) => System.Net.WebUtility.HtmlEncode(text);
}
