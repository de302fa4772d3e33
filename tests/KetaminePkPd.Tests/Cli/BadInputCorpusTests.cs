using System.Text;

namespace KetaminePkPd.Tests.Cli;

/// <summary>
/// The corpus of bad inputs in Cli/BadInputs: every command line in cases.txt, every scenario file in scenarios/ (run as
/// <c>trial --design</c>) and every CSV file in observed/ (run as <c>hypothesis --observed</c>) must fail cleanly: exit
/// code 2, exactly one line on stderr that names the option or file, no stack trace, nothing on stdout, no file left in
/// the output folder, and every file under this folder (inputs of the cases, symbolic links included) unchanged. Add a
/// case by adding a line or a file.
/// </summary>
public sealed class BadInputCorpusTests
{
    private static readonly string Folder = FindFolder();

    private static string FindFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KetaminePkPd.sln"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "tests", "KetaminePkPd.Tests", "Cli", "BadInputs");
    }

    /// <summary>Every case: (name shown by the runner, expected exit code, text the error must contain, arguments).</summary>
    public static IEnumerable<object[]> Cases()
    {
        int line = 0;
        foreach (var raw in File.ReadAllLines(Path.Combine(Folder, "cases.txt")))
        {
            line++;
            string text = raw.Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            var parts = text.Split('|', 3);
            yield return [$"cases.txt:{line}", int.Parse(parts[0].Trim(), System.Globalization.CultureInfo.InvariantCulture), parts[1].Trim(), parts[2].Trim()];
        }
        foreach (var file in Directory.GetFiles(Path.Combine(Folder, "scenarios")).Order(StringComparer.Ordinal))
            yield return [$"scenarios/{Path.GetFileName(file)}", 2, "--design", $"trial --design {{in}}/scenarios/{Path.GetFileName(file)} --out {{out}}/t.csv --plot {{out}}/t.png"];
        foreach (var file in Directory.GetFiles(Path.Combine(Folder, "observed")).Order(StringComparer.Ordinal))
            yield return [$"observed/{Path.GetFileName(file)}", 2, "--observed", $"hypothesis --observed {{in}}/observed/{Path.GetFileName(file)} --observed-at 1d --plot {{out}}/h.png"];
    }

    [Fact]
    public void Corpus_HasAtLeast350Cases()
    {
        Assert.True(Cases().Count() >= 350, $"{Cases().Count()} cases");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadInput_FailsWithOneLineNamingTheOption_AndLeavesNoFile(string name, int exitCode, string needle, string arguments)
    {
        using var output = new TempDirectory();
        string Expand(string text) => text.Replace("{in}", Folder, StringComparison.Ordinal).Replace("{out}", output.Path, StringComparison.Ordinal);
        var args = Tokenize(Expand(arguments));
        needle = Expand(needle);
        var inputs = Snapshot();
        var run = CliRunner.Run([.. args]);

        Assert.True(run.ExitCode == exitCode, $"{name}: exit {run.ExitCode}, expected {exitCode}; stderr: {run.Stderr}");
        Assert.True(run.StderrLines.Length == 1, $"{name}: expected one line on stderr, got {run.StderrLines.Length}: {run.Stderr}");
        string error = run.StderrLines[0];
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.True(error.Contains(needle, StringComparison.Ordinal), $"{name}: the error does not name '{needle}': {error}");
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter '", error, StringComparison.Ordinal);
        Assert.False(error.Any(c => char.IsControl(c)), $"{name}: control character in the error: {error}");
        Assert.True(error.Length <= 600, $"{name}: the error is {error.Length} characters long");
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path));
        Assert.True(run.Stdout.Length == 0, $"{name}: printed on stdout: {run.Stdout}");
        Assert.Equal(inputs, Snapshot());
    }

    /// <summary>Every file and symbolic link under the corpus folder: its path, and its bytes or, for a link, where it points.</summary>
    private static Dictionary<string, string> Snapshot() =>
        Directory.EnumerateFileSystemEntries(Folder, "*", SearchOption.AllDirectories).ToDictionary(p => p, p =>
            new FileInfo(p).LinkTarget is { } target ? "-> " + target
            : Directory.Exists(p) ? "directory" : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(p))));

    /// <summary>Splits a command line on spaces, keeping text in single or double quotes together ('' is an empty argument).</summary>
    private static List<string> Tokenize(string line)
    {
        var args = new List<string>();
        var current = new StringBuilder();
        bool inToken = false;
        char quote = '\0';
        foreach (char c in line)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0'; else current.Append(c);
                continue;
            }
            if (c is '\'' or '"') { quote = c; inToken = true; continue; }
            if (c == ' ')
            {
                if (inToken) { args.Add(current.ToString()); current.Clear(); inToken = false; }
                continue;
            }
            current.Append(c);
            inToken = true;
        }
        if (inToken) args.Add(current.ToString());
        return args;
    }
}
