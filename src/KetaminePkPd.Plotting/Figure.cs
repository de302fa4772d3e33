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

    /// <summary>The extensions <see cref="Save(Plot, string, int, int)"/> accepts.</summary>
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
        CheckSize(width, height);
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"plot folder '{dir}' does not exist.");
        string ext = Path.GetExtension(full).ToLowerInvariant();
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp{ext}");
        try
        {
            File.WriteAllBytes(temp, Encode(plot, full, width, height));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>The SVG text of <paramref name="plot"/>, for embedding in HTML.</summary>
    /// <param name="plot">The figure.</param>
    /// <param name="width">Width in pixels, in [200, 8000].</param>
    /// <param name="height">Height in pixels, in [150, 8000].</param>
    /// <param name="idPrefix">
    /// Null for ScottPlot's own SVG document. Otherwise an inline <c>&lt;svg&gt;</c> element for an HTML page: no XML
    /// declaration, a <c>viewBox</c> so that it scales to its container, and every id (clip paths) renamed to this text
    /// (letters, digits, '-' and '_') and a number, so that several figures on one page do not share ids and the same
    /// figure gives the same text on every run.
    /// </param>
    /// <exception cref="ArgumentException">A bad size or prefix.</exception>
    public static string ToSvg(Plot plot, int width = DefaultWidth, int height = DefaultHeight, string? idPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(plot);
        CheckSize(width, height);
        string xml = SvgXml(plot, width, height);
        return idPrefix is null ? xml : Svg.Inline(xml, idPrefix, width, height);
    }

    /// <summary>Panels stacked top to bottom as one SVG, for embedding in HTML (see <see cref="ToSvg(Plot, int, int, string?)"/>).</summary>
    /// <param name="panels">One or more plots, drawn top to bottom.</param>
    /// <param name="width">Width in pixels, in [200, 8000].</param>
    /// <param name="panelHeight">Height of each panel in pixels, in [150, 8000].</param>
    /// <param name="idPrefix">Prefix of every id, as for <see cref="ToSvg(Plot, int, int, string?)"/>.</param>
    /// <exception cref="ArgumentException">No panels, a bad size or prefix.</exception>
    public static string ToSvg(IReadOnlyList<Plot> panels, int width, int panelHeight, string idPrefix)
    {
        var list = RequirePanels(panels);
        CheckSize(width, panelHeight);
        return Svg.Stack([.. list.Select(p => SvgXml(p, width, panelHeight))], idPrefix, width, panelHeight, standalone: false);
    }

    /// <summary>
    /// The bytes of <paramref name="plot"/> as a PNG or SVG file, by the extension of <paramref name="path"/> (which is
    /// not written): for callers that write files themselves, e.g. all-or-nothing with other outputs.
    /// </summary>
    /// <param name="plot">The figure.</param>
    /// <param name="path">A file name ending in .png or .svg; only its extension is used.</param>
    /// <param name="width">Width in pixels, in [200, 8000].</param>
    /// <param name="height">Height in pixels, in [150, 8000].</param>
    /// <exception cref="ArgumentException">A bad extension or size.</exception>
    public static byte[] Encode(Plot plot, string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        CheckExtension(path);
        CheckSize(width, height);
        return IsPng(path) ? plot.GetImageBytes(width, height, ImageFormat.Png)
            : System.Text.Encoding.UTF8.GetBytes(Svg.RenumberIds(SvgXml(plot, width, height), "c"));
    }

    /// <summary>Panels stacked top to bottom in one PNG or SVG file's bytes, by the extension of <paramref name="path"/>.</summary>
    /// <param name="panels">One or more plots, drawn top to bottom.</param>
    /// <param name="path">A file name ending in .png or .svg; only its extension is used.</param>
    /// <param name="width">Width in pixels, in [200, 8000].</param>
    /// <param name="panelHeight">Height of each panel in pixels, in [150, 8000]; the figure is panels x this high (at most 8000).</param>
    /// <exception cref="ArgumentException">No panels, a bad extension or size.</exception>
    public static byte[] Encode(IReadOnlyList<Plot> panels, string path, int width = DefaultWidth, int panelHeight = DefaultHeight)
    {
        var list = RequirePanels(panels);
        CheckExtension(path);
        CheckSize(width, panelHeight);
        if (panelHeight * list.Count > 8000)
            throw new ArgumentOutOfRangeException(nameof(panelHeight), panelHeight, $"panels x panelHeight must be at most 8000, got {list.Count} x {panelHeight}.");
        if (!IsPng(path))
        {
            // A standalone SVG document: the stacked inline SVG with the XML declaration and namespace.
            string body = Svg.Stack([.. list.Select(p => SvgXml(p, width, panelHeight))], "p", width, panelHeight, standalone: true);
            return System.Text.Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n" + body);
        }
        var multiplot = new Multiplot(list[0]) { Layout = new ScottPlot.MultiplotLayouts.Rows() };
        foreach (var p in list.Skip(1)) multiplot.AddPlot(p);
        using var image = multiplot.Render(width, panelHeight * list.Count);
        return image.GetImageBytes(ImageFormat.Png, 100);
    }

    /// <summary>Saves panels stacked top to bottom as one PNG or SVG file, atomically (see <see cref="Save(Plot, string, int, int)"/>).</summary>
    /// <param name="panels">One or more plots, drawn top to bottom.</param>
    /// <param name="path">Target file (.png or .svg); its folder must exist.</param>
    /// <param name="width">Width in pixels, in [200, 8000].</param>
    /// <param name="panelHeight">Height of each panel in pixels, in [150, 8000].</param>
    /// <exception cref="ArgumentException">No panels, a bad extension or size.</exception>
    /// <exception cref="IOException">The folder does not exist or cannot be written.</exception>
    public static void Save(IReadOnlyList<Plot> panels, string path, int width = DefaultWidth, int panelHeight = DefaultHeight)
    {
        byte[] bytes = Encode(panels, path, width, panelHeight);
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"plot folder '{dir}' does not exist.");
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static bool IsPng(string path) => Path.GetExtension(path).Equals(".png", StringComparison.OrdinalIgnoreCase);

    private static void CheckSize(int width, int height)
    {
        if (width is < 200 or > 8000) throw new ArgumentOutOfRangeException(nameof(width), width, $"width must be in [200, 8000], got {width}.");
        if (height is < 150 or > 8000) throw new ArgumentOutOfRangeException(nameof(height), height, $"height must be in [150, 8000], got {height}.");
    }

    private static List<Plot> RequirePanels(IReadOnlyList<Plot> panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0) throw new ArgumentException("panels must hold at least one plot.", nameof(panels));
        foreach (var p in panels) ArgumentNullException.ThrowIfNull(p, nameof(panels));
        return [.. panels];
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

    /// <summary>
    /// A labelled vertical line at <paramref name="x"/> (an observation, a default, a significance level): the label above
    /// the plot, clear of the bottom axis's tick labels, with room kept for it under the title. Dashed unless
    /// <paramref name="dashed"/> is false; <paramref name="width"/> null keeps ScottPlot's line width.
    /// </summary>
    internal static void MarkX(Plot plot, double x, string label, Color color, float? width, float fontSize = 13, bool dashed = true)
    {
        var line = plot.Add.VerticalLine(x);
        line.Color = color;
        if (width is { } w) line.LineWidth = w;
        if (dashed) line.LinePattern = LinePattern.Dashed;
        line.Text = label;
        line.LabelFontSize = fontSize;
        line.LabelOppositeAxis = true;
        plot.Axes.Top.MinimumSize = 30;
    }

    /// <summary>Colours used in order for series.</summary>
    internal static readonly Color[] Palette =
    [
        new(0x1f, 0x77, 0xb4), new(0xd6, 0x27, 0x28), new(0x2c, 0xa0, 0x2c), new(0x94, 0x67, 0xbd), new(0xff, 0x7f, 0x0e),
        new(0x8c, 0x56, 0x4b), new(0xe3, 0x77, 0xc2), new(0x7f, 0x7f, 0x7f),
    ];

    /// <summary>
    /// ScottPlot's SVG of <paramref name="plot"/>, with dashed and dotted lines drawn solid: Skia's SVG canvas has no path
    /// effects, so it would draw them solid anyway and print "Unsupported path effect in addPaint." on standard output
    /// (corrupting a --json document). The plot's line patterns are restored afterwards; PNG output keeps its dashes.
    /// </summary>
    private static string SvgXml(Plot plot, int width, int height)
    {
        var changed = new List<(LineStyle Style, LinePattern Pattern)>();
        foreach (var style in plot.GetPlottables().OfType<IHasLine>().Select(p => p.LineStyle))
            if (!style.Pattern.Equals(LinePattern.Solid))
            {
                changed.Add((style, style.Pattern));
                style.Pattern = LinePattern.Solid;
            }
        try
        {
            return plot.GetSvgXml(width, height);
        }
        finally
        {
            foreach (var (style, pattern) in changed) style.Pattern = pattern;
        }
    }
}
