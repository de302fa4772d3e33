using System.Collections.Immutable;

namespace KetaminePkPd.DataSets;

/// <summary>
/// NONMEM's linear ADVANs with TRANS2-style parameters: ADVAN1 (1 central), ADVAN2 (1 depot, 2 central), ADVAN3 (1 central,
/// 2 peripheral), ADVAN4 (1 depot, 2 central, 3 peripheral), ADVAN11 (1 central, 2 and 3 peripheral), ADVAN12 (1 depot,
/// 2 central, 3 and 4 peripheral). Parameters CL, V (central volume; alias V1), Q (alias Q2) and V2 (first peripheral),
/// Q3 and V3 (second peripheral), KA (depot absorption), in L, L/h and 1/h.
/// </summary>
internal sealed class AdvanKernel : ModelKernel
{
    private static readonly Dictionary<string, string> AliasMap = new(StringComparer.OrdinalIgnoreCase) { ["V1"] = "V", ["Q2"] = "Q" };
    private readonly bool _oral;
    private readonly int _peripherals;

    public AdvanKernel(int advan)
    {
        (_oral, _peripherals) = advan switch
        {
            1 => (false, 0),
            2 => (true, 0),
            3 => (false, 1),
            4 => (true, 1),
            11 => (false, 2),
            12 => (true, 2),
            _ => throw new ArgumentOutOfRangeException(nameof(advan), advan, $"advan must be 1, 2, 3, 4, 11 or 12 (the linear ADVANs), got {advan}."),
        };
        Number = advan;
        var compartments = new List<string>();
        if (_oral) compartments.Add("depot");
        compartments.Add("central");
        for (int p = 1; p <= _peripherals; p++) compartments.Add($"peripheral{p}");
        CompartmentNames = [.. compartments];
        var parameters = new List<string> { "CL", "V" };
        if (_peripherals >= 1) parameters.AddRange(["Q", "V2"]);
        if (_peripherals >= 2) parameters.AddRange(["Q3", "V3"]);
        if (_oral) parameters.Add("KA");
        ParameterNames = [.. parameters];
        Defaults = [.. parameters.Select(_ => double.NaN)];
        Trans4 = advan switch
        {
            4 => new Dictionary<string, string>(StringComparer.Ordinal) { ["CL"] = "CL", ["V2"] = "V", ["Q"] = "Q", ["V3"] = "V2", ["KA"] = "KA" },
            12 => new Dictionary<string, string>(StringComparer.Ordinal) { ["CL"] = "CL", ["V2"] = "V", ["Q3"] = "Q", ["V3"] = "V2", ["Q4"] = "Q3", ["V4"] = "V3", ["KA"] = "KA" },
            _ => new Dictionary<string, string>(),
        };
    }

    public override IReadOnlyDictionary<string, string> Trans4 { get; }

    /// <summary>The ADVAN number.</summary>
    public int Number { get; }

    public override ImmutableArray<string> CompartmentNames { get; }

    public override ImmutableArray<string> ParameterNames { get; }

    public override ImmutableArray<double> Defaults { get; }

    public override int DefaultDose => 0;

    public override int Central => _oral ? 1 : 0;

    public override IReadOnlyDictionary<string, string> Aliases => AliasMap;

    public override (double CentralL, double MetaboliteL) Build(ReadOnlySpan<double> values, double[] k, int row)
    {
        int n = CompartmentNames.Length, c = Central;
        double cl = Positive(values[0], "CL", row), v = Volume(values[1], "V", row);
        k[c * n + c] -= Rate(cl / v, "CL", $"CL/V, the elimination rate constant (CL {Guard.F(cl)} L/h, V {Guard.F(v)} L),", row);
        int next = 2;
        for (int p = 0; p < _peripherals; p++)
        {
            string qName = p == 0 ? "Q" : "Q3", vName = p == 0 ? "V2" : "V3";
            double q = NonNegative(values[next], qName, row), vp = Volume(values[next + 1], vName, row);
            next += 2;
            int pi = c + 1 + p;
            double outward = Rate(q / v, qName, $"{qName}/V ({qName} {Guard.F(q)} L/h, V {Guard.F(v)} L)", row);
            double inward = Rate(q / vp, qName, $"{qName}/{vName} ({qName} {Guard.F(q)} L/h, {vName} {Guard.F(vp)} L)", row);
            k[pi * n + c] += outward;
            k[c * n + c] -= outward;
            k[c * n + pi] += inward;
            k[pi * n + pi] -= inward;
        }
        if (_oral)
        {
            double ka = Rate(Positive(values[next], "KA", row), "KA", "KA", row);
            k[0] -= ka;
            k[c * n] += ka;
        }
        return (v, 0);
    }

    /// <summary>
    /// The fastest first-order rate a model may have: 1e6 per hour (a half-life of 2.5 ms). Up to it the matrix
    /// exponential is exact to about 1e-7 relative against closed forms; a faster process is instantaneous at the time
    /// scale of a data set (dose into the next compartment instead).
    /// </summary>
    public const double MaxRatePerH = 1e6;

    /// <summary>The smallest volume: 1e-6 L (a microlitre), so that concentrations stay finite.</summary>
    public const double MinVolumeL = 1e-6;

    private static double Rate(double rate, string name, string what, int row) =>
        rate <= MaxRatePerH ? rate
            : throw new DataSetFormatException(row, name, $"{what} must be at most {Guard.F(MaxRatePerH)} per hour (a half-life of 2.5 ms; faster is instantaneous: dose into the next compartment instead), got {Guard.F(rate)}.");

    private static double Volume(double value, string name, int row) =>
        double.IsFinite(value) && value >= MinVolumeL ? value : throw new DataSetFormatException(row, name, $"{name} must be finite and at least {Guard.F(MinVolumeL)} L, got {Guard.F(value)}.");

    internal static double Positive(double value, string name, int row) =>
        double.IsFinite(value) && value > 0 ? value : throw new DataSetFormatException(row, name, $"{name} must be finite and > 0, got {Guard.F(value)}.");

    internal static double NonNegative(double value, string name, int row) =>
        double.IsFinite(value) && value >= 0 ? value : throw new DataSetFormatException(row, name, $"{name} must be finite and >= 0, got {Guard.F(value)}.");
}
