using System.Globalization;
using System.Text.Json;

namespace KetaminePkPd.Tests.Cli;

/// <summary><c>simulate --data</c>: the data-set simulation through the tool (streamed CSV, JSON summary, one-line errors).</summary>
public sealed class DataSetCommandTests
{
    private static string Case(string id) => Path.Combine(AppContext.BaseDirectory, "DataSets", "nmtests", "cases", id + ".csv");

    [Fact]
    public void SimulateData_NmtestsSteadyStates_WritesOneRowPerRecordMatchingNonmem()
    {
        using var dir = new TempDirectory();
        string output = dir.File("predictions.csv");
        var run = CliRunner.Run("simulate", "--data", Case("dosing-28"), "--model", "advan2", "--out", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.Contains("Simulated 1 subject(s), 133 record(s) with model advan2", run.Stdout, StringComparison.Ordinal);
        var input = File.ReadAllLines(Case("dosing-28"));
        var rows = File.ReadAllLines(output);
        Assert.Equal("ID,TIME,EVID,CMT,CP,A1,A2", rows[0]);
        Assert.Equal(input.Length, rows.Length);
        for (int i = 1; i < rows.Length; i++)
        {
            double nonmem = double.Parse(input[i].Split(',')[^1], CultureInfo.InvariantCulture);
            var cells = rows[i].Split(',');
            Assert.Equal(input[i].Split(',')[1], cells[1]);
            double cp = double.Parse(cells[4], CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(cp - nonmem) <= 1e-4 * nonmem + 1e-6, $"line {i + 1}: {cp} vs NONMEM {nonmem}");
            double a2 = double.Parse(cells[6], CultureInfo.InvariantCulture);
            Assert.Equal(cp, 1000 * a2 / 20, cp * 1e-9 + 1e-9);
        }
    }

    [Fact]
    public void SimulateData_Json_PrintsCmaxTmaxAucPerId()
    {
        var run = CliRunner.Run("simulate", "--data", Case("dosing-01"), "--model", "advan2", "--json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var subject = doc.RootElement.GetProperty("subjects")[0];
        Assert.Equal("1", subject.GetProperty("id").GetString());
        var input = File.ReadAllLines(Case("dosing-01")).Skip(1).Select(l => l.Split(',')).ToList();
        var peak = input.MaxBy(c => double.Parse(c[^1], CultureInfo.InvariantCulture))!;
        double cmax = subject.GetProperty("cmaxNgPerMl").GetDouble();
        Assert.Equal(double.Parse(peak[^1], CultureInfo.InvariantCulture), cmax, 1e-4 * cmax);
        Assert.Equal(double.Parse(peak[1], CultureInfo.InvariantCulture), subject.GetProperty("tmaxH").GetDouble());
        // 100 mg into the depot at 0, 24, 48, 72 h: the integral to 130 h of the Bateman function of each dose, 1000 x mg.h/L.
        double cl = 1.1, v = 20, ka = 1.5, k = cl / v, expected = 0;
        foreach (double dose in new[] { 0.0, 24, 48, 72 })
        {
            double t = 130 - dose;
            expected += 1000 * 100 * ka / (v * (ka - k)) * ((1 - Math.Exp(-k * t)) / k - (1 - Math.Exp(-ka * t)) / ka);
        }
        Assert.Equal(expected, subject.GetProperty("aucNgHPerMl").GetDouble(), expected * 1e-9);
        Assert.Equal(File.ReadAllLines(Case("dosing-01")).Length - 1, doc.RootElement.GetProperty("recordCount").GetInt32());
    }

    [Fact]
    public void SimulateData_ModelFile_TakesItsParameters()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("model.json"), """{"model": "1cmt", "parameters": {"CL": 2, "V": 10}}""");
        File.WriteAllText(dir.File("events.csv"), "ID,TIME,AMT,EVID\n7,0,50,1\n7,5,0,0\n");
        var run = CliRunner.Run("simulate", "--data", dir.File("events.csv"), "--model", dir.File("model.json"));

        Assert.Equal(0, run.ExitCode);
        var last = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Split(',');
        Assert.Equal(1000 * 50 / 10.0 * Math.Exp(-1), double.Parse(last[4], CultureInfo.InvariantCulture), 1e-6);
    }

    [Theory]
    [InlineData("ID,TIME,AMT,EVID\n1,0,100,1\n1,2,0,0\n1,1,0,0\n", "error: data set row 4, column TIME: times must not go back within an ID")]
    [InlineData("ID,TIME,AMT,EVID,SS\n1,0,100,1,1\n", "error: data set row 2, column II: SS 1 needs II > 0")]
    [InlineData("ID,TIME,AMT,EVID\n1,0,0,4\n", "error: data set row 2, column AMT: EVID 4 (reset and dose) needs AMT > 0")]
    [InlineData("ID,TIME,AMT,RATE,EVID,CMT\n1,0,100,-1,1,2\n", "error: data set row 2, column RATE: RATE -1 takes the infusion rate from the model's R2")]
    [InlineData("ID,TIME,AMT,EVID,CMT\n1,0,100,1,9\n", "error: data set row 2, column CMT: unknown compartment 9")]
    [InlineData("ID,TIME,AMT,EVID\n1,0,100,1\n1,1h,0,0\n", "error: data set row 3, column TIME: '1h' is not a number.")]
    public void SimulateData_BadRow_OneLineErrorExit2AndNoFile(string csv, string message)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("events.csv"), csv);
        File.WriteAllText(dir.File("model.json"), """{"model": "advan2", "parameters": {"CL": 1.1, "V": 20, "KA": 1.5}}""");
        string output = dir.File("out.csv");
        var run = CliRunner.Run("simulate", "--data", dir.File("events.csv"), "--model", dir.File("model.json"), "--out", output);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        // The library's "data set row N" becomes the option and the file that hold the row.
        Assert.StartsWith(message.Replace("error: data set", $"error: --data '{dir.File("events.csv")}'", StringComparison.Ordinal), line, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
        Assert.Empty(Directory.GetFiles(dir.Path, "out*"));
        Assert.Empty(Directory.GetFiles(dir.Path, ".out*"));
    }

    [Theory]
    [InlineData("--dose", "35mg", "remove --dose")]
    [InlineData("--model", "advan7", "--model: Unknown data-set model 'advan7'")]
    [InlineData("--parameter-timing", "later", "--parameter-timing must be nonmem or locf")]
    public void SimulateData_BadOption_OneLineErrorExit2(string option, string value, string message)
    {
        var run = CliRunner.Run("simulate", "--data", Case("dosing-01"), option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void SimulateData_MissingFile_OneLineErrorExit2()
    {
        var run = CliRunner.Run("simulate", "--data", "no-such-file.csv", "--model", "advan2");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --data: file not found", Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void SimulateData_Step_AddsEvid2RowsBetweenFirstAndLastRecord()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("model.json"), """{"model": "1cmt", "parameters": {"CL": 2, "V": 10}}""");
        File.WriteAllText(dir.File("events.csv"), "ID,TIME,AMT,EVID\n7,0,50,1\n7,2,0,0\n8,1,50,1\n8,2,0,0\n");
        var run = CliRunner.Run("simulate", "--data", dir.File("events.csv"), "--model", dir.File("model.json"), "--step", "30min");

        Assert.Equal(0, run.ExitCode);
        var rows = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["7,0,1", "7,0.5,2", "7,1,2", "7,1.5,2", "7,2,0", "8,1,1", "8,1.5,2", "8,2,0"], rows.Select(r => string.Join(",", r[..3])));
        Assert.Equal(5000 * Math.Exp(-0.2 * 1.5), double.Parse(rows[3][4], CultureInfo.InvariantCulture), 1e-5);
    }

    [Fact]
    public void SimulateHelp_DocumentsDataAndParameterTiming()
    {
        var run = CliRunner.Run("simulate", "--help");

        Assert.Equal(0, run.ExitCode);
        string help = string.Join(' ', run.Stdout.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--data <events.csv>", help, StringComparison.Ordinal);
        Assert.Contains("advan1|advan2|advan3|advan4|advan11|advan12", help, StringComparison.Ordinal);
        Assert.Contains("--parameter-timing <nonmem|locf>", help, StringComparison.Ordinal);
        Assert.Contains("ketamine-pkpd simulate --data events.csv --model advan2 --out predictions.csv", help, StringComparison.Ordinal);
    }
}
