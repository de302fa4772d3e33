using KetaminePkPd.DataSets;

namespace KetaminePkPd.Tests.DataSets;

/// <summary>The three worked examples of docs/datasets.md: the data sets shown there give the numbers shown there.</summary>
public class DataSetDocsExamples
{
    private static double[] Cp(string model, string csv, ParameterTiming timing = ParameterTiming.NextRecord) =>
        [.. DataSetSimulator.Simulate(DataSetModel.FromJson(model), DataSetReader.Parse(csv).Single(), timing).ConcentrationsNgPerMl];

    [Fact]
    public void SteadyStateExample_TroughsEqual_AndMatchDocs()
    {
        const string model = """{"model": "2cmt", "parameters": {"CL": 5, "V": 20, "Q": 10, "V2": 50}}""";
        const string csv = """
            ID,TIME,EVID,AMT,RATE,II,ADDL,SS,CMT
            1,0,1,100,50,12,1,1,1
            1,2,0,0,0,0,0,0,1
            1,6,0,0,0,0,0,0,1
            1,12,0,0,0,0,0,0,1
            1,24,0,0,0,0,0,0,1
            1,36,0,0,0,0,0,0,1
            """;
        var cp = Cp(model, csv);
        // Periodic: the trough at 0 (the record reports the state at the start of the infusion), 12 and 24 h are equal.
        Assert.Equal(cp[0], cp[3], 1e-9 * cp[0]);
        Assert.Equal(cp[0], cp[4], 1e-9 * cp[0]);
        double[] expected = [951.15, 3591.69, 1383.97, 951.15, 951.15, 486.055];
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], cp[i], 1e-5 * expected[i] + 1e-9);
    }

    [Fact]
    public void ResetExample_EmptiesTheBody_AndMatchesDocs()
    {
        const string model = """{"model": "advan2", "parameters": {"CL": 1.1, "V": 20, "KA": 1.5}}""";
        const string csv = """
            ID,TIME,EVID,AMT,CMT
            1,0,1,100,1
            1,9,0,0,2
            1,10,3,0,2
            1,11,0,0,2
            1,24,4,50,1
            1,26,0,0,2
            """;
        var cp = Cp(model, csv);
        Assert.Equal(0, cp[2]);
        Assert.Equal(0, cp[3]);
        // After the EVID 4 dose the body holds only it: the Bateman function of 50 mg at 2 h.
        double ka = 1.5, k = 1.1 / 20;
        Assert.Equal(1000 * 50 * ka / (20 * (ka - k)) * (Math.Exp(-k * 2) - Math.Exp(-ka * 2)), cp[5], 1e-9);
        double[] expected = [0, 3163.86, 0, 0, 0, 2195.62];
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], cp[i], 1e-5 * expected[i] + 1e-9);
    }

    [Fact]
    public void CovariateExample_NonmemAndLocfDiffer_AsDocsSay()
    {
        const string model = """{"model": "1cmt", "parameters": {"V": 10}}""";
        const string csv = """
            ID,TIME,EVID,AMT,CL
            1,0,1,100,2
            1,12,0,0,2
            1,24,0,0,4
            """;
        var nonmem = Cp(model, csv);
        var locf = Cp(model, csv, ParameterTiming.LastObservationCarriedForward);
        double at12 = 10_000 * Math.Exp(-0.2 * 12);
        Assert.Equal(at12, nonmem[1], 1e-9 * at12);
        Assert.Equal(at12 * Math.Exp(-0.4 * 12), nonmem[2], 1e-9 * at12); // (12, 24] with the 24 h record's CL = 4
        Assert.Equal(at12 * Math.Exp(-0.2 * 12), locf[2], 1e-9 * at12);   // (12, 24] with the 12 h record's CL = 2
        Assert.Equal(907.18, nonmem[1], 0.005);
        Assert.Equal(7.466, nonmem[2], 0.0005);
        Assert.Equal(82.30, locf[2], 0.005);
    }
}
