using ScottPlot;

namespace KetaminePkPd.Plotting;

/// <summary>
/// Saving figures: the format follows the file extension (<c>.png</c> or <c>.svg</c>), text is DejaVu Sans at sizes that
/// read on a slide, and the file is written atomically (a temporary file in the same folder, then a rename), so a failed
/// save never leaves a half-written figure.
/// </summary>
public static class Figure
{
    /// <summary>Default width, pixels.</summary>
    public const int DefaultWidth = 1000;

    /// <summary>Default height, pixels.</summary>
    public const int DefaultHeight = 600;

    /// <summary>The extensions <see cref="Save"/> accepts.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".png", ".svg"];

    /// <summary>Checks that <paramref name="path"/> ends in .png or .svg.</summary>
    /// <exception cref="ArgumentException">Another extension; the message names the path and the accepted ones.</exception>
    public static void CheckExtension(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string ext = Path.GetExtension(path).ToLowerInvariant();
        if (!Extensions.Contains(ext)) throw new ArgumentException($"plot file '{path}' must end in .png or .svg, got '{(ext.Length == 0 ? "no extension" : ext)}'.", nameof(path));
    }

    /// <summary>Saves <paramref name="plot"/> as PNG or SVG by the extension of <paramref name="path"/>.</summary>
    /// <param name="plot">The figure.</param>
    /// <param name="path">Target file (.png or .svg); its folder must exist.</param>
    /// <param name="width">Width in pixels, in [200, 8000].</param>
    /// <param name="height">Height in pixels, in [150, 8000].</param>
    /// <exception cref="ArgumentException">A bad extension or size.</exception>
    /// <exception cref="IOException">The folder does not exist or cannot be written.</exception>
    public static void Save(Plot plot, string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        CheckExtension(path);
        if (width is < 200 or > 8000) throw new ArgumentOutOfRangeException(nameof(width), width, $"width must be in [200, 8000], got {width}.");
        if (height is < 150 or > 8000) throw new ArgumentOutOfRangeException(nameof(height), height, $"height must be in [150, 8000], got {height}.");
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"plot folder '{dir}' does not exist.");
        string ext = Path.GetExtension(full).ToLowerInvariant();
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp{ext}");
        try
        {
            if (ext == ".png") plot.SavePng(temp, width, height);
            else plot.SaveSvg(temp, width, height);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>The SVG text of <paramref name="plot"/>, for embedding in HTML.</summary>
    public static string ToSvg(Plot plot, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        return plot.GetSvgXml(width, height);
    }

    /// <summary>A new plot with the house style: DejaVu Sans, large labels, light grid.</summary>
    internal static Plot New(string title, string xLabel, string yLabel)
    {
        var plt = new Plot();
        plt.Font.Set("DejaVu Sans");
        plt.Title(title, size: 22);
        plt.XLabel(xLabel, size: 18);
        plt.YLabel(yLabel, size: 18);
        plt.Axes.Bottom.TickLabelStyle.FontSize = 15;
        plt.Axes.Left.TickLabelStyle.FontSize = 15;
        plt.Axes.Right.TickLabelStyle.FontSize = 15;
        plt.Legend.FontSize = 15;
        return plt;
    }

    /// <summary>Colours used in order for series.</summary>
    internal static readonly Color[] Palette =
    [
        new(0x1f, 0x77, 0xb4), new(0xd6, 0x27, 0x28), new(0x2c, 0xa0, 0x2c), new(0x94, 0x67, 0xbd), new(0xff, 0x7f, 0x0e),
        new(0x8c, 0x56, 0x4b), new(0xe3, 0x77, 0xc2), new(0x7f, 0x7f, 0x7f),
    ];
}
