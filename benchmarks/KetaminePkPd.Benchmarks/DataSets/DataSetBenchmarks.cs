using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using KetaminePkPd.DataSets;

namespace KetaminePkPd.Benchmarks.DataSets;

/// <summary>
/// Records per second through the data-set path of <c>simulate --data</c>: parse the CSV (Sep), simulate every subject
/// (SimulateMany, parallel batches), write the prediction CSV (to a null writer). 1,000 subjects x 100 records: a
/// steady-state dose every 12 h (SS 1, ADDL 7) and 99 hourly observations, each subject with its own CL (advan4) or
/// weight (domino). Reported per record (OperationsPerInvoke = 100,000).
/// </summary>
[MemoryDiagnoser]
public class DataSetBenchmarks
{
    private const int Subjects = 1000;
    private const int RecordsPerSubject = 100;
    private string _csv = "";
    private DataSetModel _model = null!;
    private List<DataSetSubject> _parsed = [];

    /// <summary>advan4: 2-compartment oral (TRANS2-style CL from a column, the rest fixed); domino: the built-in racemic
    /// ketamine model (5 compartments with the norketamine proxy), weight from a column.</summary>
    [Params("advan4", "domino")]
    public string Model { get; set; } = "advan4";

    [GlobalSetup]
    public void Setup()
    {
        _model = Model == "advan4"
            ? DataSetModel.Advan(4).WithParameters([new("V", 20), new("Q", 2), new("V2", 40), new("KA", 1.5)])
            : DataSetModel.Create("domino");
        string covariate = Model == "advan4" ? "CL" : "WT";
        var text = new StringBuilder($"ID,TIME,AMT,II,ADDL,SS,EVID,CMT,{covariate}\n");
        var random = new Random(20261201);
        for (int id = 1; id <= Subjects; id++)
        {
            double value = Model == "advan4" ? 1 + 4 * random.NextDouble() : 50 + 50 * random.NextDouble();
            string v = value.ToString("R", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{id},0,25,12,7,1,1,1,{v}\n");
            for (int h = 1; h < RecordsPerSubject; h++) text.Append(CultureInfo.InvariantCulture, $"{id},{h},0,0,0,0,0,2,{v}\n");
        }
        _csv = text.ToString();
        if (Run() != Subjects * RecordsPerSubject) throw new InvalidOperationException("expected 100,000 records");
        _parsed = [.. DataSetReader.ReadSubjects(new StringReader(_csv), _model.CompartmentNames)];
    }

    /// <summary>The whole path of <c>simulate --data</c> (without the file system).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Subjects * RecordsPerSubject)]
    public long ParseSimulateWrite() => Run();

    /// <summary>Reading alone.</summary>
    [Benchmark(OperationsPerInvoke = Subjects * RecordsPerSubject)]
    public int Parse() => DataSetReader.ReadSubjects(new StringReader(_csv), _model.CompartmentNames).Sum(s => s.Records.Length);

    /// <summary>Simulation alone (parallel), from parsed subjects.</summary>
    [Benchmark(OperationsPerInvoke = Subjects * RecordsPerSubject)]
    public double Simulate() => DataSetSimulator.SimulateMany(_model, _parsed).Sum(p => p.CmaxNgPerMl);

    /// <summary>Simulation alone on one thread.</summary>
    [Benchmark(OperationsPerInvoke = Subjects * RecordsPerSubject)]
    public double SimulateOneThread() => DataSetSimulator.SimulateMany(_model, _parsed, maxDegreeOfParallelism: 1).Sum(p => p.CmaxNgPerMl);

    private long Run()
    {
        long records = 0;
        using var reader = new StringReader(_csv);
        DataSetWriter.WriteHeader(TextWriter.Null, _model);
        foreach (var p in DataSetSimulator.SimulateMany(_model, DataSetReader.ReadSubjects(reader, _model.CompartmentNames)))
        {
            DataSetWriter.WriteRows(TextWriter.Null, p);
            records += p.Subject.Records.Length;
        }
        return records;
    }
}
