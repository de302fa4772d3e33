using System.Globalization;
using System.Text;

namespace KetaminePkPd.Web.Charts;

/// <summary>
/// A figure's numbers as text: the data table under each chart (its text alternative, a few rows per trace) and the
/// CSV export (every plotted point), both stamped with the settings and the PROVISIONAL note.
/// </summary>
internal static class ChartData
{
    /// <summary>Rows per trace in the on-page table (evenly spaced points, the first and last included, and the largest y).</summary>
    public const int TableRows = 12;

    /// <summary>The note printed on every export.</summary>
    public const string Provisional =
        "KetaminePkPd teaching page. PROVISIONAL: the effect and clinical models are the project's own calibrations; for teaching, not for dosing.";

    /// <summary>One trace as a small table.</summary>
    /// <param name="Caption">The trace's name.</param>
    /// <param name="XTitle">The x axis' title.</param>
    /// <param name="YTitle">The y axis' title.</param>
    /// <param name="Rows">(x, y) pairs.</param>
    public sealed record Table(string Caption, string XTitle, string YTitle, IReadOnlyList<(double X, double Y)> Rows);

    /// <summary>The stamp of an export: the settings, then the PROVISIONAL note.</summary>
    public static string Stamp(string settings) => settings.Length == 0 ? Provisional : $"{settings}. {Provisional}";

    /// <summary>A small table per trace; a band's two edges are named as such.</summary>
    public static IEnumerable<Table> Tables(PlotFigure figure)
    {
        for (int t = 0; t < figure.Data.Count; t++)
        {
            var trace = figure.Data[t];
            var (xTitle, yTitle) = Titles(figure.Layout, trace);
            yield return new Table(Caption(figure, t), xTitle, yTitle, Sample(trace));
        }
    }

    /// <summary>Every plotted point as CSV: the stamp as comment lines, then trace, x title, x, y title, y.</summary>
    public static string Csv(PlotFigure figure, string stamp)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(figure.Layout.Title?.Text ?? "").Append('\n');
        text.Append("# ").Append(stamp).Append('\n');
        text.Append("trace,x_title,x,y_title,y\n");
        for (int t = 0; t < figure.Data.Count; t++)
        {
            var trace = figure.Data[t];
            var (xTitle, yTitle) = Titles(figure.Layout, trace);
            for (int i = 0; i < trace.X.Length; i++)
            {
                text.Append(Quote(Caption(figure, t))).Append(',').Append(Quote(xTitle)).Append(',')
                    .Append(trace.X[i].ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(Quote(yTitle)).Append(',')
                    .Append(trace.Y[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>The trace's name, with "lower edge" / "upper edge" for a filled band's two traces.</summary>
    private static string Caption(PlotFigure figure, int t)
    {
        string name = figure.Data[t].Name ?? $"trace {t + 1}";
        if (figure.Data[t].Fill == "tonexty") return name + " (upper edge)";
        if (t + 1 < figure.Data.Count && figure.Data[t + 1].Fill == "tonexty") return name + " (lower edge)";
        return name;
    }

    private static (string X, string Y) Titles(PlotLayout layout, PlotTrace trace) => trace.Xaxis == "x2"
        ? (layout.Xaxis2?.Title?.Text ?? "x", layout.Yaxis2?.Title?.Text ?? "y")
        : (layout.Xaxis?.Title?.Text ?? "x", layout.Yaxis?.Title?.Text ?? "y");

    private static List<(double X, double Y)> Sample(PlotTrace trace)
    {
        int n = trace.X.Length;
        if (n <= TableRows) return [.. Enumerable.Range(0, n).Select(i => (trace.X[i], trace.Y[i]))];
        var picked = new SortedSet<int>(Enumerable.Range(0, TableRows - 1).Select(k => (int)Math.Round(k * (n - 1) / (double)(TableRows - 2))));
        int top = 0;
        for (int i = 1; i < n; i++) if (trace.Y[i] > trace.Y[top]) top = i;
        picked.Add(top);
        return [.. picked.Select(i => (trace.X[i], trace.Y[i]))];
    }

    private static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
