using KetaminePkPd.DataSets;

namespace KetaminePkPd.Tests.DataSets;

/// <summary>
/// Whitespace-separated data sets, as NONMEM users write them (columns aligned with runs of spaces or tabs), read exactly as
/// the same data separated by commas (issue 17): every NONMEM reference case, re-aligned with blanks, gives the same records.
/// </summary>
public sealed class WhitespaceSeparatedTests
{
    private static string Cases => Path.Combine(AppContext.BaseDirectory, "DataSets", "nmtests", "cases");

    /// <summary>The CSV with its columns aligned by spaces (and a tab here and there), as a NONMEM data file might be.</summary>
    private static string Aligned(string csv) =>
        string.Join('\n', csv.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select((line, i) => line.Length == 0 ? line : "  " + string.Join(i % 3 == 2 ? "\t " : "   ", line.Split(',').Select(c => c.PadLeft(8)))));

    [Fact]
    public void ReadSubjects_EveryReferenceCaseAlignedWithBlanks_GivesTheSameRecords()
    {
        var files = Directory.GetFiles(Cases, "*.csv");
        Assert.True(files.Length >= 30);
        foreach (var file in files)
        {
            string csv = File.ReadAllText(file);
            Assert.DoesNotMatch(",,|,$", csv);
            var expected = DataSetReader.Parse(csv);
            var actual = DataSetReader.Parse(Aligned(csv));
            Assert.Equal(expected.Length, actual.Length);
            for (int s = 0; s < expected.Length; s++)
            {
                Assert.Equal(expected[s].ColumnNames.ToArray(), actual[s].ColumnNames.ToArray());
                Assert.Equal(expected[s].Records.ToArray(), actual[s].Records.ToArray());
            }
        }
    }

    [Theory]
    [InlineData("ID TIME AMT EVID\n1 0 100 1\n1 2 . 0\n")]
    [InlineData("#ID\tTIME  AMT\tEVID\n 1\t0   100   1\n\n   \n# a comment record\n 1\t2   .     0\n")]
    [InlineData("# ID  TIME  AMT  EVID\r\n  1   0.0  100.0  1\r\n  1   2.0    0.0  0\r\n")]
    public void ReadSubjects_BlankSeparated_ReadsAsCommaSeparated(string text)
    {
        var subject = Assert.Single(DataSetReader.Parse(text));
        Assert.Equal(2, subject.Records.Length);
        Assert.Equal(100, subject.Records[0].AmountMg);
        Assert.Equal(2, subject.Records[1].TimeH);
    }

    [Fact]
    public void ReadSubjects_BlankSeparatedRowWithACellMissing_NamesTheRow()
    {
        var ex = Assert.Throws<DataSetFormatException>(() => DataSetReader.Parse("ID TIME AMT EVID\n1 0 100\n"));
        Assert.Equal("data set row 2, column (columns): the row has 3 cells; the header has 4 columns.", ex.Message);
    }

    [Fact]
    public void ReadSubjects_CommaHeaderWithSpaces_StaysCommaSeparated()
    {
        var subject = Assert.Single(DataSetReader.Parse("ID, TIME, AMT, EVID\n1, 0, 100, 1\n"));
        Assert.Equal(100, subject.Records[0].AmountMg);
        Assert.Equal("1", subject.Records[0].Id);
    }
}
