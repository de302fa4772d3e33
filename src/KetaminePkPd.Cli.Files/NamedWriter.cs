using System.Text;

namespace KetaminePkPd.Cli.Files;

/// <summary>
/// A writer that says what it writes to when writing fails: an <see cref="IOException"/> (a full disk, a closed device)
/// becomes "cannot write to standard output (No space left on device)", reported in one line like any other error.
/// </summary>
/// <param name="inner">The writer wrapped.</param>
/// <param name="name">What it writes to, e.g. <c>standard output</c>.</param>
internal sealed class NamedWriter(TextWriter inner, string name) : TextWriter(inner.FormatProvider)
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void Flush() => Guard(inner.Flush);

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException ex)
        {
            throw new IOException($"cannot write to {name} ({Reason.Of(ex)}).", ex);
        }
    }
}
