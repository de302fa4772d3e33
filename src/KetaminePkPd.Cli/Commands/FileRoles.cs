using System.Runtime.CompilerServices;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// Which options and arguments name files: inputs (files the run reads) and outputs. Before a command's body starts,
/// <see cref="CommandRun"/> refuses an output that is one of the inputs (by device and inode, so also through symbolic
/// and hard links); <see cref="Output.OutputFiles"/> checks again as it opens each output, derived names included.
/// </summary>
internal static class FileRoles
{
    private static readonly ConditionalWeakTable<Symbol, string> Inputs = new();
    private static readonly ConditionalWeakTable<Symbol, string> Outputs = new();

    /// <summary>Marks <paramref name="symbol"/> as naming files the run reads (a value naming no file, such as a built-in key, is ignored).</summary>
    /// <param name="symbol">The option or argument.</param>
    /// <param name="label">How messages name it (e.g. <c>shard file</c>); the option's name when null.</param>
    public static T Input<T>(T symbol, string? label = null)
        where T : Symbol
    {
        Inputs.AddOrUpdate(symbol, label ?? symbol.Name);
        return symbol;
    }

    /// <summary>Marks <paramref name="symbol"/> as naming a file the run writes.</summary>
    public static T Output<T>(T symbol)
        where T : Symbol
    {
        Outputs.AddOrUpdate(symbol, symbol.Name);
        return symbol;
    }

    /// <summary>How messages name an input option or argument, or null when <paramref name="symbol"/> names no input.</summary>
    public static string? InputLabel(Symbol symbol) => Inputs.TryGetValue(symbol, out var label) ? label : null;

    /// <summary>True when <paramref name="symbol"/> names an output file.</summary>
    public static bool IsOutput(Symbol symbol) => Outputs.TryGetValue(symbol, out _);
}
