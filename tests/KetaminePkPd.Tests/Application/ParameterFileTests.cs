using KetaminePkPd.Application;

namespace KetaminePkPd.Tests.Application;

/// <summary><see cref="ParameterFile.Read"/> on paths that are not a readable file: one-line messages naming the option and the path
/// (the path checks are <c>ErrorText.InputFile</c>'s, shared with <see cref="DesignChoice.Resolve"/>).</summary>
public sealed class ParameterFileTests
{
    [Fact]
    public void Read_MissingFile_NamesTheOptionAndTheFullPath()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ketamine-pkpd-{Guid.NewGuid():N}.json");
        var ex = Assert.Throws<FileNotFoundException>(() => ParameterFile.Read(path));
        Assert.Equal($"--parameters '{path}': file not found ({Path.GetFullPath(path)}).", ex.Message);
    }

    [Fact]
    public void Read_Directory_AsksForAJsonFile()
    {
        string dir = Path.GetTempPath();
        var ex = Assert.Throws<IOException>(() => ParameterFile.Read(dir, "parameters"));
        Assert.Equal($"parameters '{dir}' is a directory; give a .json file.", ex.Message);
    }

    [Fact]
    public void Read_PathWithANulCharacter_IsNotAValidPath()
    {
        var ex = Assert.Throws<ArgumentException>(() => ParameterFile.Read("a\0b.json"));
        Assert.StartsWith("--parameters 'a?b.json': not a valid file path (", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }
}
