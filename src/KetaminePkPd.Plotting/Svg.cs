using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KetaminePkPd.Plotting;

/// <summary>Rewrites ScottPlot's SVG documents for inline use in HTML and for stacking panels.</summary>
internal static partial class Svg
{
    /// <summary>
    /// The root <c>&lt;svg&gt;</c> element of <paramref name="xml"/> without the XML declaration and namespace (HTML
    /// needs neither), with a viewBox (so it scales to its container) and every id prefixed with <paramref name="idPrefix"/>.
    /// </summary>
    public static string Inline(string xml, string idPrefix, int width, int height)
    {
        CheckPrefix(idPrefix);
        string body = PrefixIds(WithoutDeclaration(xml), idPrefix);
        var root = RootTag().Match(body);
        if (!root.Success) throw new InvalidOperationException("The plot's SVG has no <svg> root element.");
        string tag = string.Create(CultureInfo.InvariantCulture,
            $"<svg viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" preserveAspectRatio=\"xMidYMid meet\">");
        return tag + body[(root.Index + root.Length)..];
    }

    /// <summary>Panels (each a ScottPlot SVG document of <paramref name="width"/> x <paramref name="panelHeight"/>) stacked top to bottom in one root element.</summary>
    /// <param name="panels">The panels' SVG documents.</param>
    /// <param name="idPrefix">Prefix of every id.</param>
    /// <param name="width">Width, pixels.</param>
    /// <param name="panelHeight">Height of each panel, pixels.</param>
    /// <param name="standalone">True for an SVG file (with the SVG namespace), false for inline HTML (without).</param>
    public static string Stack(IReadOnlyList<string> panels, string idPrefix, int width, int panelHeight, bool standalone)
    {
        CheckPrefix(idPrefix);
        int height = panelHeight * panels.Count;
        var sb = new StringBuilder();
        sb.Append(standalone ? "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" " : "<svg ");
        sb.Append(CultureInfo.InvariantCulture, $"viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" preserveAspectRatio=\"xMidYMid meet\">\n");
        for (int i = 0; i < panels.Count; i++)
        {
            string body = PrefixIds(WithoutDeclaration(panels[i]), $"{idPrefix}{i}-");
            var root = RootTag().Match(body);
            if (!root.Success) throw new InvalidOperationException("A panel's SVG has no <svg> root element.");
            sb.Append(CultureInfo.InvariantCulture, $"<svg x=\"0\" y=\"{i * panelHeight}\" width=\"{width}\" height=\"{panelHeight}\">");
            sb.Append(body, root.Index + root.Length, body.Length - root.Index - root.Length);
            sb.Append('\n');
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string WithoutDeclaration(string xml) => Declaration().Replace(xml, "", 1).TrimStart();

    /// <summary>
    /// Renames every id to <paramref name="prefix"/> and its rank of first appearance (<c>fig2-1</c>, <c>fig2-2</c>, ...),
    /// with the references to it: unique on a page when the prefixes are, and the same on every run (the drawing library
    /// numbers its clip paths with a process-wide counter).
    /// </summary>
    public static string RenumberIds(string xml, string prefix)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in IdAttribute().Matches(xml))
            map.TryAdd(m.Groups[1].Value, prefix + (map.Count + 1).ToString(CultureInfo.InvariantCulture));
        string Rename(string id) => map.TryGetValue(id, out var renamed) ? renamed : id;
        xml = IdAttribute().Replace(xml, m => $"id=\"{Rename(m.Groups[1].Value)}\"");
        xml = UrlReference().Replace(xml, m => $"url(#{Rename(m.Groups[1].Value)})");
        return HrefReference().Replace(xml, m => $"{m.Groups[1].Value}=\"#{Rename(m.Groups[2].Value)}\"");
    }

    private static string PrefixIds(string xml, string prefix) => RenumberIds(xml, prefix);

    private static void CheckPrefix(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        if (!prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') || !char.IsAsciiLetter(prefix[0]))
            throw new ArgumentException($"idPrefix must start with a letter and hold only letters, digits, '-' and '_', got '{prefix}'.", nameof(prefix));
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"<svg\b[^>]*>")]
    private static partial Regex RootTag();

    [GeneratedRegex(@"\bid=""([^""]+)""")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex(@"\b((?:xlink:)?href)=""#([^""]+)""")]
    private static partial Regex HrefReference();
}
