using System.Runtime.InteropServices;
using KetaminePkPd.Cli;

// On SIGINT (Ctrl+C) or SIGTERM, remove the temporary files of outputs not yet written and exit with 128 + the signal
// number (130, 143), as shells do; no output file is left half-written.
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
// A failed write to stdout (a full disk, a closed device) is reported as such, not as a bare "No space left on device".
Console.SetOut(new NamedWriter(Console.Out, "standard output"));
return CliApp.Run(args, Console.Out, Console.Error);

static void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    AtomicFile.DeletePending();
    int code = context.Signal == PosixSignal.SIGINT ? CliErrors.Interrupted : CliErrors.Terminated;
    Console.Error.WriteLine(context.Signal == PosixSignal.SIGINT ? "error: interrupted; no output was written." : "error: terminated; no output was written.");
    Environment.Exit(code);
}
