using System.Globalization;
using System.Text.Json;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Cli;

/// <summary>
/// The round trip of issue 8: the per-patient CSV of <c>trial --out</c> is accepted as it is by <c>hypothesis
/// --observed</c>, which computes from it the same correlations the trial reported; and <c>hypothesis --out</c> writes
/// every replicate trial's r.
/// </summary>
public sealed class ObservedRoundTripTests
{
    private static string Repository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KetaminePkPd.sln"))) dir = dir.Parent;
        return dir!.FullName;
    }

    private static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        using var doc = JsonDocument.Parse(run.Stdout);
        return doc.RootElement.Clone();
    }

    [Fact]
    public void TrialOut_GivenToHypothesisObserved_GivesTheTrialsCorrelationAtEveryAssessment()
    {
        using var dir = new TempDirectory();
        string csv = dir.File("patients.csv");

        var trial = Json(CliRunner.Run("trial", "--subjects", "60", "--seed", "3", "--out", csv, "--json"));
        var test = Json(CliRunner.Run("hypothesis", "--observed", csv, "--hypothesis", "exposure-only", "--replicates", "100", "--subjects", "400", "--json"));

        var associations = trial.GetProperty("associations").EnumerateArray().ToList();
        var observed = test.GetProperty("settings").GetProperty("observed").EnumerateArray().ToList();
        Assert.Equal(["230min", "1d", "3d", "7d"], observed.Select(o => o.GetProperty("time").GetString()!));
        for (int k = 0; k < 4; k++)
        {
            Assert.Equal(associations[k].GetProperty("r").GetDouble(), observed[k].GetProperty("r").GetDouble(), 12);
            Assert.Equal(60, observed[k].GetProperty("n").GetInt32());
        }
        Assert.Equal(4, test.GetProperty("comparisons").GetArrayLength());
    }

    [Fact]
    public void DocsExampleObservedFile_IsReadAsItIsAtOneTime()
    {
        string path = Path.Combine(Repository(), "docs", "examples", "observed.csv");
        var library = VirtualTrial.Run(TrialDesign.Nimh.WithTotalSubjects(40), Hypothesis.ExposureOnly, 1);

        var json = Json(CliRunner.Run("hypothesis", "--observed", path, "--observed-at", "1d", "--hypothesis", "exposure-only",
            "--replicates", "100", "--subjects", "400", "--json"));

        var observed = Assert.Single(json.GetProperty("settings").GetProperty("observed").EnumerateArray());
        Assert.Equal(40, observed.GetProperty("n").GetInt32());
        // The file is `trial --subjects 40 --seed 1 --out`: its correlation at 1 d is the library trial's.
        Assert.Equal(library.Associations[1]!.Raw.R, observed.GetProperty("r").GetDouble(), 12);
    }

    [Fact]
    public void HypothesisOut_WritesEveryReplicateRPerHypothesisAndTime()
    {
        using var dir = new TempDirectory();
        string csv = dir.File("replicates.csv");

        var json = Json(CliRunner.Run("hypothesis", "--hypothesis", "exposure-only,mediation", "--replicates", "150", "--subjects", "400",
            "--out", csv, "--json"));

        var lines = File.ReadAllLines(csv);
        Assert.Equal("hypothesis,time_h,time,replicate,r,partial_r", lines[0]);
        Assert.Equal(1 + 2 * 2 * 150, lines.Length);
        var rows = lines[1..].Select(l => l.Split(',')).ToList();
        Assert.Equal(["exposure-only", "mediation"], rows.Select(r => r[0]).Distinct());
        Assert.Equal(["230min", "7d"], rows.Select(r => r[2]).Distinct());
        Assert.Equal(Enumerable.Range(0, 150).Select(i => i.ToString(CultureInfo.InvariantCulture)), rows.Take(150).Select(r => r[3]));
        // The replicate r values are the ones the comparison summarises: their median is its median r.
        foreach (var c in json.GetProperty("comparisons").EnumerateArray())
        {
            var r = rows.Where(x => x[0] == c.GetProperty("hypothesis").GetString() && x[2] == c.GetProperty("time").GetString())
                .Select(x => double.Parse(x[4], CultureInfo.InvariantCulture)).Order().ToArray();
            Assert.Equal(150, r.Length);
            Assert.Equal(c.GetProperty("medianR").GetDouble(), (r[74] + r[75]) / 2, 12);
            Assert.All(r, v => Assert.InRange(v, -1, 1));
        }
    }
}
