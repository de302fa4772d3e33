using KetaminePkPd.DataSets;

namespace KetaminePkPd.Tests.DataSets;

/// <summary>
/// Extreme but valid input (issue 17, class 4): computed right up to the limits, checked against closed forms, and
/// refused beyond them with the allowed range, never a wrong number. Limits: rate constants at most 1e6 per hour,
/// volumes at least 1e-6 L, doses and rates at most 1e9 mg (per hour).
/// </summary>
public sealed class ExtremeValueTests
{
    private static SubjectPrediction Simulate(DataSetModel model, string csv) =>
        Assert.Single(DataSetSimulator.SimulateMany(model, DataSetReader.Parse(csv)));

    private static void Close(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Theory]
    [InlineData(1e6, 1, 20)]
    [InlineData(1e6, 1e-6, 20)]
    [InlineData(1e3, 1e6, 1)]
    [InlineData(1e-6, 1, 20)]
    public void Advan2_RatesUpToTheLimit_MatchTheBatemanFunction(double ka, double cl, double v)
    {
        var model = DataSetModel.Advan(2).WithParameters([new("CL", cl), new("V", v), new("KA", ka)]);
        var p = Simulate(model, "ID,TIME,AMT,EVID,CMT\n1,0,100,1,1\n1,0.001,0,0,2\n1,1,0,0,2\n1,9,0,0,2\n");
        double k = cl / v;
        double[] times = [0.001, 1, 9];
        for (int i = 0; i < times.Length; i++)
        {
            double t = times[i];
            // Bateman: A2(t) = D KA / (KA - k) (e^-kt - e^-KAt), computed without cancellation for far-apart rates.
            double central = 100 * ka / (ka - k) * (Math.Exp(-k * t) - Math.Exp(-ka * t));
            double expected = central / v * 1000;
            if (expected < 1e-250) Assert.True(p.ConcentrationsNgPerMl[i + 1] < 1e-250);
            else Close(expected, p.ConcentrationsNgPerMl[i + 1], 1e-6);
            Close(100 * Math.Exp(-ka * t) + 1e-300, p.AmountMg(i + 1, 1) + 1e-300, 1e-6);
        }
    }

    [Fact]
    public void Advan1_LargestDoseInTheSmallestVolume_IsFinite()
    {
        var model = DataSetModel.Advan(1).WithParameters([new("CL", 1e-6), new("V", AdvanKernel.MinVolumeL)]);
        var p = Simulate(model, $"ID,TIME,AMT,EVID\n1,0,{EventRecord.MaxAmountMg:R},1\n1,1,0,0\n");
        Close(EventRecord.MaxAmountMg / AdvanKernel.MinVolumeL * 1000 * Math.Exp(-1), p.ConcentrationsNgPerMl[1], 1e-9);
    }

    [Theory]
    [InlineData("""{"CL": 1, "V": 20, "KA": 1e200}""", "model parameter KA (fixed in the model; the data set has no KA column): KA must be at most 1E+06 per hour")]
    [InlineData("""{"CL": 1e20, "V": 20, "KA": 1e20}""", "model parameter CL (fixed in the model; the data set has no CL column): CL/V, the elimination rate constant (CL 1E+20 L/h, V 20 L), must be at most 1E+06 per hour")]
    [InlineData("""{"CL": 1, "V": 1e-300, "KA": 1}""", "model parameter V (fixed in the model; the data set has no V column): V must be finite and at least 1E-06 L, got 1E-300.")]
    public void Advan2_BeyondTheLimits_IsRefusedWithTheAllowedRange(string parameters, string message)
    {
        var model = DataSetModel.FromJson($$"""{"model": "advan2", "parameters": {{parameters}}}""");
        var ex = Assert.Throws<DataSetFormatException>(() => Simulate(model, "ID,TIME,AMT,EVID,CMT\n1,0,100,1,1\n1,9,0,0,2\n"));
        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e308", "AMT: must be finite and in [0, 1000000000] mg, got 1E+308.")]
    [InlineData("1000000001", "AMT: must be finite and in [0, 1000000000] mg, got 1000000001.")]
    public void Dose_AboveTheLargestAmount_IsRefusedWithTheRange(string amount, string message)
    {
        var ex = Assert.Throws<DataSetFormatException>(() => DataSetReader.Parse($"ID,TIME,AMT,EVID\n1,0,{amount},1\n"));
        Assert.Equal($"data set row 2, column {message}", ex.Message);
    }
}
