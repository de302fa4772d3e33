using KetaminePkPd.Cli;

namespace KetaminePkPd.Tests.Cli;

public class InternalErrorTests
{
    /// <summary>A writer that fails the way a bug would: with an exception the commands do not expect.</summary>
    private sealed class BrokenWriter : StringWriter
    {
        public override void Write(char value) => throw new InvalidOperationException("broken pipe for the test");

        public override void Write(string? value) => throw new InvalidOperationException("broken pipe for the test");

        public override void WriteLine(string? value) => throw new InvalidOperationException("broken pipe for the test");
    }

    [Fact]
    public void Run_UnexpectedException_IsOneLineWithExitCode1AndNoStackTrace()
    {
        var stderr = new StringWriter();
        int code = CliApp.Run(["simulate", "--until", "1h"], new BrokenWriter(), stderr);
        Assert.Equal(1, code);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: internal error (InvalidOperationException: broken pipe for the test)", lines[0]);
        Assert.DoesNotContain("   at ", stderr.ToString());
    }
}
