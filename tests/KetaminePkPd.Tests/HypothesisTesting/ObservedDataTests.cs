using KetaminePkPd.Statistics;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Tests.HypothesisTesting;

/// <summary><see cref="ObservedCorrelation.Read"/>: the long layout and the wide one <c>trial --out</c> writes, and the messages of bad files.</summary>
public sealed class ObservedDataTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ketamine-pkpd-observed-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string content)
    {
        string path = Path.Combine(_dir, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }

    private static readonly double[] Cadss = [2, 5, 9, 14, 20, 25];
    private static readonly double[] At1d = [-10, -25, -30, -41, -52, -48];
    private static readonly double[] At7d = [5, -12, -20, -15, -38, -45];

    [Fact]
    public void Read_WideLayout_GivesOneCorrelationPerPctChangeColumn()
    {
        var lines = new List<string> { "index,arm,cadss,score_madrs_1d,pct_change_madrs_1d,pct_change_madrs_7d" };
        for (int i = 0; i < Cadss.Length; i++) lines.Add(FormattableString.Invariant($"{i},a,{Cadss[i]},20,{At1d[i]},{At7d[i]}"));
        lines.Add("6,a,NA,20,-3,-4");
        string path = Write(string.Join('\n', lines));

        var both = ObservedCorrelation.Read(path);
        var only7d = Assert.Single(ObservedCorrelation.Read(path, TimeSpan.FromDays(7)));

        Assert.Equal([TimeSpan.FromDays(1), TimeSpan.FromDays(7)], both.Select(o => o.Time));
        Assert.Equal(Correlation.Pearson(Cadss, At1d).R, both[0].R, 12);
        Assert.Equal(Correlation.Pearson(Cadss, At7d).R, both[1].R, 12);
        Assert.Equal(6, both[0].N);
        Assert.Equal((both[1].Time, both[1].R, both[1].N), (only7d.Time, only7d.R, only7d.N));
        Assert.Contains("missing values skipped", both[0].Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LongLayoutWithoutTime_UsesTheGivenTime()
    {
        string path = Write("CADSS,Pct_Change\n" + string.Join('\n', Cadss.Select((c, i) => FormattableString.Invariant($"{c},{At1d[i]}"))));

        var observed = Assert.Single(ObservedCorrelation.Read(path, TimeSpan.FromDays(1)));

        Assert.Equal(Correlation.Pearson(Cadss, At1d).R, observed.R, 12);
        Assert.Contains("has no time column", Assert.Throws<ArgumentException>(() => ObservedCorrelation.Read(path)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cadss,score_1d\n1,2\n", "must name the columns cadss and pct_change")]
    [InlineData("cadss,pct_change_madrs_later\n1,2\n", "column 2: 'pct_change_madrs_later' does not end in a time")]
    [InlineData("cadss,pct_change_1d\n1,-2\n2,-3\nx,-4\n", "line 4, column cadss: 'x' is not a number")]
    [InlineData("cadss,pct_change_1d\n1,-2\n2,-3\n", "at least 4 patients")]
    public void Read_BadFile_NamesWhere(string content, string expected)
    {
        string path = Write(content);

        var ex = Assert.Throws<ArgumentException>(() => ObservedCorrelation.Read(path, name: "--observed"));

        Assert.StartsWith($"--observed '{path}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WideLayoutWithoutTheAskedTime_ListsTheTimesItHas()
    {
        string path = Write("cadss,pct_change_hdrs17_230min,pct_change_hdrs17_7d\n1,-2,-3\n");

        var ex = Assert.Throws<ArgumentException>(() => ObservedCorrelation.Read(path, TimeSpan.FromDays(1)));

        Assert.EndsWith("no pct_change column at 1d; the file has 230min, 7d.", ex.Message, StringComparison.Ordinal);
        Assert.Throws<FileNotFoundException>(() => ObservedCorrelation.Read(Path.Combine(_dir, "none.csv")));
        Assert.Contains("is a directory", Assert.Throws<IOException>(() => ObservedCorrelation.Read(_dir)).Message, StringComparison.Ordinal);
    }
}
