using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;

namespace KetaminePkPd.Web.Tests;

/// <summary>A bUnit context with the chart interop recorded (plotly.js does not run here; the figure JSON it would get is checked instead).</summary>
public abstract class PageContext : BunitContext
{
    /// <summary>Sets up the interop: chart drawing, and the address bar's query (empty: a plain visit; see <see cref="Visit"/>).</summary>
    protected PageContext()
    {
        JSInterop.SetupVoid("ketaminePlots.draw", _ => true).SetVoidResult();
        JSInterop.SetupVoid("ketaminePlots.setQuery", _ => true).SetVoidResult();
        _query = JSInterop.Setup<string?>("ketaminePlots.query");
        _query.SetResult("");
    }

    private readonly JSRuntimeInvocationHandler<string?> _query;

    /// <summary>Makes the next page opened see <paramref name="query"/> in its address (a shared link).</summary>
    protected void Visit(string query) => _query.SetResult(query);

    /// <summary>The queries the page wrote into the address bar, in order.</summary>
    protected IReadOnlyList<string> WrittenQueries =>
        [.. JSInterop.Invocations["ketaminePlots.setQuery"].Select(i => (string)i.Arguments[0]!)];

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
