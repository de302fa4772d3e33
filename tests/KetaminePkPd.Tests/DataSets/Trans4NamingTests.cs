using KetaminePkPd.DataSets;

namespace KetaminePkPd.Tests.DataSets;

/// <summary>
/// NONMEM's TRANS4 names for ADVAN4 and ADVAN12 (central volume V2, peripherals V3 and V4, flows Q or Q3 and Q4) are
/// accepted in model files and data-set columns, give the same predictions as the names used here (V central), and match
/// the two-compartment closed form; a mix of the two namings, or a name of either meaning (V2) that nothing decides, is
/// refused (issue 17; before, a V2 column silently became the peripheral volume).
/// </summary>
public sealed class Trans4NamingTests
{
    private const string Oral = "ID,TIME,AMT,EVID,CMT\n1,0,100,1,1\n1,0.5,0,0,2\n1,2,0,0,2\n1,12,0,0,2\n";

    private static double[] Cp(DataSetModel model, string csv) =>
        [.. Assert.Single(DataSetSimulator.SimulateMany(model, DataSetReader.Parse(csv))).ConcentrationsNgPerMl];

    [Fact]
    public void Advan4_Trans4ModelFile_GivesTheSamePredictionsAsTheNamesHere()
    {
        var trans4 = DataSetModel.FromJson("""{"model": "advan4", "parameters": {"CL": 2, "V2": 20, "Q": 1, "V3": 40, "KA": 1.5}}""");
        var here = DataSetModel.FromJson("""{"model": "advan4", "parameters": {"CL": 2, "V": 20, "Q": 1, "V2": 40, "KA": 1.5}}""");
        Assert.Equal(Cp(here, Oral), Cp(trans4, Oral));
        Assert.Equal(20, trans4.FixedParameters["V"]);
        Assert.Equal(40, trans4.FixedParameters["V2"]);
    }

    [Fact]
    public void Advan4_Trans4Columns_BolusIntoCentral_MatchesTheTwoCompartmentClosedForm()
    {
        // Hand-derived: k10 = CL/V2 = 0.1, k12 = Q/V2 = 0.05, k21 = Q/V3 = 0.025 per hour (TRANS4: V2 central, V3 peripheral);
        // alpha, beta = (s +- sqrt(s^2 - 4 k10 k21)) / 2 with s = k10 + k12 + k21; C(t) = D/V2 (A e^-alpha t + B e^-beta t),
        // A = (alpha - k21)/(alpha - beta), B = (k21 - beta)/(alpha - beta).
        const double d = 100, cl = 2, v2 = 20, q = 1, v3 = 40;
        double k10 = cl / v2, k12 = q / v2, k21 = q / v3, sum = k10 + k12 + k21, root = Math.Sqrt(sum * sum - 4 * k10 * k21);
        double alpha = (sum + root) / 2, beta = (sum - root) / 2, a = (alpha - k21) / (alpha - beta), b = (k21 - beta) / (alpha - beta);
        string csv = "ID,TIME,AMT,EVID,CMT,CL,V2,Q,V3,KA\n1,0,100,1,2,2,20,1,40,1\n1,1,0,0,2,2,20,1,40,1\n1,6,0,0,2,2,20,1,40,1\n1,24,0,0,2,2,20,1,40,1\n";
        var cp = Cp(DataSetModel.Advan(4), csv);
        double[] times = [0, 1, 6, 24];
        for (int i = 0; i < times.Length; i++)
        {
            double expected = d / v2 * (a * Math.Exp(-alpha * times[i]) + b * Math.Exp(-beta * times[i])) * 1000;
            Assert.True(Math.Abs(cp[i] - expected) <= 1e-9 * expected, $"t = {times[i]}: {cp[i]:R} vs {expected:R}");
        }
        Assert.Equal(5000, cp[0], 9);
    }

    [Fact]
    public void Advan12_Trans4Names_GiveTheSamePredictionsAsTheNamesHere()
    {
        var trans4 = DataSetModel.FromJson("""{"model": "advan12", "parameters": {"CL": 2, "V2": 20, "Q3": 1, "V3": 40, "Q4": 0.5, "V4": 80, "KA": 1.5}}""");
        var here = DataSetModel.FromJson("""{"model": "advan12", "parameters": {"CL": 2, "V": 20, "Q": 1, "V2": 40, "Q3": 0.5, "V3": 80, "KA": 1.5}}""");
        Assert.Equal(Cp(here, Oral), Cp(trans4, Oral));
    }

    [Fact]
    public void Advan3And11_NonmemNames_AreTheNamesHere()
    {
        // TRANS4 of ADVAN3 (CL, V1, Q, V2) and ADVAN11 (CL, V1, Q2, V2, Q3, V3) already are the names here (V1 = V, Q2 = Q).
        var model = DataSetModel.FromJson("""{"model": "advan11", "parameters": {"CL": 2, "V1": 20, "Q2": 1, "V2": 40, "Q3": 0.5, "V3": 80}}""");
        Assert.Equal(20, model.FixedParameters["V"]);
        Assert.Equal(80, model.FixedParameters["V3"]);
    }

    [Theory]
    [InlineData("""{"model": "advan4", "parameters": {"CL": 2, "V": 20, "V3": 40, "KA": 1}}""", "model file: its parameters mix two namings of advan4's parameters: V as here")]
    [InlineData("""{"model": "advan12", "parameters": {"CL": 2, "V": 20, "Q4": 1, "KA": 1}}""", "model file: its parameters mix two namings of advan12's parameters: V as here")]
    public void ModelFile_MixingTheNamings_IsRefused(string json, string message) =>
        Assert.StartsWith(message, Assert.Throws<FormatException>(() => DataSetModel.FromJson(json)).Message, StringComparison.Ordinal);

    [Fact]
    public void ModelFileV_AndAV2ColumnThatNothingDecides_IsRefused_NotReadAsThePeripheralVolume()
    {
        // The case: a model file with V (here: V central) and a data set whose V2 column, from NONMEM, is the
        // central volume. V2 alone does not say which naming the data set uses.
        var model = DataSetModel.FromJson("""{"model": "advan4", "parameters": {"CL": 2, "V": 20, "Q": 1, "V2": 40, "KA": 1}}""");
        var ex = Assert.Throws<DataSetFormatException>(() => Cp(model, "ID,TIME,AMT,EVID,CMT,V2\n1,0,100,1,1,25\n1,2,0,0,2,25\n"));
        Assert.StartsWith("data set row 1: in the data set's columns, V2 means one thing in advan4's names here (CL, V, Q, V2, KA; V central) and another in NONMEM's TRANS4 (CL, V2, Q, V3, KA; V2 central)", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("add V (here) or V3 (TRANS4).", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trans4ModelFile_AndColumnsNamedAsHere_AreRefused()
    {
        var model = DataSetModel.FromJson("""{"model": "advan4", "parameters": {"CL": 2, "V2": 20, "Q": 1, "V3": 40, "KA": 1}}""");
        var ex = Assert.Throws<DataSetFormatException>(() => Cp(model, "ID,TIME,AMT,EVID,CMT,V\n1,0,100,1,1,25\n1,2,0,0,2,25\n"));
        Assert.Equal("data set row 1: the model's fixed parameters name advan4's parameters as NONMEM's TRANS4 does (V2 central) and the data set's columns as here (V central); use one naming.", ex.Message);
    }

    [Fact]
    public void Columns_DecidingTheirNaming_AreRead()
    {
        // V2 and V3 columns: TRANS4 (V3 decides), central volume 25 from the column.
        var cp = Cp(DataSetModel.FromJson("""{"model": "advan4", "parameters": {"CL": 2, "Q": 1, "KA": 1}}"""),
            "ID,TIME,AMT,EVID,CMT,V2,V3\n1,0,100,1,2,25,40\n");
        Assert.Equal(100 / 25.0 * 1000, cp[0], 9);
    }
}
