using System.CommandLine;
using KetaminePkPd.Cli;
using KetaminePkPd.Cli.Commands;

namespace KetaminePkPd.Tests.Cli;

/// <summary>
/// No input is ever lost (issue 17, class 1): for every command and every option or argument that names a file the run
/// reads (found in the command tree of <see cref="CliApp.Build"/> by <see cref="FileRoles"/>), and for a response file,
/// naming the same file as any output of the command (by the same path, through a symbolic link either way, or
/// through a hard link) is refused with exit code 2 and one line naming both, nothing on stdout, the input's bytes
/// unchanged and no other file left. Every string-valued option must say whether it names a file, so a new file option
/// cannot slip past the check.
/// </summary>
public sealed class InputProtectionTests
{
    /// <summary>String options that name no file (words, lists, arm strings), by command.</summary>
    private static readonly HashSet<string> NotFiles =
    [
        "trial --hypothesis", "hypothesis --hypothesis", "sensitivity --hypothesis", "sensitivity --vary", "sensitivity --pair",
        "strengths --strength", "compare --arm", "simulate --carry", "validate --hypothesis", "evidence --exclude",
    ];

    private static readonly byte[] Original = "# original bytes, kept (a comment line: as a response file it holds no argument)\n"u8.ToArray();

    private static IEnumerable<(string[] Path, Command Command)> Commands()
    {
        var stack = new Stack<(string[] Path, Command Command)>(CliApp.Build().Subcommands.Select(c => (new[] { c.Name }, c)));
        while (stack.Count > 0)
        {
            var (path, command) = stack.Pop();
            yield return (path, command);
            foreach (var sub in command.Subcommands) stack.Push(([.. path, sub.Name], sub));
        }
    }

    /// <summary>Every (command, input, output) triple: the input is an option, an argument, or a response file (null).</summary>
    public static IEnumerable<object[]> Triples()
    {
        foreach (var (path, command) in Commands())
        {
            var inputs = command.Options.Cast<Symbol>().Concat(command.Arguments).Where(s => FileRoles.InputLabel(s) is not null).Select(s => s.Name).Prepend("@");
            foreach (var output in command.Options.Where(FileRoles.IsOutput))
                foreach (var input in inputs)
                    yield return [string.Join(' ', path), input, output.Name];
        }
    }

    [Fact]
    public void CommandTree_InputsAndOutputs_AreTheOnesEachCommandReads()
    {
        var inputs = Commands().ToDictionary(c => string.Join(' ', c.Path),
            c => string.Join(' ', c.Command.Options.Cast<Symbol>().Concat(c.Command.Arguments).Where(s => FileRoles.InputLabel(s) is not null).Select(s => s.Name).Order(StringComparer.Ordinal)));
        Assert.Equal("--data --model --parameters", inputs["simulate"]);
        Assert.Equal("--parameters", inputs["compare"]);
        Assert.Equal("--parameters", inputs["dose-response"]);
        Assert.Equal("--parameters --studies", inputs["evidence"]);
        Assert.Equal("--parameters", inputs["report"]);
        Assert.Equal("--design --parameters", inputs["trial"]);
        Assert.Equal("--design --observed --parameters", inputs["hypothesis"]);
        Assert.Equal("--design --parameters", inputs["sensitivity"]);
        Assert.Equal("--design --parameters", inputs["strengths"]);
        Assert.Equal("--parameters", inputs["validate"]);
        Assert.Equal("--targets", inputs["calibrate"]);
        Assert.Equal("files", inputs["merge"]);
        Assert.True(Triples().Count() >= 40, $"{Triples().Count()} triples");
    }

    [Fact]
    public void CommandTree_EveryStringOption_SaysWhetherItNamesAFile()
    {
        foreach (var (path, command) in Commands())
        {
            foreach (var symbol in command.Options.Cast<Symbol>().Concat(command.Arguments))
            {
                var type = symbol switch { Option o => o.ValueType, Argument a => a.ValueType, _ => typeof(void) };
                if (type != typeof(string) && type != typeof(string[])) continue;
                string name = $"{string.Join(' ', path)} {symbol.Name}";
                bool classified = FileRoles.InputLabel(symbol) is not null || FileRoles.IsOutput(symbol) || NotFiles.Contains(name);
                Assert.True(classified, $"{name} takes text: mark it with FileRoles.Input or FileRoles.Output, or list it in NotFiles");
            }
        }
    }

    /// <summary>How the output names the input: the same path, a symbolic link to it, a hard link to it, or the input named through a symbolic link.</summary>
    public enum Alias
    {
        SamePath,
        OutputIsSymlink,
        OutputIsHardLink,
        InputIsSymlink,
    }

    public static IEnumerable<object[]> Cases() =>
        Triples().SelectMany(t => Enum.GetValues<Alias>().Select(a => (object[])[.. t, a]));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_NamingAnInput_IsRefusedBeforeAnyWork_AndTheInputKeptByteForByte(string command, string input, string output, Alias alias)
    {
        if (alias == Alias.OutputIsHardLink && OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        string extension = ExtensionFor(command, output);
        string real = dir.File("input" + extension);
        File.WriteAllBytes(real, Original);
        string inputName = real, outputName = real;
        switch (alias)
        {
            case Alias.OutputIsSymlink:
                outputName = dir.File("link" + extension);
                File.CreateSymbolicLink(outputName, real);
                break;
            case Alias.OutputIsHardLink:
                outputName = dir.File("hard" + extension);
                Assert.Equal(0, HardLink(real, outputName));
                break;
            case Alias.InputIsSymlink:
                inputName = dir.File("link" + extension);
                File.CreateSymbolicLink(inputName, real);
                break;
        }
        var before = Directory.GetFileSystemEntries(dir.Path).Order(StringComparer.Ordinal).ToArray();
        string[] inputArgs = input switch
        {
            "@" => ["@" + inputName],
            "files" => [inputName],
            _ => [input, inputName],
        };

        // A required argument other than the input (merge's shard files) gets a file that does not exist: the refusal comes first.
        string[] required = input != "files" && command == "merge" ? [dir.File("shard-not-read.json")] : [];

        var run = CliRunner.Run([.. command.Split(' '), .. required, .. inputArgs, output, outputName]);

        string where = $"{command} {input} {output} ({alias})";
        Assert.True(run.ExitCode == 2, $"{where}: exit {run.ExitCode}; {run.Stderr}");
        Assert.True(run.StderrLines.Length == 1, $"{where}: {run.Stderr}");
        string error = run.StderrLines[0];
        Assert.Contains($"{output} '{outputName}' is the input file of ", error, StringComparison.Ordinal);
        Assert.Contains(input switch { "@" => "the response file '@", "files" => "shard file '", _ => $"{input} '" } + inputName + "'", error, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
        Assert.Equal(Original, File.ReadAllBytes(real));
        Assert.Equal(before, Directory.GetFileSystemEntries(dir.Path).Order(StringComparer.Ordinal).ToArray());
        if (alias is Alias.OutputIsSymlink or Alias.InputIsSymlink) Assert.NotNull(new FileInfo(dir.File("link" + extension)).LinkTarget);
    }

    [Fact]
    public void Merge_OutNamingTheDesignFileStoredInTheShardFiles_IsRefusedAndTheDesignKept()
    {
        using var dir = new TempDirectory();
        var design = dir.File("design.json");
        File.WriteAllText(design, """
            { "name": "nimh", "scale": "hdrs17", "cadssAt": "40min", "assessments": ["230min", "7d"],
              "arms": [ { "name": "a", "route": "iv", "dose": "0.5mg/kg", "infusion": "40min", "subjects": 108 } ] }
            """);
        var shard = CliRunner.Run("sensitivity", "--design", design, "--vary", "placebo-sd", "--replicates", "100", "--pool", "400",
            "--shard", "1/1", "--out", dir.File("part.json"), "--quiet");
        Assert.True(shard.ExitCode == 0, shard.Stderr);
        var bytes = File.ReadAllBytes(design);

        var run = CliRunner.Run("merge", dir.File("part.json"), "--out", design);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--out '{design}' is the input file of --design (named in the shard files) '{design}'", Assert.Single(run.StderrLines), StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(design));
        Assert.Equal(2, Directory.GetFiles(dir.Path).Length);
    }

    /// <summary>An extension the output option accepts: .png for a plot, .html for the report, else .csv.</summary>
    private static string ExtensionFor(string command, string output) =>
        output.StartsWith("--plot", StringComparison.Ordinal) ? ".png" : command == "report" ? ".html" : ".csv";

    private static int HardLink(string existing, string created)
    {
        using var ln = System.Diagnostics.Process.Start("ln", [existing, created]);
        ln.WaitForExit();
        return ln.ExitCode;
    }
}
