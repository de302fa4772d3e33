using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;

namespace KetaminePkPd.Web.Tests;

/// <summary>A bUnit context with the chart interop recorded (plotly.js does not run here; the figure JSON it would get is checked instead).</summary>
public abstract class PageContext : BunitContext
{
    /// <summary>Sets up the interop.</summary>
    protected PageContext() => JSInterop.SetupVoid("ketaminePlots.draw", _ => true).SetVoidResult();

    /// <summary>The draws whose figure title contains <paramref name="title"/>.</summary>
    protected IReadOnlyList<JsonElement> DrawsTitled(string title) =>
        [.. JSInterop.Invocations["ketaminePlots.draw"]
            .Select(i => JsonDocument.Parse((string)i.Arguments[1]!).RootElement)
            .Where(f => f.GetProperty("layout").GetProperty("title").GetProperty("text").GetString()!.Contains(title, StringComparison.Ordinal))];

    /// <summary>The round-trip number in an element's data-value.</summary>
    protected static double Value(IElement element) => double.Parse(element.GetAttribute("data-value")!, CultureInfo.InvariantCulture);

    /// <summary>Largest y of a figure's first trace.</summary>
    protected static double FirstTraceMaximum(JsonElement figure) =>
        figure.GetProperty("data")[0].GetProperty("y").EnumerateArray().Max(v => v.GetDouble());
}
