using System.CommandLine;
using KetaminePkPd.Plotting;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// The <c>--plot</c> options of the commands: each takes a file ending in .png or .svg. The extension is checked when the
/// options are read, before anything is simulated; the file itself is opened with the other outputs (see
/// <see cref="Output.OutputFiles"/>), so an unwritable path also fails first, and nothing is half-written.
/// </summary>
internal static class PlotOptions
{
    /// <summary>A plot option with the shared value name and the format rules appended to <paramref name="description"/>.</summary>
    /// <param name="name">Option name, e.g. <c>--plot</c>.</param>
    /// <param name="description">What the figure shows.</param>
    /// <param name="height">Figure height in pixels, for the help text.</param>
    public static Option<string?> Create(string name, string description, int height = Figure.DefaultHeight) => new(name)
    {
        HelpName = "file.png|file.svg",
        Description = description + " PNG or SVG by the extension (any other is an error before anything runs); " +
            $"{Figure.DefaultWidth} x {height} pixels; written atomically with the other outputs. [default: none]",
    };

    /// <summary>Checks that <paramref name="path"/> (when given) ends in .png or .svg.</summary>
    /// <returns>The path, unchanged.</returns>
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

    /// <summary>
    /// The file for one part of a figure set: <c>dir/name-230min.png</c> from <c>dir/name.png</c> and <c>230min</c>.
    /// </summary>
    public static string WithSuffix(string path, string suffix)
    {
        string ext = Path.GetExtension(path);
        return path[..^ext.Length] + "-" + suffix + ext;
    }
}
