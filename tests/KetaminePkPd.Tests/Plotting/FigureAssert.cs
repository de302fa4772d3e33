using System.Buffers.Binary;
using System.Xml.Linq;

namespace KetaminePkPd.Tests.Plotting;

/// <summary>Checks that a file is a real figure: a PNG by its signature and header, an SVG by parsing it.</summary>
internal static class FigureAssert
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Asserts a PNG: the 8-byte signature, an IHDR chunk of the given size, and a plausible file size (10 KB to 2 MB).</summary>
    public static void IsPng(byte[] bytes, int width, int height)
    {
        Assert.True(bytes.Length > 24, $"only {bytes.Length} bytes");
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        Assert.InRange(bytes.Length, 10_000, 2_000_000);
    }

    /// <summary>Asserts a PNG file (see <see cref="IsPng(byte[], int, int)"/>).</summary>
    public static void IsPng(string path, int width = 1000, int height = 600)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        IsPng(File.ReadAllBytes(path), width, height);
    }

    /// <summary>Asserts an SVG document: well-formed XML whose root element is svg and whose text holds every one of <paramref name="texts"/>.</summary>
    public static XDocument IsSvg(string xml, params string[] texts)
    {
        var doc = XDocument.Parse(xml);
        Assert.NotNull(doc.Root);
        Assert.Equal("svg", doc.Root!.Name.LocalName);
        string text = string.Join(' ', doc.Root.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()));
        foreach (var t in texts) Assert.Contains(t, text, StringComparison.Ordinal);
        return doc;
    }

    /// <summary>Asserts an SVG file (see <see cref="IsSvg(string, string[])"/>).</summary>
    public static XDocument IsSvgFile(string path, params string[] texts)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        Assert.InRange(new FileInfo(path).Length, 5_000, 5_000_000);
        return IsSvg(File.ReadAllText(path), texts);
    }
}
