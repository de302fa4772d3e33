using KetaminePkPd.Application;
using KetaminePkPd.DataSets;

namespace KetaminePkPd.Tests.DataSets;

/// <summary>
/// Data sets and model files are read with a bound (issue 17, class 3): a runaway row, binary content or a huge model
/// file is a <see cref="FormatException"/> naming the row or the file, before memory grows.
/// </summary>
public sealed class BoundedInputTests
{
    private const string Header = "ID,TIME,AMT,EVID\n";

    [Fact]
    public void ReadSubjects_RowOfMaxRowChars_IsRead_OneMoreCharacterIsRefusedNamingTheRow()
    {
        string padding(int total) => new('0', total - "1,".Length - ",100,1".Length);
        string longest = "1," + padding(DataSetReader.MaxRowChars) + ",100,1";
        Assert.Equal(DataSetReader.MaxRowChars, longest.Length);
        var subject = Assert.Single(DataSetReader.Parse(Header + longest + "\n"));
        Assert.Equal(0, subject.Records[0].TimeH);

        var ex = Assert.Throws<DataSetFormatException>(() => DataSetReader.Parse(Header + "1," + padding(DataSetReader.MaxRowChars + 1) + ",100,1\n"));
        Assert.Equal(2, ex.Row);
        Assert.StartsWith("data set row 2: the row is longer than 1,048,576 characters", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSubjects_EndlessZeros_AreRefusedAtTheFirstCharacter()
    {
        using var zeros = new StreamReader(new EndlessZeros());
        var ex = Assert.Throws<DataSetFormatException>(() => DataSetReader.ReadSubjects(zeros).ToList());
        Assert.Equal("data set row 1: control character 0x00 at character 1; a data set is text (comma-, semicolon- or tab-separated).", ex.Message);
    }

    [Theory]
    [InlineData("1,0,100\u00011,1", 2, 8)]
    [InlineData("1,0,100,1\n\u001b[31m1,1,0,0", 3, 1)]
    public void ReadSubjects_ControlCharacter_IsRefusedNamingRowAndPosition(string rows, int row, int at)
    {
        var ex = Assert.Throws<DataSetFormatException>(() => DataSetReader.Parse(Header + rows + "\n"));
        Assert.Equal(row, ex.Row);
        Assert.Contains($"at character {at};", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ex.Message, char.IsControl);
    }

    [Fact]
    public void ReadSubjects_TabsAndCrLf_AreText()
    {
        var subjects = DataSetReader.Parse("ID\tTIME\tAMT\tEVID\r\n1\t0\t100\t1\r\n1\t2\t0\t0\r\n");
        Assert.Equal(2, Assert.Single(subjects).Records.Length);
    }

    [Fact]
    public void ResolveModel_FileOverTheLimit_IsRefusedNamingIt_AndADirectoryToo()
    {
        using var dir = new KetaminePkPd.Tests.Cli.TempDirectory();
        string big = dir.File("big.json");
        File.WriteAllText(big, "{\"model\": \"advan1\", \"description\": \"" + new string('x', DataSetModel.MaxFileBytes) + "\"}");
        var ex = Assert.Throws<FormatException>(() => DataSetRun.ResolveModel(big, "--model"));
        Assert.Equal($"--model '{big}': the model file is larger than the limit of 1 MB (a model file is a few lines of JSON).", ex.Message);

        var directory = Assert.Throws<IOException>(() => DataSetRun.ResolveModel(dir.Path, "--model"));
        Assert.Equal($"--model '{dir.Path}' is a directory; give a model name or a model file (.json).", directory.Message);
    }

    [Fact]
    public void FromJson_TextOverTheLimit_IsRefused() =>
        Assert.Contains("longer than the limit of 1 MB", Assert.Throws<FormatException>(() => DataSetModel.FromJson(new string(' ', DataSetModel.MaxFileBytes + 1))).Message, StringComparison.Ordinal);

    /// <summary>What /dev/zero gives: zero bytes without end.</summary>
    private sealed class EndlessZeros : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
