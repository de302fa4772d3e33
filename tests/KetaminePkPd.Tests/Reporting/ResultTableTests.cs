using System.Collections.Immutable;
using KetaminePkPd.Reporting;

namespace KetaminePkPd.Tests.Reporting;

public sealed class ResultTableTests
{
    private static readonly ImmutableArray<ResultColumn> Columns =
    [
        new("time_h", "Time since the first dose, h."),
        new("arm", "The arm's name."),
        new("responder", "MADRS improvement of at least 50%."),
        new("n", "Patients."),
        new("metabolite_ng_per_ml", "Metabolite, ng/mL; empty without one."),
    ];

    [Fact]
    public void WriteCsv_WritesRoundTripNumbers_QuotesWhereNeeded_AndEmptyCells()
    {
        var table = new ResultTable("test", Columns, [[0.1 + 0.2, "ketamine, 0.5 mg/kg", true, 58, ResultValue.Empty], [1e-300, "placebo", false, 0, 2.5]]);
        string csv = table.ToCsv();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("time_h,arm,responder,n,metabolite_ng_per_ml", lines[0]);
        Assert.Equal("0.30000000000000004,\"ketamine, 0.5 mg/kg\",true,58,", lines[1]);
        Assert.Equal("1E-300,placebo,false,0,2.5", lines[2]);
        Assert.Equal(0.1 + 0.2, double.Parse(lines[1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void WriteCsv_WithANonFiniteNumber_WritesNothing(double bad)
    {
        var table = new ResultTable("replicate trial r", Columns, [[1.0, "a", true, 1, 2.0], [bad, "b", true, 1, 2.0]]);
        using var stream = new MemoryStream();
        var ex = Assert.Throws<NonFiniteResultException>(() => table.WriteCsv(stream));
        Assert.Equal(0, stream.Length);
        Assert.Contains("replicate trial r: time_h in row 2", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Time_h")]
    [InlineData("1time")]
    [InlineData("time-h")]
    [InlineData("")]
    public void Column_WithANameThatIsNotSnakeCase_IsRejected(string name) =>
        Assert.Throws<ArgumentException>(() => new ResultColumn(name, "x"));

    [Theory]
    [InlineData("Norketamine-peripheral", "norketamine_peripheral")]
    [InlineData("230 min", "230_min")]
    [InlineData(" Depot (nasal) ", "depot_nasal")]
    public void ToSnakeCase_FoldsRunsOfOtherCharacters(string text, string expected) => Assert.Equal(expected, ResultColumn.ToSnakeCase(text));

    [Fact]
    public void Table_WithDuplicateColumns_OrShortRows_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new ResultTable("t", [new("a", "x"), new("a", "y")], []));
        var ex = Assert.Throws<ArgumentException>(() => new ResultTable("t", [new("a", "x"), new("b", "y")], [[1.0]]));
        Assert.Contains("rows[0] must hold 2 values", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IndexOf_UnknownColumn_ListsTheColumns()
    {
        var table = new ResultTable("t", Columns, []);
        Assert.Equal(1, table.IndexOf("arm"));
        var ex = Assert.Throws<ArgumentException>(() => table.IndexOf("dose"));
        Assert.Contains("time_h, arm, responder", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_CompareByKindAndContent()
    {
        Assert.Equal(ResultValue.Of(2.0), (ResultValue)2.0);
        Assert.NotEqual(ResultValue.Of(2.0), ResultValue.Of(2L));
        Assert.Equal(ResultValue.Empty, ResultValue.Of((string?)null));
        Assert.Equal(ResultValueKind.Empty, ResultValue.Of((double?)null).Kind);
        Assert.Equal(2.0, ResultValue.Of(2L).Number);
        Assert.True(double.IsNaN(ResultValue.Of("x").Number));
    }
}
