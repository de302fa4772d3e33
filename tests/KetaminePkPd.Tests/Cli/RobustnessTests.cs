using System.Diagnostics;
using KetaminePkPd.Cli.Files;
using KetaminePkPd.Cli.Commands;

namespace KetaminePkPd.Tests.Cli;

/// <summary>Regression tests of issue 7 that need files of their own (the bad-input corpus covers the rest).</summary>
public sealed class RobustnessTests
{
    private const string Scenario = """
        { "name": "x", "assessments": ["1d"], "arms": [ { "name": "a", "route": "iv", "dose": "0.5mg/kg", "infusion": "40min", "subjects": 10 } ] }
        """;

    [Fact]
    public void Trial_OutEqualToTheDesignFile_IsRefusedAndTheFileKept()
    {
        using var dir = new TempDirectory();
        var path = dir.File("s.json");
        File.WriteAllText(path, Scenario);
        var run = CliRunner.Run("trial", "--design", path, "--out", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.StderrLines);
        Assert.Contains("input file of --design", run.Stderr);
        Assert.Equal(Scenario, File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Hypothesis_PlotEqualToTheObservedFile_IsRefused()
    {
        using var dir = new TempDirectory();
        // One figure per observation time, named with the time: --plot data.png writes data-230min.png.
        var csv = dir.File("data-230min.png");
        const string data = "cadss,pct_change\n1,-20\n5,-35\n9,-50\n14,-60\n";
        File.WriteAllText(csv, data);
        var run = CliRunner.Run("hypothesis", "--observed", csv, "--observed-at", "230min", "--plot", dir.File("data.png"), "--replicates", "100", "--pool", "400");
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.StderrLines);
        Assert.Equal(data, File.ReadAllText(csv));
    }

    [Theory]
    [InlineData("{\"name\":\"x\", \"name\":\"y\"}", "$.name: duplicate key 'name'")]
    [InlineData("{\n  \"name\": \"x\"\n  \"arms\": []\n}", "(line 3, column 3)")]
    public void Trial_ScenarioJsonErrors_NameThePathOrTheOneBasedPosition(string json, string expected)
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.json");
        File.WriteAllText(path, json);
        var run = CliRunner.Run("trial", "--design", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.StderrLines);
        Assert.Contains(expected, run.Stderr);
        Assert.DoesNotContain("LineNumber", run.Stderr);
    }

    [Fact]
    public void Trial_ScenarioWithWideVariabilityAndLargeScale_RunsWithTruncatedPatients()
    {
        // Issue 7: SCALE_A 60 (inside 0-100) with its default log SD 0.3 sampled patients above 100 and the run died.
        using var dir = new TempDirectory();
        var path = dir.File("wide.json");
        File.WriteAllText(path, """
            { "name": "wide", "assessments": ["1d"], "arms": [ { "name": "a", "route": "iv", "dose": "0.5mg/kg", "infusion": "40min", "subjects": 200 } ],
              "parameters": { "SCALE_A": 60 }, "population": { "variability": { "C50_D": 3, "SCALE_A": 1 } } }
            """);
        var run = CliRunner.Run("trial", "--design", path, "--quiet", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.DoesNotContain("NaN", run.Stdout);
    }

    [Fact]
    public void Simulate_OutputNameOf244Characters_IsWritten()
    {
        using var dir = new TempDirectory();
        var path = dir.File(new string('a', 240) + ".csv");
        var run = CliRunner.Run("simulate", "--until", "1h", "--out", path);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(File.Exists(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void AtomicFile_StaleTemporaryFilesOfOurs_AreRemovedAndOthersKept()
    {
        using var dir = new TempDirectory();
        string stale = dir.File($".old.csv.{Guid.NewGuid():N}.tmp"), fresh = dir.File($".new.csv.{Guid.NewGuid():N}.tmp"), foreign = dir.File(".other.tmp");
        foreach (var f in new[] { stale, fresh, foreign }) File.WriteAllText(f, "");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddDays(-2));
        File.SetLastWriteTimeUtc(foreign, DateTime.UtcNow.AddDays(-2));
        AtomicFile.RemoveStale(dir.Path);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));
        Assert.True(File.Exists(foreign));
    }

    [Fact]
    public void Cli_Sigterm_RemovesTemporaryFilesAndExits143()
    {
        // Out of process: a real signal. A long hypothesis run with --plot has its temporary file open while it works.
        string dll = typeof(KetaminePkPd.Cli.Commands.CliErrors).Assembly.Location;
        using var dir = new TempDirectory();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "hypothesis", "--pool", "200000", "--replicates", "100000", "--allow-long-run", "--quiet", "--plot", Path.Combine(dir.Path, "h.png") })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var clock = Stopwatch.StartNew();
        while (Directory.GetFiles(dir.Path).Length == 0 && clock.Elapsed < TimeSpan.FromSeconds(30) && !process.HasExited) Thread.Sleep(50);
        Assert.False(process.HasExited, "the run ended before it could be signalled");
        Assert.NotEmpty(Directory.GetFiles(dir.Path));
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        Assert.True(process.WaitForExit(30_000), "the run did not stop after SIGTERM");
        Assert.Equal(143, process.ExitCode);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Theory]
    [InlineData("SIGINT", 130, true)]
    [InlineData("SIGTERM", 143, false)]
    public async Task SimulateData_Signal_LeavesNoSpoolInTmpdirAndNoOutput(string signal, int exitCode, bool toStdout)
    {
        // Out of process (issue 17, class 7): a data set large enough to be running when signalled; stdout (or --out) is
        // spooled meanwhile, and TMPDIR is a folder of its own, so anything left behind is seen.
        string dll = typeof(KetaminePkPd.Cli.Commands.CliErrors).Assembly.Location;
        using var dir = new TempDirectory();
        using var tmp = new TempDirectory();
        string data = dir.File("events.csv"), model = dir.File("model.json"), output = Path.Combine(dir.Path, "out");
        Directory.CreateDirectory(output);
        File.WriteAllText(model, """{"model": "advan1", "parameters": {"CL": 2, "V": 20}}""");
        using (var writer = new StreamWriter(data))
        {
            writer.WriteLine("ID,TIME,AMT,EVID");
            for (int id = 1; id <= 50_000; id++)
            {
                writer.WriteLine($"{id},0,100,1");
                for (int t = 1; t <= 40; t++) writer.WriteLine($"{id},{t},0,0");
            }
        }
        // A test host started in the background by a shell inherits SIGINT ignored, and so would the tool (which keeps an ignored signal
        // ignored, as Unix programs do): start it through env with both signals back to their defaults, so the test sees the tool's handling.
        var start = new ProcessStartInfo("env") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.Environment["TMPDIR"] = tmp.Path;
        foreach (var a in (string[])["--default-signal=INT,TERM", "dotnet", dll, "simulate", "--data", data, "--model", model, .. toStdout ? Array.Empty<string>() : ["--out", Path.Combine(output, "p.csv")]])
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        // The spool of stdout has no name to wait for: give the run two seconds (the whole data set takes well over ten).
        var clock = Stopwatch.StartNew();
        while ((toStdout ? clock.Elapsed < TimeSpan.FromSeconds(2) : Directory.GetFiles(output).Length == 0) && clock.Elapsed < TimeSpan.FromSeconds(30) && !process.HasExited)
            await Task.Delay(20);
        Assert.False(process.HasExited, "the run ended before it could be signalled");
        using (var kill = Process.Start("kill", [$"-{signal[3..]}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        Assert.True(process.WaitForExit(30_000), $"the run did not stop after {signal}");
        Assert.Equal(exitCode, process.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(tmp.Path));
        Assert.Empty(Directory.GetFileSystemEntries(output));
        Assert.Equal("", await stdout);
    }

    [Fact]
    public void Simulate_SvgHysteresisPlot_PrintsNothingButTheReport()
    {
        // Out of process: the message came from native code (Skia's SVG canvas), on the process's standard output.
        string dll = typeof(KetaminePkPd.Cli.Commands.CliErrors).Assembly.Location;
        using var dir = new TempDirectory();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "simulate", "--until", "4h", "--json", "--plot-hysteresis", dir.File("h.svg"), "--plot-effects", dir.File("e.svg") })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        string stdout = process.StandardOutput.ReadToEnd(), stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.Equal("", stderr);
        Assert.DoesNotContain("Unsupported", stdout);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.True(File.Exists(dir.File("h.svg")));
    }
}
