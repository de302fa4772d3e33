using KetaminePkPd.Evidence;

namespace KetaminePkPd.Tests.Cli;

/// <summary><c>ketamine-pkpd evidence</c>: the catalogue table and the Markdown page.</summary>
public sealed class EvidenceCommandTests
{
    [Fact]
    public void Evidence_Catalogue_ListsEveryEntryWithItsStatistic()
    {
        var run = CliRunner.Run("evidence", "--catalogue");
        Assert.True(run.ExitCode == 0, run.Stderr);
        foreach (var e in EvidenceCatalogue.All) Assert.Contains(e.Key, run.Stdout, StringComparison.Ordinal);
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
}
