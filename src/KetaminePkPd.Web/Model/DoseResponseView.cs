using KetaminePkPd.Comparisons;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Web.Model;

/// <summary>
/// The dose-response panel's library calls: the typical patient's sweep (<see cref="DoseResponseResult.Run"/> without a
/// population, the call `dose-response` makes), the population's 5-95% range at a few doses (<see cref="PopulationBands.Start"/>
/// of an arm per dose) and the typical patient at the marked dose.
/// </summary>
internal static class DoseResponseView
{
    /// <summary>Doses of the population band, mg/kg (the dose-ranging trials' 0.1-1.0 mg/kg and both ends of the sweep).</summary>
    public static IReadOnlyList<double> BandDosesMgPerKg { get; } = [0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0, 1.5];

    /// <summary>Infusion duration of every dose, as in the NIMH and dose-ranging trials.</summary>
    public static TimeSpan Infusion { get; } = TimeSpan.FromMinutes(40);

    /// <summary>The typical 70 kg patient's sweep: 30 log-spaced doses from 0.05 to 1.5 mg/kg over 40 min (Domino).</summary>
    public static DoseResponseResult Sweep() => DoseResponseResult.Run(DoseResponseSettings.Default with { PopulationSize = 0 });

    /// <summary>The arm of one dose.</summary>
    public static ComparisonArm Arm(double mgPerKg) =>
        new(Fmt.N(mgPerKg, "0.###") + " mg/kg", PkParameterSet.Domino, Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(mgPerKg), Infusion));

    /// <summary>The typical 70 kg patient at one dose.</summary>
    public static ArmMetrics At(double mgPerKg) =>
        ComparisonResult.Run([Arm(mgPerKg)], new ComparisonOptions { Parallel = false }).Arms[0].Typical;

    /// <summary>The lowest dose of the sweep at which the typical peak CADSS reaches <paramref name="cadss"/>, interpolated on log dose; null if it never does.</summary>
    public static double? DoseReaching(DoseResponseResult sweep, double cadss)
    {
        var p = sweep.Points;
        for (int i = 1; i < p.Length; i++)
        {
            if (p[i - 1].PeakCadss < cadss && p[i].PeakCadss >= cadss)
            {
                double lo = Math.Log(p[i - 1].Dose.Value), hi = Math.Log(p[i].Dose.Value);
                double f = (cadss - p[i - 1].PeakCadss) / (p[i].PeakCadss - p[i - 1].PeakCadss);
                return Math.Exp(lo + f * (hi - lo));
            }
        }
        return p.Length > 0 && p[0].PeakCadss >= cadss ? p[0].Dose.Value : null;
    }
}
