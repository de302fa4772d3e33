using System.Collections.Immutable;
using System.Globalization;
using KetaminePkPd.DataSets;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Tests.DataSets;

/// <summary>The data-set engine against closed forms, the library's own simulator, and its documented semantics and errors.</summary>
public class DataSetSimulatorTests
{
    private static string Cases => Path.Combine(AppContext.BaseDirectory, "DataSets", "nmtests", "cases");

    private static DataSetSubject One(string csv) => DataSetReader.Parse(csv.Replace(' ', '\n')).Single();

    [Fact]
    public void Simulate_Advan1Bolus_MatchesClosedFormAndExactAuc()
    {
        var subject = One("ID,TIME,AMT,EVID 1,0,100,1 1,0.5,0,0 1,3,0,0 1,12,0,0");
        var model = DataSetModel.Create("1cmt").WithParameters([new("CL", 4), new("V", 30)]);
        var p = DataSetSimulator.Simulate(model, subject);
        double k = 4.0 / 30;
        for (int i = 0; i < subject.Records.Length; i++)
        {
            double expected = 1000 * 100 / 30.0 * Math.Exp(-k * subject.Records[i].TimeH);
            Assert.Equal(expected, p.ConcentrationsNgPerMl[i], expected * 1e-12);
        }
        double auc = 1000 * 100 / 4.0 * (1 - Math.Exp(-k * 12));
        Assert.Equal(auc, p.AucNgHPerMl, auc * 1e-12);
        Assert.Equal(0, p.TmaxH);
    }

    [Fact]
    public void Simulate_DominoInfusion_MatchesPkSimulator()
    {
        // 35 mg over 40 min (52.5 mg/h) into Domino's central compartment (CMT 1), 70 kg, observed hourly for 6 h.
        var csv = "ID,TIME,AMT,RATE,EVID,CMT,WT\n1,0,35,52.5,1,1,70\n" + string.Concat(Enumerable.Range(1, 6).Select(h => $"1,{h},0,0,0,1,70\n"));
        var subject = DataSetReader.Parse(csv).Single();
        var model = DataSetModel.Create("domino");
        var p = DataSetSimulator.Simulate(model, subject);
        var reference = PkSimulator.Simulate(PkParameterSet.Domino.CreateModel(Subject.TypicalAdult),
            DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligrams(35), TimeSpan.FromMinutes(40))),
            new SimulationOptions { Until = TimeSpan.FromHours(6), OutputStep = TimeSpan.FromHours(1) });
        Assert.True(model.MetaboliteCompartment > 0);
        for (int h = 1; h <= 6; h++)
        {
            Assert.Equal(reference.TimesH[h], subject.Records[h].TimeH);
            Assert.Equal(reference.ParentNgPerMl[h], p.ConcentrationsNgPerMl[h], reference.ParentNgPerMl[h] * 1e-9);
            Assert.Equal(reference.MetaboliteNgPerMl[h], p.MetaboliteNgPerMl[h], reference.MetaboliteNgPerMl[h] * 1e-9);
        }
    }

    [Fact]
    public void Simulate_Locf_EqualsNextRecordWithParametersMovedOneRecordLater()
    {
        var subject = DataSetReader.Parse(File.ReadAllText(Path.Combine(Cases, "time-varying-01.csv"))).Single();
        int cl = subject.ColumnNames.IndexOf("CL");
        var shifted = subject.Records.Select((r, i) => i == 0 ? r : new EventRecord(r.Id, r.TimeH, r.Kind, r.AmountMg, r.RateMgPerH, r.IntervalH,
            r.AdditionalDoses, r.SteadyState, r.Compartment, r.Values.AsImmutableArray().SetItem(cl, subject.Records[i - 1].Values[cl]), r.Row)).ToImmutableArray();
        var model = DataSetModel.Advan(2);
        var locf = DataSetSimulator.Simulate(model, subject, ParameterTiming.LastObservationCarriedForward);
        var moved = DataSetSimulator.Simulate(model, new DataSetSubject(subject.ColumnNames, shifted));
        var nonmem = DataSetSimulator.Simulate(model, subject);
        double largest = 0;
        for (int i = 0; i < shifted.Length; i++)
        {
            Assert.Equal(moved.ConcentrationsNgPerMl[i], locf.ConcentrationsNgPerMl[i], 1e-9 * Math.Max(1, moved.ConcentrationsNgPerMl[i]));
            if (nonmem.ConcentrationsNgPerMl[i] > 1) largest = Math.Max(largest, Math.Abs(locf.ConcentrationsNgPerMl[i] / nonmem.ConcentrationsNgPerMl[i] - 1));
        }
        Assert.InRange(largest, 1e-3, 0.1); // the two conventions differ visibly on this data set (README: about 4e-2)
    }

    [Fact]
    public void Simulate_ModeledRateAndDuration_EqualFixedRateWithNonmemBioavailability()
    {
        // F2 = 0.5: RATE 10 keeps 10 mg/h for 0.5 x 100 / 10 = 5 h; RATE -1 with R2 = 10 does the same; RATE -2 with D2 = 5
        // keeps 5 h and so gives 50 mg at 10 mg/h too.
        string Make(double rate) => $"ID,TIME,AMT,RATE,EVID,CMT,F2,R2,D2\n1,0,100,{rate.ToString(CultureInfo.InvariantCulture)},1,2,0.5,10,5\n" +
            string.Concat(Enumerable.Range(1, 12).Select(h => $"1,{h},0,0,0,2,0.5,10,5\n"));
        var model = DataSetModel.Advan(4).WithParameters([new("CL", 3), new("V", 20), new("Q", 2), new("V2", 40), new("KA", 1)]);
        var fixedRate = DataSetSimulator.Simulate(model, DataSetReader.Parse(Make(10)).Single());
        var modeledRate = DataSetSimulator.Simulate(model, DataSetReader.Parse(Make(-1)).Single());
        var modeledDuration = DataSetSimulator.Simulate(model, DataSetReader.Parse(Make(-2)).Single());
        for (int i = 0; i < 13; i++)
        {
            Assert.Equal(fixedRate.ConcentrationsNgPerMl[i], modeledRate.ConcentrationsNgPerMl[i], 1e-9 * Math.Max(1, fixedRate.ConcentrationsNgPerMl[i]));
            Assert.Equal(fixedRate.ConcentrationsNgPerMl[i], modeledDuration.ConcentrationsNgPerMl[i], 1e-9 * Math.Max(1, fixedRate.ConcentrationsNgPerMl[i]));
        }
        // Mass balance after the infusion ends at 5 h: the amounts in the body plus what CL removed equal F x AMT = 50 mg.
        double inBody = Enumerable.Range(1, 3).Sum(c => fixedRate.AmountMg(12, c));
        Assert.Equal(50, inBody + 3 * fixedRate.AucNgHPerMl / 1000, 1e-9);
    }

    [Fact]
    public void Simulate_ConstantInfusionSteadyState_IsRateOverClearanceInCentral()
    {
        var subject = One("ID,TIME,AMT,RATE,II,SS,EVID,CMT 1,0,0,10,0,1,1,1 1,0,0,0,0,0,0,1");
        var model = DataSetModel.Create("3cmt").WithParameters([new("CL", 2.5), new("V", 10), new("Q", 3), new("V2", 30), new("Q3", 1), new("V3", 80)]);
        var p = DataSetSimulator.Simulate(model, subject);
        Assert.Equal(1000 * 10 / 2.5, p.ConcentrationsNgPerMl[1], 1e-9);
        Assert.Equal(10.0 / 2.5 * 80, p.AmountMg(1, 3), 1e-9); // each peripheral at the central concentration
    }

    [Fact]
    public void Simulate_CompartmentByName_EqualsByNumber()
    {
        var model = DataSetModel.Advan(2).WithParameters([new("CL", 1.1), new("V", 20), new("KA", 1.5)]);
        var byName = DataSetReader.Parse("ID,TIME,AMT,CMT\n1,0,100,depot\n1,2,0,central\n", model.CompartmentNames).Single();
        var byNumber = DataSetReader.Parse("ID,TIME,AMT,CMT\n1,0,100,1\n1,2,0,2\n").Single();
        Assert.Equal(DataSetSimulator.Simulate(model, byNumber).ConcentrationsNgPerMl[1], DataSetSimulator.Simulate(model, byName).ConcentrationsNgPerMl[1]);
    }

    [Fact]
    public void SimulateMany_Parallel_IsBitIdenticalToSerialAndInOrder()
    {
        var csv = "ID,TIME,AMT,II,ADDL,EVID,CMT,CL\n" + string.Concat(Enumerable.Range(1, 300).Select(id =>
            $"{id},0,{id},12,3,1,1,{1 + id % 7}\n" + string.Concat(Enumerable.Range(1, 10).Select(h => $"{id},{h * 5},0,0,0,0,2,{1 + id % 7}\n"))));
        var model = DataSetModel.Advan(2).WithParameters([new("V", 20), new("KA", 1.5)]);
        var serial = DataSetSimulator.SimulateMany(model, DataSetReader.Parse(csv), maxDegreeOfParallelism: 1, batchSize: 7).ToList();
        var parallel = DataSetSimulator.SimulateMany(model, DataSetReader.Parse(csv), maxDegreeOfParallelism: -1, batchSize: 64).ToList();
        Assert.Equal(300, parallel.Count);
        for (int i = 0; i < 300; i++)
        {
            Assert.Equal((i + 1).ToString(CultureInfo.InvariantCulture), parallel[i].Subject.Id);
            for (int j = 0; j < 11; j++)
                Assert.True(serial[i].ConcentrationsNgPerMl[j] == parallel[i].ConcentrationsNgPerMl[j], $"id {i + 1} record {j}: {serial[i].ConcentrationsNgPerMl[j]:R} {parallel[i].ConcentrationsNgPerMl[j]:R}");
            Assert.Equal(serial[i].AucNgHPerMl, parallel[i].AucNgHPerMl);
        }
    }

    [Theory]
    [InlineData("ID,TIME,AMT,EVID\n1,0,100,1\n1,2,0,0\n1,1,0,0\n", 4, "TIME", "go back")]
    [InlineData("ID,TIME,AMT,EVID,SS,II\n1,0,100,1,1,0\n", 2, "II", "SS 1 needs II > 0")]
    [InlineData("ID,TIME,AMT,EVID\n1,0,0,4\n", 2, "AMT", "EVID 4")]
    [InlineData("ID,TIME,AMT,EVID\n1,0,abc,1\n", 2, "AMT", "'abc' is not a number")]
    [InlineData("ID,TIME,AMT,EVID,CMT\n1,0,100,1,gut\n", 2, "CMT", "unknown compartment 'gut'")]
    [InlineData("ID,TIME,AMT,EVID,ADDL\n1,0,100,1,1.5\n", 2, "ADDL", "not a whole number")]
    [InlineData("ID,TIME,AMT,RATE,EVID\n1,0,100,-3,1\n", 2, "RATE", "-2 (duration")]
    [InlineData("ID,TIME,AMT,EVID\n1,0,100,1\n1,2,0\n", 3, "(columns)", "the row has 3 cells; the header has 4 columns")]
    public void Parse_BadRow_ThrowsNamingRowAndColumn(string csv, int row, string column, string text)
    {
        var ex = Assert.Throws<DataSetFormatException>(() => DataSetReader.Parse(csv, ["depot", "central"]));
        Assert.Equal(row, ex.Row);
        Assert.Equal(column, ex.Column);
        Assert.Contains(text, ex.Message);
        Assert.StartsWith($"data set row {row}, column {column}: ", ex.Message);
    }

    [Theory]
    [InlineData("ID,TIME,AMT,RATE,EVID,CMT\n1,0,100,-1,1,2\n", 2, "RATE", "R2")]
    [InlineData("ID,TIME,AMT,RATE,EVID,CMT\n1,0,100,-2,1,2\n", 2, "RATE", "D2")]
    [InlineData("ID,TIME,AMT,EVID,CMT\n1,0,100,1,3\n", 2, "CMT", "unknown compartment 3")]
    [InlineData("ID,TIME,AMT,EVID,CL\n1,0,100,1,1\n1,1,0,0,0\n", 3, "CL", "CL must be finite and > 0, got 0")]
    [InlineData("ID,TIME,AMT,EVID,CMT,F2\n1,0,100,1,2,-1\n", 2, "F2", "bioavailability")]
    public void Simulate_RecordTheModelCannotTake_ThrowsNamingRowAndColumn(string csv, int row, string column, string text)
    {
        var model = DataSetModel.Advan(2).WithParameters([new("CL", 1.1), new("V", 20), new("KA", 1.5)]);
        var ex = Assert.Throws<DataSetFormatException>(() => DataSetSimulator.Simulate(model, DataSetReader.Parse(csv).Single()));
        Assert.Equal(row, ex.Row);
        Assert.Equal(column, ex.Column);
        Assert.Contains(text, ex.Message);
    }

    [Fact]
    public void Simulate_ParameterWithoutValue_ThrowsNamingIt()
    {
        var ex = Assert.Throws<DataSetFormatException>(() => DataSetSimulator.Simulate(DataSetModel.Advan(3), One("ID,TIME,AMT 1,0,100")));
        Assert.Equal("CL", ex.Column);
        Assert.Contains("add a CL column", ex.Message);
    }

    [Fact]
    public void FromJson_ModelFile_FixesParametersAndAliases()
    {
        var model = DataSetModel.FromJson("""{"model": "2cmt-oral", "parameters": {"CL": 3, "V1": 20, "Q2": 2, "V2": 40, "KA": 1, "F1": 0.7, "ALAG1": 0.25}}""");
        Assert.Equal("advan4", model.Name);
        Assert.Equal(1, model.DefaultDoseCompartment);
        Assert.Equal(2, model.CentralCompartment);
        Assert.Equal(20, model.FixedParameters["V"]);
        Assert.Equal(2, model.FixedParameters["Q"]);
        Assert.Equal(0.7, model.FixedParameters["F1"]);
    }

    [Theory]
    [InlineData("""{"parameters": {}}""", "\"model\" is required")]
    [InlineData("""{"model": "advan7"}""", "Unknown data-set model 'advan7'")]
    [InlineData("""{"model": "advan1", "parameters": {"KA": 1}}""", "has no parameter 'KA'")]
    [InlineData("""{"model": "advan1", "parameters": {"F2": 1}}""", "has no parameter 'F2'")]
    [InlineData("""{"model": "advan1", "parameters": {"CL": "x"}}""", "must be a number")]
    [InlineData("""{"model": "advan1", "tlag": 1}""", "unknown member \"tlag\"")]
    [InlineData("""{"model": """, "not valid JSON")]
    public void FromJson_BadFile_ThrowsFormatExceptionNamingTheProblem(string json, string text)
    {
        var ex = Assert.Throws<FormatException>(() => DataSetModel.FromJson(json));
        Assert.Contains(text, ex.Message);
    }

    [Fact]
    public void WriteDataSet_ThenParse_RoundTripsEveryNmtestsRecord()
    {
        foreach (var file in Directory.GetFiles(Cases, "*.csv"))
        {
            var subjects = DataSetReader.Parse(File.ReadAllText(file));
            var text = new StringWriter(CultureInfo.InvariantCulture);
            DataSetWriter.WriteDataSet(text, subjects);
            var back = DataSetReader.Parse(text.ToString());
            Assert.Equal(subjects.Length, back.Length);
            for (int s = 0; s < subjects.Length; s++)
            {
                Assert.Equal(subjects[s].ColumnNames.ToArray(), back[s].ColumnNames.ToArray());
                for (int i = 0; i < subjects[s].Records.Length; i++)
                {
                    var (a, b) = (subjects[s].Records[i], back[s].Records[i]);
                    Assert.Equal((a.Id, a.TimeH, a.Kind, a.AmountMg, a.RateMgPerH, a.IntervalH, a.AdditionalDoses, a.SteadyState, a.Compartment),
                        (b.Id, b.TimeH, b.Kind, b.AmountMg, b.RateMgPerH, b.IntervalH, b.AdditionalDoses, b.SteadyState, b.Compartment));
                    Assert.Equal(a.Values.ToArray(), b.Values.ToArray());
                }
            }
        }
    }

    [Theory]
    [InlineData(ParameterTiming.NextRecord)]
    [InlineData(ParameterTiming.LastObservationCarriedForward)]
    public void WithOutputTimes_AddsEvid2Rows_AndLeavesTheRecordsPredictionsUnchanged(ParameterTiming timing)
    {
        var subject = DataSetReader.Parse(File.ReadAllText(Path.Combine(Cases, "time-varying-01.csv"))).Single();
        var model = DataSetModel.Advan(2);
        var extra = subject.WithOutputTimes(Enumerable.Range(0, 300).Select(k => k * 0.5 - 3), timing);
        var plain = DataSetSimulator.Simulate(model, subject, timing);
        var dense = DataSetSimulator.Simulate(model, extra, timing);
        Assert.Equal(subject.Records.Length + 300 - 33, extra.Records.Length); // 33 of the times are already observation times
        int j = 0;
        for (int i = 0; i < extra.Records.Length; i++)
        {
            if (extra.Records[i].Row == 0)
            {
                Assert.Equal(EventKind.Other, extra.Records[i].Kind);
                continue;
            }
            Assert.Same(subject.Records[j], extra.Records[i]);
            Assert.Equal(plain.ConcentrationsNgPerMl[j], dense.ConcentrationsNgPerMl[i], 1e-9 * Math.Max(1, plain.ConcentrationsNgPerMl[j]));
            j++;
        }
        Assert.Equal(subject.Records.Length, j);
    }

    [Fact]
    public void Parse_HashHeaderAndCommentRows_AsNonmemIgnores()
    {
        var subject = DataSetReader.Parse("#ID,TIME,AMT,EVID\n1,0,100,1\n# a comment row\n#1,1,0,0\n1,2,0,0\n").Single();
        Assert.Equal([0.0, 2.0], subject.Records.Select(r => r.TimeH));
        Assert.Equal(5, subject.Records[1].Row);
    }
}
