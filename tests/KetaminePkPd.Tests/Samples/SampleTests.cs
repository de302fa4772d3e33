using System.Globalization;
using System.Text.RegularExpressions;

namespace KetaminePkPd.Tests.Samples;

/// <summary>Every sample runs and prints what it promises; the README's code is the sample's code.</summary>
public class SampleTests
{
    private static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KetaminePkPd.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine([dir!.FullName, .. parts]);
    }

    private static readonly Lock ConsoleGate = new();

    [Fact]
    public void QuickStart_Runs_AndPrintsTheNimhInfusionAndTheNasalSpray()
    {
        // QuickStart is a top-level program (so that the README's copy of it compiles in `dotnet new console`): run its
        // entry point with the console redirected. No other test touches Console.Out.
        var entry = System.Reflection.Assembly.Load("QuickStart").EntryPoint;
        Assert.NotNull(entry);
        var output = new StringWriter(CultureInfo.InvariantCulture);
        lock (ConsoleGate)
        {
            var saved = Console.Out;
            Console.SetOut(output);
            try { entry!.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]); }
            finally { Console.SetOut(saved); }
        }
        string text = output.ToString();
        // Domino 0.5 mg/kg/40 min: Cmax 240.3 ng/mL at the end of infusion (see PkModelTests); Perez-Ruixo 56 mg: 72.6 (Table 4: 72.5).
        Assert.Contains("ketamine    Cmax 240.3 ng/mL at 0.6667 h", text);
        Assert.Contains("esketamine  Cmax 72.63 ng/mL", text);
        var rows = text.Split('\n').Where(l => Regex.IsMatch(l, @"^\s+\d+\s+\d")).ToList();
        Assert.Equal(7, rows.Count); // 0..6 h
    }

    [Fact]
    public void Readme_LibraryExample_IsTheQuickStartSampleVerbatim()
    {
        string sample = File.ReadAllText(RepoFile("samples", "QuickStart", "Program.cs"));
        var m = Regex.Match(sample, @"// README-BEGIN\r?\n(?<code>.*?)\r?\n\s*// README-END", RegexOptions.Singleline);
        Assert.True(m.Success, "markers not found in the sample");
        var lines = m.Groups["code"].Value.Split('\n').Select(l => l.TrimEnd('\r'));
        int indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        string code = string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
        string readme = File.ReadAllText(RepoFile("README.md")).Replace("\r\n", "\n");
        Assert.Contains(code, readme);
    }
}
