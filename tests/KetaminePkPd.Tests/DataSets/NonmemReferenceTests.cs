using System.Globalization;
using System.Text.Json;
using KetaminePkPd.DataSets;

namespace KetaminePkPd.Tests.DataSets;

/// <summary>
/// The 30 NONMEM 7.5 reference runs of mrgsolve/nmtests (copied with their attribution into DataSets/nmtests; see its
/// README): each data set as given, simulated with ADVAN2 (parameters from its CL, V, KA, F2, ALAG2, D2, R2 columns),
/// compared with NONMEM's CP on every record within 1e-4 relative (NONMEM prints 5 significant digits) or 1e-6 absolute.
/// </summary>
public class NonmemReferenceTests
{
    private const double Relative = 1e-4;
    private const double Absolute = 1e-6;

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "DataSets", "nmtests");

    private static List<string> Ids()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "index.json")));
        return [.. doc.RootElement.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];
    }

    public static TheoryData<string> Scenarios() => new(Ids());

    [Fact]
    public void Index_ListsThirtyScenarios_EachWithItsFile()
    {
        var ids = Ids();
        Assert.Equal(30, ids.Count);
        foreach (var id in ids) Assert.True(File.Exists(Path.Combine(Folder, "cases", id + ".csv")), id);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Simulate_NonmemReferenceRun_MatchesNonmemCpOnEveryRecord(string scenario)
    {
        string path = Path.Combine(Folder, "cases", scenario + ".csv");
        var subjects = DataSetReader.Parse(File.ReadAllText(path));
        var model = DataSetModel.Advan(2);
        int records = 0;
        foreach (var subject in subjects)
        {
            int reference = subject.ColumnNames.IndexOf("CP_NONMEM");
            Assert.True(reference >= 0);
            var prediction = DataSetSimulator.Simulate(model, subject);
            for (int i = 0; i < subject.Records.Length; i++)
            {
                double expected = subject.Records[i].Values[reference], actual = prediction.ConcentrationsNgPerMl[i];
                double error = Math.Abs(actual - expected);
                Assert.True(error <= Absolute || error <= Relative * Math.Abs(expected),
                    string.Create(CultureInfo.InvariantCulture, $"{scenario} row {subject.Records[i].Row} (t = {subject.Records[i].TimeH} h): CP {actual:G8}, NONMEM {expected:G5}"));
                records++;
            }
        }
        Assert.Equal(File.ReadAllLines(path).Count(l => l.Length > 0) - 1, records);
    }
}
