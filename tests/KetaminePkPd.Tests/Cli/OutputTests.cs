using System.Collections.Immutable;
using KetaminePkPd.Cli.Files;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Application.Reporting;

namespace KetaminePkPd.Tests.Cli;

/// <summary>Formatting and the atomic output file.</summary>
public sealed class OutputTests
{
    [Theory]
    [InlineData(240.3456, "240.3")]
    [InlineData(0.012234, "0.01223")]
    [InlineData(31250.4, "31250")]
    [InlineData(999.96, "1000")]
    [InlineData(0, "0")]
    [InlineData(0.0001234, "1.234E-4")]
    [InlineData(double.NaN, "n/a")]
    [InlineData(double.PositiveInfinity, "n/a")]
    public void Number_FourSignificantDigits_NeverNaN(double value, string expected) => Assert.Equal(expected, Formatting.Number(value));

    [Theory]
    [InlineData(0, "0 min")]
    [InlineData(1.0 / 6, "10 min")]
    [InlineData(1.5, "1.5 h")]
    [InlineData(24, "24 h")]
    [InlineData(84, "3.5 d")]
    public void Time_PicksTheReadableUnit(double hours, string expected) => Assert.Equal(expected, Formatting.Time(hours));

    [Fact]
    public void ReadableTimeIndices_FiveMinuteGridOver24h_GivesTheStandardTimes()
    {
        var times = SimulationOptions.Default.OutputTimesH().ToImmutableArray();

        var shown = Formatting.ReadableTimeIndices(times).Select(i => times[i] * 60).ToArray();

        Assert.Equal([0, 10, 20, 30, 40, 60, 90, 120, 180, 240, 360, 480, 720, 1440], shown, new ToleranceComparer(1e-9));
    }

    [Fact]
    public void ReadableTimeIndices_Until6h_StopsAtTheLastOutput()
    {
        var times = (SimulationOptions.Default with { Until = TimeSpan.FromHours(6) }).OutputTimesH().ToImmutableArray();

        var shown = Formatting.ReadableTimeIndices(times).Select(i => times[i]).ToArray();

        Assert.Equal(6.0, shown[^1], 9);
        Assert.Equal(11, shown.Length);
    }

    [Fact]
    public void ReadableTimeIndices_LongRun_StaysShort()
    {
        var times = (SimulationOptions.Default with { Until = TimeSpan.FromDays(365), OutputStep = TimeSpan.FromHours(1) }).OutputTimesH().ToImmutableArray();

        Assert.InRange(Formatting.ReadableTimeIndices(times).Count, 20, 70);
    }

    [Fact]
    public void AtomicFile_DisposedWithoutCommit_LeavesNothing()
    {
        using var dir = new TempDirectory();
        string path = dir.File("x.csv");

        using (var file = AtomicFile.Open(path, "--out"))
        {
            file.Stream.Write("partial"u8);
        }

        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void AtomicFile_Commit_ReplacesTheTargetAndRemovesTheTemporaryFile()
    {
        using var dir = new TempDirectory();
        string path = dir.File("x.csv");
        File.WriteAllText(path, "old");

        using (var file = AtomicFile.Open(path, "--out"))
        {
            Assert.Equal("old", File.ReadAllText(path));
            file.Stream.Write("new"u8);
            file.Commit();
        }

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void AtomicFile_MissingDirectory_ThrowsIOExceptionNamingTheDirectory()
    {
        using var dir = new TempDirectory();
        string missing = Path.Combine(dir.Path, "missing");

        var ex = Assert.ThrowsAny<IOException>(() => AtomicFile.Open(Path.Combine(missing, "x.csv"), "--out"));

        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
