using System.Globalization;
using KetaminePkPd.Comparisons;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Web.Model;

/// <summary>
/// What the one-patient panel says beside the numbers: warnings when the settings leave the range the effect models
/// were calibrated and checked on, and explanations of results that surprise (an IV bolus's Cmax at 0 min, nasal
/// devices that add less than their share). Every number quoted comes from the library or from docs/model.md.
/// </summary>
internal static class PatientGuide
{
    /// <summary>Racemic IV doses the dissociation model was checked on, mg/kg (Fava 2020 dose-ranging arms 0.1-1.0 mg/kg,
    /// docs/validation.md <c>cadss-dose-rank</c>; the antidepressant calibration is at 0.5 mg/kg over 40 min).</summary>
    public const double CheckedMinMgPerKg = 0.1, CheckedMaxMgPerKg = 1.0;

    /// <summary>Esketamine nasal doses of the calibration trials (TRANSFORM: 56 and 84 mg; docs/model.md section 5), mg.</summary>
    public const double EsketamineMinMg = 28, EsketamineMaxMg = 84;

    /// <summary>Adult weights of the default population (docs/model.md section 4.4: N(80, 15) kg truncated to 45-150 kg).</summary>
    public const double AdultMinKg = 45, AdultMaxKg = 150;

    /// <summary>Warnings for settings outside the calibrated range (empty when inside).</summary>
    public static IReadOnlyList<string> Warnings(PatientSettings s)
    {
        var list = new List<string>();
        double perKg = s.DoseMg / s.WeightKg;
        if (s.Model.Drug == Drug.RacemicKetamine && (perKg < CheckedMinMgPerKg - 1e-9 || perKg > CheckedMaxMgPerKg + 1e-9))
        {
            list.Add(F($"{perKg:0.##} mg/kg is outside the doses the effect models were checked on ({CheckedMinMgPerKg:0.0}-{CheckedMaxMgPerKg:0.0} mg/kg IV); the effects are extrapolated (the PK is not)") +
                (s.PerKilogram ? "." : F($": {s.DoseMg:0.#} mg in a {s.WeightKg:0} kg patient.")));
        }
        if (s.Model.Drug == Drug.Esketamine && s.LibraryRoute == Route.Intranasal && (s.DoseMg < EsketamineMinMg - 1e-9 || s.DoseMg > EsketamineMaxMg + 1e-9))
            list.Add(F($"{s.DoseMg:0} mg is outside the nasal doses of the trials the effects were calibrated on ({EsketamineMinMg:0}-{EsketamineMaxMg:0} mg)."));
        if (s.WeightKg < AdultMinKg || s.WeightKg > AdultMaxKg)
            list.Add(F($"{s.WeightKg:0} kg is outside the adult weights of the default population ({AdultMinKg:0}-{AdultMaxKg:0} kg); ") +
                (s.ModelKey == PkParameterSet.Herd.Key ? "Herd 2007 is a model of children." : "children's pharmacokinetics differ (docs/model.md: Herd 2007 is the children's model)."));
        if (!(s.LibraryRoute == Route.Intravenous && s.Model.Drug == Drug.RacemicKetamine) && !(s.LibraryRoute == Route.Intranasal && s.Model.Drug == Drug.Esketamine))
            list.Add("The effect models were calibrated on racemic IV and esketamine nasal courses; for this route and drug they follow the concentration only (no route-specific effect data).");
        return list;
    }

    /// <summary>Explanations of what the settings show that surprises students.</summary>
    public static IReadOnlyList<string> Notes(PatientSettings s, ArmComparison result)
    {
        var list = new List<string>();
        if (s.Route == RouteChoice.IntravenousBolus)
        {
            list.Add(F($"An IV bolus is modelled as instantaneous: the whole dose is in the central volume at time 0, so Cmax ({result.Typical.CmaxNgPerMl:0} ng/mL) is the dose over V1, at 0 min. ") +
                "A real injection over a minute or so, and the mixing of the first circulation, give a lower and later peak; the effects, driven by the effect sites, lag behind anyway.");
        }
        if (s.Devices is { } d && s.DoseMg > d.DeviceMg + 1e-9)
        {
            int n = d.DeviceCount(s.DoseMg);
            list.Add(F($"{n} devices, {d.Interval.TotalMinutes:0} min apart: each device after the first absorbs less through the nose (nasal fraction x {d.LaterDeviceNasalFactor:0.##}, Perez-Ruixo 2021), so the AUC grows less than {n} times one device's."));
        }
        return list;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
