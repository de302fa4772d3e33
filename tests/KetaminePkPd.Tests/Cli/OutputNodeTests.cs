using System.Diagnostics;
using System.Net.Sockets;
using KetaminePkPd.Cli.Files;
using KetaminePkPd.Cli.Commands;

namespace KetaminePkPd.Tests.Cli;

/// <summary>
/// Outputs that are not plain files (issue 17, class 2): a character device or FIFO is written as a stream and never
/// replaced; a symbolic link is kept and the file it points to written; a socket is refused; this run's own standard
/// output as a file is refused; a failed write names what failed. Linux only (devices, FIFOs, /proc).
/// </summary>
public sealed class OutputNodeTests
{
    private static readonly string[] Simulate = ["simulate", "--until", "1h", "--step", "30min"];

    private static string ReferenceCsv()
    {
        using var dir = new TempDirectory();
        var run = CliRunner.Run([.. Simulate, "--out", dir.File("ref.csv")]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return File.ReadAllText(dir.File("ref.csv"));
    }

    [Fact]
    public void Out_DevNull_IsWrittenAsAStreamAndStaysADevice()
    {
        if (!OperatingSystem.IsLinux()) return;
        var run = CliRunner.Run([.. Simulate, "--out", "/dev/null"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(FileKind.Device, FileIdentity.Of("/dev/null").Kind);
    }

    [Fact]
    public void Out_SymlinkToDevNull_KeepsTheLinkAndTheDevice()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDirectory();
        var link = dir.File("null.csv");
        File.CreateSymbolicLink(link, "/dev/null");
        var run = CliRunner.Run([.. Simulate, "--out", link]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("/dev/null", new FileInfo(link).LinkTarget);
        Assert.Equal([link], Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Out_SymlinkToAFile_WritesTheFileAndKeepsTheLink()
    {
        using var dir = new TempDirectory();
        var target = dir.File("target.csv");
        var link = dir.File("link.csv");
        File.WriteAllText(target, "old");
        File.CreateSymbolicLink(link, "target.csv");
        var run = CliRunner.Run([.. Simulate, "--out", link]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("target.csv", new FileInfo(link).LinkTarget);
        Assert.Equal(ReferenceCsv(), File.ReadAllText(target));
        Assert.Equal(2, Directory.GetFileSystemEntries(dir.Path).Length);
    }

    [Fact]
    public void Out_DanglingSymlink_CreatesTheFileItPointsTo()
    {
        using var dir = new TempDirectory();
        var link = dir.File("link.csv");
        File.CreateSymbolicLink(link, "new.csv");
        var run = CliRunner.Run([.. Simulate, "--out", link]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("new.csv", new FileInfo(link).LinkTarget);
        Assert.Equal(ReferenceCsv(), File.ReadAllText(dir.File("new.csv")));
    }

    [Fact]
    public async Task Out_Fifo_StreamsTheCsvToItsReaderAndStaysAFifo()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDirectory();
        var fifo = dir.File("pipe.csv");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        var reader = Task.Run(() => File.ReadAllText(fifo));
        var run = CliRunner.Run([.. Simulate, "--out", fifo]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(ReferenceCsv(), await reader.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(FileKind.Fifo, FileIdentity.Of(fifo).Kind);
    }

    [Fact]
    public void SameDeviceInAndOut_IsAllowed_SameFifoIsRefused()
    {
        if (!OperatingSystem.IsLinux()) return;
        // A terminal or /dev/null read and written (--data /dev/stdin --out /dev/stdout at a terminal) loses nothing.
        KetaminePkPd.Cli.Output.OutputFiles.CheckNotAnInput("/dev/null", "--out", [("/dev/null", "--data")]);
        using var dir = new TempDirectory();
        var fifo = dir.File("pipe");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        var ex = Assert.Throws<ArgumentException>(() => KetaminePkPd.Cli.Output.OutputFiles.CheckNotAnInput(fifo, "--out", [(fifo, "--data")]));
        Assert.StartsWith($"--out '{fifo}' is the input file of --data", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_Socket_IsRefusedInOneLineAndKept()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDirectory();
        var path = dir.File("s.csv");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        var run = CliRunner.Run([.. Simulate, "--out", path]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--out '{path}' is neither a regular file nor a character device or FIFO", Assert.Single(run.StderrLines), StringComparison.Ordinal);
        Assert.Equal(FileKind.Other, FileIdentity.Of(path).Kind);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Out_DevFull_NamesTheOptionInOneLine()
    {
        if (!OperatingSystem.IsLinux()) return;
        var run = CliRunner.Run([.. Simulate, "--out", "/dev/full"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --out '/dev/full': cannot write it (No space left on device).", Assert.Single(run.StderrLines));
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void OutProcSelfFd1_IsStreamedIntoAPipeAndRefusedWhenStdoutIsAFile()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDirectory();
        var piped = Shell($"{Tool} simulate --until 1h --step 30min --out /proc/self/fd/1 --json | cat");
        Assert.True(piped.ExitCode == 0, piped.Stderr);
        Assert.StartsWith(ReferenceCsv(), piped.Stdout, StringComparison.Ordinal);

        var toFile = Shell($"{Tool} simulate --until 1h --out /proc/self/fd/1 > '{dir.File("stdout.txt")}'");
        Assert.Equal(2, toFile.ExitCode);
        Assert.Equal("error: --out '/proc/self/fd/1' is the file this run's standard output or error goes to; give the output a file of its own.", toFile.Stderr.Trim());
        Assert.Equal("", File.ReadAllText(dir.File("stdout.txt")));
    }

    [Fact]
    public void Stdout_DevFull_SaysThatStandardOutputFailed()
    {
        if (!OperatingSystem.IsLinux()) return;
        foreach (var command in new[] { "simulate --until 1h", "simulate --until 1h --json", "--help" })
        {
            var run = Shell($"{Tool} {command} > /dev/full");
            Assert.True(run.ExitCode == 2, $"{command}: exit {run.ExitCode}; {run.Stderr}");
            Assert.Equal("error: cannot write to standard output (No space left on device).", run.Stderr.Trim());
        }
    }

    private static string Tool => $"dotnet '{typeof(KetaminePkPd.Cli.Commands.CliErrors).Assembly.Location}'";

    private static CliRun Shell(string command)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("set -o pipefail; " + command);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return new CliRun(process.ExitCode, stdout.Result, stderr);
    }
}
