using System.Text.RegularExpressions;

namespace KetaminePkPd.Tests.Docs;

/// <summary>Every citation of docs/model.md names a section that exists, and nothing cites the brief that is not in the repository.</summary>
public partial class ModelDocumentationTests
{
    private static readonly string[] Scanned = ["src", "tests", "samples", "docs"];

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KetaminePkPd.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return dir!.FullName;
    }

    private static IEnumerable<string> Files(string root) =>
        Scanned.SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Append(Path.Combine(root, "README.md"));

    [GeneratedRegex(@"docs/model\.md sections? ((?:\d+(?:\.\d+)?)(?:(?:-|, | and )\d+(?:\.\d+)?)*)")]
    private static partial Regex Citation();

    [GeneratedRegex(@"^#{2,3} (\d+(?:\.\d+)?)\.? ", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Number();

    [Fact]
    public void Citations_OfDocsModelMd_NameSectionsThatExist()
    {
        string root = Root();
        var sections = Heading().Matches(File.ReadAllText(Path.Combine(root, "docs", "model.md"))).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Contains("4.2", sections);   // the file has numbered sections at all
        var missing = new List<string>();
        int citations = 0;
        foreach (var file in Files(root))
            foreach (Match m in Citation().Matches(File.ReadAllText(file)))
                foreach (Match n in Number().Matches(m.Groups[1].Value))
                {
                    citations++;
                    if (!sections.Contains(n.Value)) missing.Add($"{Path.GetRelativePath(root, file)}: '{m.Value}' (no section {n.Value})");
                }
        Assert.True(citations >= 30, $"expected the code to cite docs/model.md at least 30 times, found {citations}");
        Assert.True(missing.Count == 0, "Citations of sections that docs/model.md does not have:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void SourceAndTests_DoNotCite_TheBriefThatIsNotInTheRepository()
    {
        string root = Root();
        var offenders = Files(root)
            .Where(f => !f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith("README.md", StringComparison.Ordinal))
            .Where(f => !f.EndsWith(nameof(ModelDocumentationTests) + ".cs", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("MODEL" + ".md", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f)).ToList();
        Assert.True(offenders.Count == 0, "These files cite MODEL.md, which is not in the repository; cite docs/model.md:\n" + string.Join("\n", offenders));
    }
}
