using KetaminePkPd.Application;
using System.Text.Json;
using KetaminePkPd.DataSets;

namespace KetaminePkPd.Tests.DataSets;

/// <summary><see cref="DataSetRun"/>: the rules of <c>simulate --data</c> in the library.</summary>
public sealed class DataSetRunTests
{
    private const string Events = "ID,TIME,AMT,EVID,CMT,CL,V\n1,0,100,1,1,5,20\n1,1,0,0,1,5,20\n1,4,0,0,1,5,20\n2,0,50,1,1,5,20\n2,2,0,0,1,5,20\n";

    [Theory]
    [InlineData(null, ParameterTiming.NextRecord)]
    [InlineData("nonmem", ParameterTiming.NextRecord)]
    [InlineData(" NEXT-record ", ParameterTiming.NextRecord)]
    [InlineData("locf", ParameterTiming.LastObservationCarriedForward)]
    public void ParseTiming_KnownWords_RoundTripThroughToken(string? text, ParameterTiming expected)
    {
        var timing = DataSetRun.ParseTiming(text);
        Assert.Equal(expected, timing);
        Assert.Equal(timing, DataSetRun.ParseTiming(DataSetRun.Token(timing)));
    }

    [Fact]
    public void ParseTiming_OtherWord_ThrowsNamingTheInput()
    {
        var ex = Assert.Throws<ArgumentException>(() => DataSetRun.ParseTiming("sometimes", "--parameter-timing"));
        Assert.Equal("--parameter-timing must be nonmem or locf, got 'sometimes'.", ex.Message);
    }

    [Fact]
    public void ResolveModel_NullIsDomino_MissingJsonFileThrows()
    {
        Assert.Equal(DataSetModel.Create("domino").Name, DataSetRun.ResolveModel(null).Name);
        var ex = Assert.Throws<FileNotFoundException>(() => DataSetRun.ResolveModel("no-such-model.json", "--model"));
        Assert.StartsWith("--model: model file 'no-such-model.json' not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_StreamsOneRowPerRecordAndAJsonSummaryPerSubject()
    {
        using var rows = new StringWriter();
        using var json = new StringWriter();

        var (subjects, records) = DataSetRun.Write(new StringReader(Events), DataSetModel.Create("advan1"), ParameterTiming.NextRecord, null, rows, json, "events.csv", "out.csv");

        Assert.Equal((2L, 5L), (subjects, records));
        var lines = rows.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        Assert.StartsWith("ID,TIME,EVID,CMT,CP", lines[0], StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json.ToString());
        Assert.Equal("events.csv", doc.RootElement.GetProperty("data").GetString());
        Assert.Equal("nonmem", doc.RootElement.GetProperty("parameterTiming").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("subjectCount").GetInt32());
        var first = doc.RootElement.GetProperty("subjects")[0];
        Assert.Equal(["id", "records", "cmaxNgPerMl", "tmaxH", "aucNgHPerMl"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, first.GetProperty("records").GetInt32());
        Assert.True(first.GetProperty("cmaxNgPerMl").GetDouble() > 0);
    }

    [Fact]
    public void Write_WithAStep_AddsGridRows()
    {
        using var rows = new StringWriter();
        var (_, records) = DataSetRun.Write(new StringReader(Events), DataSetModel.Create("advan1"), ParameterTiming.NextRecord, 0.5, rows, null, "events.csv");
        // Subject 1: 0.5 to 4 h every 0.5 h is 8 times, 2 of them (1 h, 4 h) already records; subject 2: 4 times, 1 (2 h) a record.
        Assert.Equal(5 + 6 + 3, records);
        Assert.Equal(1 + 14, rows.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Write_NoRecords_Throws()
    {
        var ex = Assert.Throws<FormatException>(() => DataSetRun.Write(new StringReader("ID,TIME,AMT,EVID,CMT,CL,V\n"), DataSetModel.Create("advan1"),
            ParameterTiming.NextRecord, null, null, null, "empty.csv"));
        Assert.Contains("empty.csv", ex.Message, StringComparison.Ordinal);
    }
}
