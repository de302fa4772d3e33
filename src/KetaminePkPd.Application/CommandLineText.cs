using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Application;

/// <summary>
/// Pieces of the command lines that reproduce a run (the <c>reproduce</c> key of the JSON outputs), shared by the
/// library's requests and the command line so every printed command quotes its arguments the same way.
/// </summary>
public static class CommandLineText
{
    /// <summary>The tool's command name.</summary>
    public const string Tool = "ketamine-pkpd";

    /// <summary>
    /// <see cref="SimulationSetup.Resolve(Drug?, PkParameterSet?, Route?, Dose?, TimeSpan?, DoseRate?, int, TimeSpan?, Subject?, SimulationOptions?, string?)"/>
    /// with messages that name the command line's options (<c>--rate applies to --route iv only</c>) instead of the parameters.
    /// </summary>
    /// <exception cref="ArgumentException">A value out of range or a bad combination; the message names the options.</exception>
    public static SimulationSetup ResolveSimulation(Drug? drug, PkParameterSet? model, Route? route, Dose? dose, TimeSpan? infusion, DoseRate? rate,
        int repeat, TimeSpan? interval, Subject? subject, SimulationOptions? options, string? doseText) =>
        SimulationSetup.Resolve(drug, model, route, dose, infusion, rate, repeat, interval, subject, options, doseText, static name => "--" + name);

    /// <summary>
    /// Quotes an argument for a POSIX shell when it holds anything but letters, digits and <c>/ . - _ : \</c>: in single
    /// quotes, an embedded single quote written as <c>'\''</c>.
    /// </summary>
    /// <param name="text">The argument.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string Quote(string text) => text is null ? throw new ArgumentNullException(nameof(text)) :
        text.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or ':' or '\\') ? text : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
