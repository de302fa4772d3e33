using KetaminePkPd.Web.Charts;

namespace KetaminePkPd.Web.Tests;

/// <summary>
/// The page's chart colours stay apart for colour-blind readers and are visible on white. Colour-vision deficiency is
/// simulated with Machado, Oliveira and Fernandes (IEEE TVCG 2009) severity-1.0 matrices in linear sRGB; distance is
/// CIE76 delta E in CIELAB (D65); contrast is WCAG 2's (L1 + 0.05) / (L2 + 0.05), at least 3:1 for graphics (WCAG 1.4.11).
/// </summary>
public class FigureColourTests
{
    private static readonly double[,] Normal = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
    private static readonly double[,] Deuteranopia = { { 0.367322, 0.860646, -0.227968 }, { 0.280085, 0.672501, 0.047413 }, { -0.011820, 0.042940, 0.968881 } };
    private static readonly double[,] Protanopia = { { 0.152286, 1.052583, -0.204868 }, { 0.114503, 0.786281, 0.099216 }, { -0.003882, -0.048116, 1.051998 } };

    private static double[] Linear(string hex) => [.. Enumerable.Range(0, 3).Select(i =>
    {
        double c = Convert.ToInt32(hex.Substring(1 + 2 * i, 2), 16) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    })];

    private static double[] Lab(double[,] vision, string hex)
    {
        var v = Linear(hex);
        var s = Enumerable.Range(0, 3).Select(i => Math.Clamp(vision[i, 0] * v[0] + vision[i, 1] * v[1] + vision[i, 2] * v[2], 0, 1)).ToArray();
        double x = 0.4124 * s[0] + 0.3576 * s[1] + 0.1805 * s[2], y = 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2], z = 0.0193 * s[0] + 0.1192 * s[1] + 0.9505 * s[2];
        static double F(double t) => t > 216.0 / 24389 ? Math.Cbrt(t) : (24389.0 / 27 * t + 16) / 116;
        double fx = F(x / 0.95047), fy = F(y), fz = F(z / 1.08883);
        return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
    }

    private static double SmallestDeltaE(double[,] vision, IReadOnlyList<string> colours)
    {
        double smallest = double.PositiveInfinity;
        for (int i = 0; i < colours.Count; i++)
            for (int j = i + 1; j < colours.Count; j++)
            {
                var (a, b) = (Lab(vision, colours[i]), Lab(vision, colours[j]));
                smallest = Math.Min(smallest, Math.Sqrt(a.Zip(b).Sum(p => (p.First - p.Second) * (p.First - p.Second))));
            }
        return smallest;
    }

    private static double ContrastOnWhite(string hex)
    {
        var v = Linear(hex);
        return 1.05 / (0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2] + 0.05);
    }

    public static TheoryData<string, double, double> Visions() => new()
    {
        // vision, smallest delta E between arms, between the three quantities. The palette before this test (blue, red,
        // purple, ochre, teal; red and green effects) measured 11.3 / 23.1 (deuteranopia) and 7.0 / 13.8 (protanopia).
        { "normal", 15, 30 }, { "deuteranopia", 15, 30 }, { "protanopia", 15, 30 },
    };

    [Theory]
    [MemberData(nameof(Visions))]
    public void Colours_StayApart(string vision, double arms, double quantities)
    {
        var matrix = vision switch { "deuteranopia" => Deuteranopia, "protanopia" => Protanopia, _ => Normal };
        Assert.True(SmallestDeltaE(matrix, Figures.ArmColours) >= arms, $"arms: {SmallestDeltaE(matrix, Figures.ArmColours):0.0}");
        string[] three = [Figures.Plasma, Figures.Dissociation, Figures.Antidepressant];
        Assert.True(SmallestDeltaE(matrix, three) >= quantities, $"plasma/dissociation/antidepressant: {SmallestDeltaE(matrix, three):0.0}");
    }

    [Fact]
    public void Colours_HaveAtLeast3To1ContrastOnWhite()
    {
        foreach (string c in Figures.ArmColours.Concat([Figures.Plasma, Figures.Dissociation, Figures.Antidepressant]))
            Assert.True(ContrastOnWhite(c) >= 3, $"{c}: {ContrastOnWhite(c):0.00}:1");
        // the measure itself: black on white is 21:1, white on white 1:1
        Assert.Equal(21, ContrastOnWhite("#000000"), 9);
        Assert.Equal(1, ContrastOnWhite("#ffffff"), 9);
    }
}
