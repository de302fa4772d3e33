using System.Collections.Immutable;
using KetaminePkPd.Application.Reporting;

namespace KetaminePkPd.Tests.Application.Reporting;

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
    public void WriteCsv_Writes15SignificantDigits_UpperCaseTruthValues_QuotesWhereNeeded_AndEmptyCells()
    {
        var table = new ResultTable("test", Columns, [[0.1 + 0.2, "ketamine, 0.5 mg/kg", true, 58, ResultValue.Empty], [1e-300, "placebo", false, 0, 2.5]]);
        string csv = table.ToCsv();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("time_h,arm,responder,n,metabolite_ng_per_ml", lines[0]);
        // 0.1 + 0.2 is 0.30000000000000004 as a double; at 15 significant digits (R's write.csv) it is 0.3.
        Assert.Equal("0.3,\"ketamine, 0.5 mg/kg\",TRUE,58,", lines[1]);
        Assert.Equal("1E-300,placebo,FALSE,0,2.5", lines[2]);
        Assert.Equal(15, table.SignificantDigits);
    }

    /// <summary>
    /// The truth-value spelling: R's read.csv (type.convert: "Vectors containing just F, T, FALSE, TRUE ... are converted to
    /// logical"; `true`/`false` stay character), readr (parse_logical and its guesser take TRUE/FALSE) and pandas (TRUE is
    /// among read_csv's default true values) all read TRUE/FALSE as logical. Checked by reading these files with R 4.2.2,
    /// readr 2.1.4 and pandas 1.5.3 (docs/outputs.md); here the text.
    /// </summary>
    [Fact]
    public void ToString_TruthValues_AreTheSpellingRAndPandasReadAsLogical()
    {
        Assert.Equal("TRUE", ResultValue.Of(true).ToString());
        Assert.Equal("FALSE", ResultValue.Of(false).ToString());
        Assert.Equal("TRUE", ResultValue.Of(true).ToString(3));
        string[] readAsLogicalByRReadCsv = ["T", "F", "TRUE", "FALSE"];
        Assert.Contains(ResultValue.Of(true).ToString(), readAsLogicalByRReadCsv);
        Assert.Contains(ResultValue.Of(false).ToString(), readAsLogicalByRReadCsv);
    }

    [Theory]
    [InlineData(0.1 + 0.2, 15, "0.3")]
    [InlineData(0.1 + 0.2, 17, "0.30000000000000004")]
    [InlineData(1.0 / 12, 15, "0.0833333333333333")]
    [InlineData(1.0 / 12, 10, "0.08333333333")]
    [InlineData(15.120000000000001, 15, "15.12")]
    [InlineData(16.090776930637077, 10, "16.09077693")]
    [InlineData(5.80333172904554E-12, 10, "5.803331729E-12")]
    [InlineData(-0.0, 15, "0")]
    [InlineData(-0.0, 17, "0")]
    [InlineData(123456789012.0, 10, "1.23456789E+11")]
    [InlineData(2.5, 1, "2")]
    [InlineData(-26.331338895451108, 15, "-26.3313388954511")]
    public void ToString_Number_HasAtMostTheSignificantDigitsInShortestForm(double value, int digits, string expected) =>
        Assert.Equal(expected, ResultValue.Of(value).ToString(digits));

    [Fact]
    public void ToString_Number_At15Digits_ReadsBackWithinHalfAUnitInThe15thDigit_At17Exactly()
    {
        var rng = new Random(17);
        for (int i = 0; i < 20_000; i++)
        {
            double v = (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-20, 20));
            double at15 = double.Parse(ResultValue.Of(v).ToString(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(at15 - v) <= 5e-15 * Math.Abs(v), $"{v:R} -> {at15:R}");
            Assert.Equal(v, double.Parse(ResultValue.Of(v).ToString(17), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(18)]
    [InlineData(-1)]
    public void SignificantDigits_OutsideOneTo17_IsRejectedNamingIt(int digits)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ResultTable("t", Columns, []) { SignificantDigits = digits });
        Assert.Equal("SignificantDigits", ex.ParamName);
        Assert.Contains($"got {digits}", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ResultValue.Of(1.0).ToString(digits));
    }

    [Fact]
    public void WriteCsv_WithSignificantDigits_AppliesThemToNumbersOnly()
    {
        var table = new ResultTable("test", Columns, [[1.0 / 3, "a", true, 123456789, 2.0 / 3]]) { SignificantDigits = 4 };
        var line = table.ToCsv().Split('\n')[1].TrimEnd('\r');
        Assert.Equal("0.3333,a,TRUE,123456789,0.6667", line);
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
