using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using KetaminePkPd.DataSets;

namespace KetaminePkPd.Tests.DataSets;

/// <summary>
/// Modeled-rate infusions (<c>RATE -1</c>, rate from the model's Rn) and steady-state constant infusions, against
/// one-compartment closed forms, the steady state of K x + R e_n = 0, the NONMEM reference runs with their fixed rates
/// moved into Rn, and the equivalent fixed-rate record.
/// </summary>
public class ModeledRateTests
{
    private static string Cases => Path.Combine(AppContext.BaseDirectory, "DataSets", "nmtests", "cases");

    private static DataSetSubject One(string csv) => DataSetReader.Parse(csv.Replace(' ', '\n')).Single();

    private static string Inv(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Amount after h hours of dA/dt = rate - k A from a0: a0 e^-kh + rate/k (1 - e^-kh).</summary>
    private static double Step(double a0, double rate, double k, double h) => a0 * Math.Exp(-k * h) + rate / k * (1 - Math.Exp(-k * h));

    [Fact]
    public void Simulate_OneCompartmentInfusionWithRateFromR1_MatchesTheClosedForm()
    {
        // 100 mg at R1 = 25 mg/h into ADVAN1 (CL 4 L/h, V 30 L): a 4 h infusion. C = R/CL (1 - e^-kt) while it runs,
        // C(4) e^-k(t-4) after (Gibaldi & Perrier, Pharmacokinetics, 2nd ed., ch. 2: constant-rate infusion).
        var subject = One("ID,TIME,AMT,RATE,EVID,R1 1,0,100,-1,1,25 1,1,0,0,0,25 1,4,0,0,0,25 1,6,0,0,0,25 1,24,0,0,0,25");
        var model = DataSetModel.Create("1cmt").WithParameters([new("CL", 4), new("V", 30)]);
        var p = DataSetSimulator.Simulate(model, subject);
        double k = 4.0 / 30;
        foreach (var (i, t) in new[] { (1, 1.0), (2, 4.0), (3, 6.0), (4, 24.0) })
        {
            double amount = t <= 4 ? Step(0, 25, k, t) : Step(0, 25, k, 4) * Math.Exp(-k * (t - 4));
            double expected = amount / 30 * 1000;
            Assert.Equal(expected, p.ConcentrationsNgPerMl[i], expected * 1e-12);
        }
        Assert.Equal(0, p.ConcentrationsNgPerMl[0]);
        // Mass balance at 24 h: what is left plus what CL removed (CL x AUC) is the 100 mg given.
        Assert.Equal(100, p.AmountMg(4, 1) + 4 * p.AucNgHPerMl / 1000, 1e-9);
    }

    /// <summary>
    /// R1 changes between records while the infusion runs: the span is fixed at the dose, 100 mg / R1 of the dose record
    /// (20 mg/h) = 5 h; each stretch between records delivers the R1 of the record that governs it.
    /// </summary>
    [Theory]
    [InlineData(ParameterTiming.NextRecord)]
    [InlineData(ParameterTiming.LastObservationCarriedForward)]
    public void Simulate_R1ChangingDuringTheInfusion_ActsOverEachStretchAsItsTimingSays(ParameterTiming timing)
    {
        var subject = One("ID,TIME,AMT,RATE,EVID,R1 1,0,100,-1,1,20 1,2,0,0,0,10 1,4,0,0,0,40 1,8,0,0,0,40");
        var model = DataSetModel.Create("1cmt").WithParameters([new("CL", 4), new("V", 30)]);
        var p = DataSetSimulator.Simulate(model, subject, timing);
        double k = 4.0 / 30;
        // NONMEM: (0, 2] at the 2 h record's 10 mg/h, (2, 4] and (4, 5] at 40 mg/h (140 mg in all);
        // LOCF: (0, 2] at the dose record's 20, (2, 4] at 10, (4, 5] at 40 (100 mg).
        var (r1, r2, r3) = timing == ParameterTiming.NextRecord ? (10.0, 40.0, 40.0) : (20.0, 10.0, 40.0);
        double a2 = Step(0, r1, k, 2), a4 = Step(a2, r2, k, 2), a5 = Step(a4, r3, k, 1), a8 = a5 * Math.Exp(-3 * k);
        double[] expected = [0, a2 / 30 * 1000, a4 / 30 * 1000, a8 / 30 * 1000];
        for (int i = 0; i < 4; i++) Assert.Equal(expected[i], p.ConcentrationsNgPerMl[i], Math.Max(1e-12, expected[i] * 1e-12));
        double delivered = 2 * r1 + 2 * r2 + r3;
        Assert.Equal(timing == ParameterTiming.NextRecord ? 140 : 100, delivered);
        Assert.Equal(delivered, p.AmountMg(3, 1) + 4 * p.AucNgHPerMl / 1000, 1e-9);
    }

    [Fact]
    public void Simulate_R1ChangingWhileNoModeledInfusionRuns_ChangesNothing()
    {
        // The same dose as a fixed RATE 25: R1 on the later records (0 after the 4 h infusion, or any value) has no effect.
        var model = DataSetModel.Create("1cmt").WithParameters([new("CL", 4), new("V", 30)]);
        var modeled = DataSetSimulator.Simulate(model, One("ID,TIME,AMT,RATE,EVID,R1 1,0,100,-1,1,25 1,4,0,0,0,25 1,6,0,0,0,0 1,9,0,0,0,7"));
        var fixedRate = DataSetSimulator.Simulate(model, One("ID,TIME,AMT,RATE,EVID,R1 1,0,100,25,1,0 1,4,0,0,0,0 1,6,0,0,0,0 1,9,0,0,0,0"));
        Assert.Equal(fixedRate.ConcentrationsNgPerMl.ToArray(), modeled.ConcentrationsNgPerMl.ToArray());
    }

    [Theory]
    [InlineData("1cmt", 1)]
    [InlineData("2cmt", 1)]
    [InlineData("3cmt", 1)]
    [InlineData("1cmt-oral", 1)]
    [InlineData("2cmt-oral", 2)]
    public void Simulate_SteadyStateConstantInfusionFromRn_SolvesKxPlusReZero(string modelName, int compartment)
    {
        // AMT 0, RATE -1, II 0, SS 1: the steady state of R = 12 mg/h into the compartment. Whatever the route in, every
        // linear model here eliminates only from central, so C = R / CL, each peripheral holds V_p x C and a depot
        // dosed R / KA (Rowland & Tozer, Clinical Pharmacokinetics, 4th ed., ch. 10: plateau under a constant-rate infusion).
        var model = DataSetModel.Create(modelName).WithParameters(
            [new("CL", 3), new("V", 15), .. modelName.StartsWith("1cmt", StringComparison.Ordinal) ? Array.Empty<KeyValuePair<string, double>>() : [new("Q", 5), new("V2", 40)],
             .. modelName == "3cmt" ? [new KeyValuePair<string, double>("Q3", 1), new("V3", 90)] : Array.Empty<KeyValuePair<string, double>>(),
             .. modelName.EndsWith("oral", StringComparison.Ordinal) ? [new KeyValuePair<string, double>("KA", 0.8)] : Array.Empty<KeyValuePair<string, double>>()]);
        var subject = One($"ID,TIME,AMT,RATE,II,SS,EVID,CMT,R{compartment} 1,0,0,-1,0,1,1,{compartment},12 1,0,0,0,0,0,0,0,12");
        var p = DataSetSimulator.Simulate(model, subject);
        double c = 12.0 / 3; // mg/L
        Assert.Equal(c * 1000, p.ConcentrationsNgPerMl[1], 1e-9);
        var names = model.CompartmentNames;
        for (int q = 0; q < names.Length; q++)
        {
            double expected = names[q] switch
            {
                "depot" => compartment == 1 ? 12 / 0.8 : 0,
                "central" => c * 15,
                "peripheral1" => c * 40,
                "peripheral2" => c * 90,
                _ => throw new InvalidOperationException(names[q]),
            };
            Assert.Equal(expected, p.AmountMg(1, q + 1), 1e-9);
        }
        // The same record with RATE 12 gives the same state, bit for bit.
        var fixedRate = DataSetSimulator.Simulate(model, One($"ID,TIME,AMT,RATE,II,SS,EVID,CMT,R{compartment} 1,0,0,12,0,1,1,{compartment},12 1,0,0,0,0,0,0,0,12"));
        Assert.Equal(fixedRate.ConcentrationsNgPerMl.ToArray(), p.ConcentrationsNgPerMl.ToArray());
        Assert.Equal(fixedRate.AucNgHPerMl, p.AucNgHPerMl);
    }

    [Fact]
    public void Simulate_SteadyStateConstantInfusionFromRn_EndsAtTheRecordAsNonmemDoes()
    {
        // As NONMEM's dosing-29 shows for RATE > 0: the state is the plateau, and the infusion does not go on.
        var model = DataSetModel.Create("1cmt").WithParameters([new("CL", 3), new("V", 15)]);
        var p = DataSetSimulator.Simulate(model, One("ID,TIME,AMT,RATE,II,SS,EVID,R1 1,0,0,-1,0,1,1,12 1,5,0,0,0,0,0,12"));
        Assert.Equal(4000 * Math.Exp(-0.2 * 5), p.ConcentrationsNgPerMl[1], 1e-9);
    }

    /// <summary>The NONMEM runs that infuse at a fixed RATE, with that RATE moved into Rn (RATE -1): the same CP.</summary>
    public static TheoryData<string> FixedRateScenarios() => new(Directory.GetFiles(Cases, "*.csv")
        .Where(f => File.ReadLines(f).Skip(1).Any(l => double.Parse(l.Split(',')[8], CultureInfo.InvariantCulture) > 0))
        .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(FixedRateScenarios))]
    public void Simulate_NonmemRunWithItsRateMovedIntoRn_StillMatchesNonmem(string scenario)
    {
        var lines = File.ReadAllLines(Path.Combine(Cases, scenario + ".csv")).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        int cmt = Array.IndexOf(header, "CMT"), rate = Array.IndexOf(header, "RATE"), cp = Array.IndexOf(header, "CP_NONMEM");
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        // One rate per compartment in each of these runs: R1 and R2 hold it on every record.
        var rates = new double[3];
        foreach (var r in rows)
        {
            double v = double.Parse(r[rate], CultureInfo.InvariantCulture);
            if (v <= 0) continue;
            int c = int.Parse(r[cmt], CultureInfo.InvariantCulture);
            Assert.True(rates[c] == 0 || rates[c] == v, $"{scenario}: two rates into CMT {c}");
            rates[c] = v;
        }
        var text = new StringBuilder(string.Join(',', header.Where(h => h != "R2")) + ",R1,R2\n");
        int r2 = Array.IndexOf(header, "R2");
        int converted = 0;
        foreach (var r in rows)
        {
            if (double.Parse(r[rate], CultureInfo.InvariantCulture) > 0)
            {
                r[rate] = "-1";
                converted++;
            }
            text.Append(string.Join(',', r.Where((_, i) => i != r2))).Append(',').Append(Inv(rates[1] > 0 ? rates[1] : 1))
                .Append(',').Append(Inv(rates[2] > 0 ? rates[2] : 1)).Append('\n');
        }
        Assert.True(converted > 0);
        var subjects = DataSetReader.Parse(text.ToString());
        int records = 0;
        foreach (var subject in subjects)
        {
            int reference = subject.ColumnNames.IndexOf("CP_NONMEM");
            var prediction = DataSetSimulator.Simulate(DataSetModel.Advan(2), subject);
            for (int i = 0; i < subject.Records.Length; i++, records++)
            {
                double expected = subject.Records[i].Values[reference], error = Math.Abs(prediction.ConcentrationsNgPerMl[i] - expected);
                Assert.True(error <= 1e-6 || error <= 1e-4 * Math.Abs(expected),
                    string.Create(CultureInfo.InvariantCulture, $"{scenario} row {subject.Records[i].Row}: CP {prediction.ConcentrationsNgPerMl[i]:G8}, NONMEM {expected:G5}"));
            }
        }
        Assert.Equal(rows.Length, records);
        Assert.True(cp >= 0);
    }

    /// <summary>
    /// RATE -1 with Rn = AMT / duration on every record gives the predictions of RATE = AMT / duration, over random 2- and
    /// 3-compartment models, bioavailability, lag, additional doses and steady state (SS 0, 1, 2).
    /// </summary>
    [Fact]
    public void Simulate_RateFromRnEqualToAmtOverDuration_EqualsTheExplicitRate()
    {
        var cases = Gen.Choose(0, int.MaxValue).Select(seed => seed).ToArbitrary();
        Prop.ForAll(cases, seed =>
        {
            var rng = new Random(seed);
            double U(double lo, double hi) => lo + (hi - lo) * rng.NextDouble();
            bool three = rng.Next(2) == 1;
            var model = DataSetModel.Create(three ? "3cmt" : "2cmt").WithParameters(
                [new("CL", U(0.5, 10)), new("V", U(5, 50)), new("Q", U(0.5, 10)), new("V2", U(5, 100)),
                 .. three ? [new KeyValuePair<string, double>("Q3", U(0.1, 5)), new("V3", U(10, 200))] : Array.Empty<KeyValuePair<string, double>>(),
                 new("F1", U(0.3, 1)), new("ALAG1", rng.Next(2) == 0 ? 0 : U(0, 2))]);
            double amt = Math.Round(U(10, 500), 3), duration = Math.Round(U(0.25, 30), 3), ii = Math.Round(U(4, 24), 2);
            double rate = amt / duration;
            int ss = rng.Next(3), addl = rng.Next(4);
            string Make(string rateCell) =>
                $"ID,TIME,AMT,RATE,II,ADDL,SS,EVID,CMT,R1\n1,0,{Inv(amt)},{rateCell},{Inv(ii)},{addl},{ss},1,1,{Inv(rate)}\n" +
                string.Concat(Enumerable.Range(1, 40).Select(h => $"1,{Inv(h * 1.7)},0,0,0,0,0,0,1,{Inv(rate)}\n"));
            var modeled = DataSetSimulator.Simulate(model, DataSetReader.Parse(Make("-1")).Single());
            var explicitRate = DataSetSimulator.Simulate(model, DataSetReader.Parse(Make(Inv(rate))).Single());
            for (int i = 0; i < explicitRate.ConcentrationsNgPerMl.Length; i++)
            {
                double e = explicitRate.ConcentrationsNgPerMl[i], m = modeled.ConcentrationsNgPerMl[i];
                if (Math.Abs(e - m) > 1e-12 * Math.Max(1, Math.Abs(e))) return false;
            }
            return Math.Abs(explicitRate.AucNgHPerMl - modeled.AucNgHPerMl) <= 1e-12 * Math.Max(1, explicitRate.AucNgHPerMl);
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("ID,TIME,AMT,RATE,II,SS,EVID\n1,0,0,-1,0,0,1\n", "AMT", "RATE -1 with AMT 0 and SS 0 gives no dose")]
    [InlineData("ID,TIME,AMT,RATE,II,SS,EVID\n1,0,0,-2,0,1,1\n", "RATE", "RATE -2 (a modeled duration) means nothing without an amount")]
    [InlineData("ID,TIME,AMT,RATE,II,ADDL,SS,EVID\n1,0,0,-1,0,2,1,1\n", "ADDL", "takes no additional doses")]
    [InlineData("ID,TIME,AMT,RATE,II,SS,EVID\n1,0,0,-1,12,1,1\n", "AMT", "II 0")]
    public void Parse_BadModeledRateCombination_ThrowsNamingRowAndColumn(string csv, string column, string text)
    {
        var ex = Assert.Throws<DataSetFormatException>(() => DataSetReader.Parse(csv));
        Assert.Equal(2, ex.Row);
        Assert.Equal(column, ex.Column);
        Assert.Contains(text, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ID,TIME,AMT,RATE,II,SS,EVID\n1,0,0,-1,0,1,1\n", 2, "RATE", "R1, which must be > 0 and at most 1E+09 (mg/h), but none is given")]
    [InlineData("ID,TIME,AMT,RATE,II,SS,EVID,R1\n1,0,0,-1,0,1,1,-5\n", 2, "RATE", "got -5")]
    [InlineData("ID,TIME,AMT,RATE,EVID,R1\n1,0,100,-1,1,-5\n", 2, "RATE", "got -5")]
    [InlineData("ID,TIME,AMT,RATE,EVID,R1\n1,0,100,-1,1,2e9\n", 2, "RATE", "got 2E+09")]
    [InlineData("ID,TIME,AMT,RATE,EVID,R1\n1,0,100,-1,1,10\n1,2,0,0,0,0\n", 3, "R1", "with the R1 of the record that ends it (NONMEM's convention); R1 must be > 0")]
    [InlineData("ID,TIME,AMT,RATE,EVID,R1\n1,0,100,-1,1,10\n1,2,0,0,0,-3\n", 3, "R1", "got -3")]
    public void Simulate_BadRn_ThrowsNamingRowAndColumn(string csv, int row, string column, string text)
    {
        var model = DataSetModel.Create("1cmt").WithParameters([new("CL", 4), new("V", 30)]);
        var ex = Assert.Throws<DataSetFormatException>(() => DataSetSimulator.Simulate(model, DataSetReader.Parse(csv).Single()));
        Assert.Equal(row, ex.Row);
        Assert.Equal(column, ex.Column);
        Assert.Contains(text, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_RnZeroAfterTheInfusionUnderLocf_NamesTheRecordThatStartsTheStretch()
    {
        var model = DataSetModel.Create("1cmt").WithParameters([new("CL", 4), new("V", 30)]);
        var subject = DataSetReader.Parse("ID,TIME,AMT,RATE,EVID,R1\n1,0,100,-1,1,10\n1,2,0,0,0,0\n1,3,0,0,0,10\n").Single();
        var ex = Assert.Throws<DataSetFormatException>(() => DataSetSimulator.Simulate(model, subject, ParameterTiming.LastObservationCarriedForward));
        Assert.Equal(3, ex.Row);
        Assert.Contains("the record that starts it (LOCF)", ex.Message, StringComparison.Ordinal);
    }
}
