namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// The <c>--plot</c> options of the commands: a file ending in .png or .svg (<see cref="Figure.Extensions"/>), checked when
/// the command line is parsed; the file is opened with the other outputs (<see cref="Output.OutputFiles"/>), so an
/// unwritable path also fails before anything runs, and nothing is half-written.
/// </summary>
internal static class PlotOptions
{
    /// <summary>A plot option with the shared value name, its extension check and the format rules appended to <paramref name="description"/>.</summary>
    public static Option<string?> Create(string name, string description, int height = Figure.DefaultHeight) =>
        FileRoles.Output(SharedOptions.Parsed<string?>(name, "file.png|file.svg", description + " PNG or SVG by the extension (any other is an error before anything runs); " +
            $"{Figure.DefaultWidth} x {height} pixels; written atomically with the other outputs. [default: none]", Check));

    /// <summary>Checks that <paramref name="path"/> (when given) ends in .png or .svg, and returns it.</summary>
    /// <exception cref="ArgumentException">Another extension or an empty path; the message names the option.</exception>
    public static string? Check(string? path, string option)
    {
        if (path is null) return null;
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException($"{option}: the file path is empty.");
        string ext = Path.GetExtension(path).ToLowerInvariant();
        if (!Figure.Extensions.Contains(ext))
            throw new ArgumentException($"{option} '{path}': a plot must end in .png or .svg, got {(ext.Length == 0 ? "no extension" : $"'{ext}'")}.");
        return path;
    }

    /// <summary>The file for one part of a figure set: <c>dir/name-230min.png</c> from <c>dir/name.png</c> and <c>230min</c>.</summary>
    public static string WithSuffix(string path, string suffix) => path[..^Path.GetExtension(path).Length] + "-" + suffix + Path.GetExtension(path);
}
