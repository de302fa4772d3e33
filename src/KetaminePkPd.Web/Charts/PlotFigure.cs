using System.Text.Json;
using System.Text.Json.Serialization;

namespace KetaminePkPd.Web.Charts;

/// <summary>
/// A Plotly figure (traces and layout) as plain data: the page builds one from library results and
/// <c>wwwroot/js/plots.js</c> draws it with <c>Plotly.react</c>. Property names follow plotly.js (camelCase on the wire).
/// </summary>
/// <param name="Data">The traces, drawn in order.</param>
/// <param name="Layout">Axes, titles, reference lines.</param>
public sealed record PlotFigure(IReadOnlyList<PlotTrace> Data, PlotLayout Layout)
{
    /// <summary>The figure as JSON for plotly.js (source-generated serializer: safe to trim).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, PlotJson.Default.PlotFigure);
}

/// <summary>One trace: a line, a set of markers, a filled band or bars.</summary>
public sealed record PlotTrace
{
    /// <summary>plotly.js trace type: scatter (lines, markers, bands) or bar.</summary>
    public string Type { get; init; } = "scatter";

    /// <summary>lines, markers or lines+markers (scatter only).</summary>
    public string? Mode { get; init; }

    /// <summary>Legend entry.</summary>
    public string? Name { get; init; }

    /// <summary>x values.</summary>
    public required double[] X { get; init; }

    /// <summary>y values, aligned with <see cref="X"/>.</summary>
    public required double[] Y { get; init; }

    /// <summary>Which x axis (x, x2).</summary>
    public string? Xaxis { get; init; }

    /// <summary>Which y axis (y, y2).</summary>
    public string? Yaxis { get; init; }

    /// <summary>Line style.</summary>
    public PlotLine? Line { get; init; }

    /// <summary>Marker style.</summary>
    public PlotMarker? Marker { get; init; }

    /// <summary>Fill (tonexty for a band whose lower edge is the previous trace).</summary>
    public string? Fill { get; init; }

    /// <summary>Fill colour.</summary>
    public string? Fillcolor { get; init; }

    /// <summary>Whether the trace has a legend entry.</summary>
    public bool? Showlegend { get; init; }

    /// <summary>Traces toggled together from the legend.</summary>
    public string? Legendgroup { get; init; }

    /// <summary>Hover text template.</summary>
    public string? Hovertemplate { get; init; }

    /// <summary>A label per point, for the hover text (%{text} in <see cref="Hovertemplate"/>), or null.</summary>
    public string[]? Text { get; init; }

    /// <summary>Bar width in x units (bar only).</summary>
    public double? Width { get; init; }
}

/// <summary>Line style.</summary>
/// <param name="Color">CSS colour.</param>
/// <param name="Width">Width, px.</param>
/// <param name="Dash">solid, dash, dot.</param>
public sealed record PlotLine(string? Color = null, double? Width = null, string? Dash = null);

/// <summary>Marker style.</summary>
/// <param name="Color">CSS colour.</param>
/// <param name="Size">Size, px.</param>
/// <param name="Opacity">Opacity in [0, 1].</param>
public sealed record PlotMarker(string? Color = null, double? Size = null, double? Opacity = null)
{
    /// <summary>plotly's marker symbol (circle when null), e.g. circle-open.</summary>
    public string? Symbol { get; init; }
}

/// <summary>A title or label.</summary>
/// <param name="Text">The text.</param>
public sealed record PlotText(string Text);

/// <summary>An axis.</summary>
public sealed record PlotAxis
{
    /// <summary>Axis title (with the unit).</summary>
    public PlotText? Title { get; init; }

    /// <summary>linear or log.</summary>
    public string? Type { get; init; }

    /// <summary>Fixed range, or null for automatic.</summary>
    public double[]? Range { get; init; }

    /// <summary>Fraction of the plot width or height the axis spans (for side-by-side panels).</summary>
    public double[]? Domain { get; init; }

    /// <summary>The axis this one is drawn against (x2 for yaxis2).</summary>
    public string? Anchor { get; init; }

    /// <summary>tozero to include zero.</summary>
    public string? Rangemode { get; init; }

    /// <summary>Whether to draw the zero line.</summary>
    public bool? Zeroline { get; init; }
}

/// <summary>A reference line or rectangle.</summary>
/// <param name="Type">line or rect.</param>
/// <param name="Xref">x, x2 or paper.</param>
/// <param name="Yref">y, y2 or paper.</param>
/// <param name="X0">Start x.</param>
/// <param name="X1">End x.</param>
/// <param name="Y0">Start y.</param>
/// <param name="Y1">End y.</param>
/// <param name="Line">Line style.</param>
public sealed record PlotShape(string Type, string Xref, string Yref, double X0, double X1, double Y0, double Y1, PlotLine Line);

/// <summary>A text label on the plot.</summary>
/// <param name="Text">The label.</param>
/// <param name="X">x position.</param>
/// <param name="Y">y position.</param>
/// <param name="Xref">x, x2 or paper.</param>
/// <param name="Yref">y, y2 or paper.</param>
/// <param name="Showarrow">Whether an arrow points at (x, y).</param>
public sealed record PlotAnnotation(string Text, double X, double Y, string Xref, string Yref, bool Showarrow = false)
{
    /// <summary>Tail of the arrow, x (in <see cref="Axref"/> units), or null for plotly's default offset.</summary>
    public double? Ax { get; init; }

    /// <summary>Tail of the arrow, y (in <see cref="Ayref"/> units).</summary>
    public double? Ay { get; init; }

    /// <summary>Units of <see cref="Ax"/>: an x axis id (x, x2) for data units.</summary>
    public string? Axref { get; init; }

    /// <summary>Units of <see cref="Ay"/>: a y axis id (y, y2) for data units.</summary>
    public string? Ayref { get; init; }

    /// <summary>Arrow head style (1-8).</summary>
    public int? Arrowhead { get; init; }

    /// <summary>Arrow colour.</summary>
    public string? Arrowcolor { get; init; }

    /// <summary>Arrow line width, px.</summary>
    public double? Arrowwidth { get; init; }

    /// <summary>Which side of the text sits at x: left, center, right.</summary>
    public string? Xanchor { get; init; }

    /// <summary>Which side of the text sits at y: top, middle, bottom.</summary>
    public string? Yanchor { get; init; }
}

/// <summary>Margins, px.</summary>
/// <param name="L">Left.</param>
/// <param name="R">Right.</param>
/// <param name="T">Top.</param>
/// <param name="B">Bottom.</param>
public sealed record PlotMargin(double L, double R, double T, double B);

/// <summary>The layout.</summary>
public sealed record PlotLayout
{
    /// <summary>Figure title.</summary>
    public PlotText? Title { get; init; }

    /// <summary>First x axis.</summary>
    public PlotAxis? Xaxis { get; init; }

    /// <summary>First y axis.</summary>
    public PlotAxis? Yaxis { get; init; }

    /// <summary>Second x axis (right-hand panel).</summary>
    public PlotAxis? Xaxis2 { get; init; }

    /// <summary>Second y axis (right-hand panel).</summary>
    public PlotAxis? Yaxis2 { get; init; }

    /// <summary>Reference lines.</summary>
    public IReadOnlyList<PlotShape>? Shapes { get; init; }

    /// <summary>Text labels.</summary>
    public IReadOnlyList<PlotAnnotation>? Annotations { get; init; }

    /// <summary>Height, px.</summary>
    public double Height { get; init; } = 360;

    /// <summary>Margins.</summary>
    public PlotMargin Margin { get; init; } = new(60, 20, 40, 50);

    /// <summary>Gap between bars, as a fraction of the bar width.</summary>
    public double? Bargap { get; init; }
}

/// <summary>The source-generated JSON serializer of <see cref="PlotFigure"/> (no reflection, safe to trim).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PlotFigure))]
public sealed partial class PlotJson : JsonSerializerContext;
