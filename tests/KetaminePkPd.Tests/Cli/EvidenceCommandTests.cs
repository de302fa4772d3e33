using KetaminePkPd.Evidence;
using KetaminePkPd.Application.Reporting;

namespace KetaminePkPd.Tests.Cli;

/// <summary><c>ketamine-pkpd evidence</c>: the catalogue table and the Markdown page.</summary>
public sealed class EvidenceCommandTests
{
    [Fact]
    public void Evidence_Catalogue_ListsEveryEntryWithItsStatistic()
    {
        var run = CliRunner.Run("evidence", "--catalogue");
        Assert.True(run.ExitCode == 0, run.Stderr);
        foreach (var e in EvidenceEntry.All) Assert.Contains(e.Key, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Pearson r -0.35 (p 0.007)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("26% of 41 tests significant", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Evidence_Markdown_IsTheLibraryPage()
    {
        var run = CliRunner.Run("evidence", "--markdown");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(EvidenceMarkdown.ToMarkdown().ReplaceLineEndings("\n"), run.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Evidence_Run_JsonCsvAndStudyFile_OnASmallSelection()
    {
        using var dir = new TempDirectory();
        string studies = dir.File("s.json");
        File.WriteAllText(studies, """{ "studies": [ { "key": "mine", "study": "Mine", "citation": "test", "design": "nimh", "outcomeAt": "1d", "n": 40, "reported": { "kind": "not-significant" } } ] }""");
        string keep = "mathai2020";
        var exclude = string.Join(',', EvidenceEntry.All.Select(e => e.Key).Where(k => k != keep));
        var run = CliRunner.Run("evidence", "--exclude", exclude, "--studies", studies, "--replicates", "200", "--quiet", "--json", "--out", dir.File("e.csv"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(run.Stdout);
        Assert.Equal(2 * 4, doc.RootElement.GetProperty("rows").GetArrayLength());
        Assert.Equal(4, doc.RootElement.GetProperty("joint").GetArrayLength());
        var lines = File.ReadAllLines(dir.File("e.csv"));
        Assert.Equal(1 + 2 * 4, lines.Length);
        Assert.StartsWith("entry,hypothesis,reported_kind", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("mine,exposure-only,NotSignificant", StringComparison.Ordinal));
    }

    [Fact]
    public void Evidence_Plot_WritesTheFigureBesideTheReport()
    {
        using var dir = new TempDirectory();
        var exclude = string.Join(',', EvidenceEntry.All.Select(e => e.Key).Where(k => k != "mathai2020"));
        var run = CliRunner.Run("evidence", "--exclude", exclude, "--replicates", "200", "--quiet", "--plot", dir.File("e.png"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        Plotting.FigureAssert.IsPng(dir.File("e.png"));
        Assert.Equal([dir.File("e.png")], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Evidence_StrengthOptions_SetTheHypothesesThatRun()
    {
        var exclude = string.Join(',', EvidenceEntry.All.Select(e => e.Key).Where(k => k != "mathai2020"));
        var run = CliRunner.Run("evidence", "--exclude", exclude, "--rho", "0.3", "--share", "0.1", "--boost", "3", "--replicates", "200", "--quiet", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(run.Stdout);
        var names = doc.RootElement.GetProperty("settings").GetProperty("hypotheses").EnumerateArray().Select(h => h.GetString()).ToList();
        Assert.Equal(["exposure-only", "shared-sensitivity (rho 0.3)", "mediation (mediated share 0.1)", "expectancy (+3 MADRS placebo when peak CADSS > 20)"], names);
    }
}
