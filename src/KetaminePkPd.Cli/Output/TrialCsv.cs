using System.Globalization;
using System.Text;
using KetaminePkPd.Trials;
using nietras.SeparatedValues;
using KetaminePkPd.Reporting;

namespace KetaminePkPd.Cli.Output;

/// <summary>Writes one CSV row per patient of a virtual trial: invariant culture, shortest round-trippable numbers.</summary>
internal static class TrialCsv
{
    /// <summary>The columns before the per-assessment ones.</summary>
    public static readonly string[] SubjectColumns =
    [
        "index", "arm", "weight_kg", "age_y", "dose_mg", "clearance_l_per_h", "central_volume_l", "c50_cadss_ng_per_ml", "ec50_ng_per_ml",
        "effect_scale", "conc_at_cadss_ng_per_ml", "cmax_ng_per_ml", "auc0_24_ng_h_per_ml", "cadss", "cadss_peak", "noticed", "baseline",
    ];

    /// <summary>The per-assessment column prefixes, each followed by the time (e.g. <c>pct_change_230min</c>).</summary>
    public static readonly string[] AssessmentPrefixes = ["score_", "change_", "pct_change_", "responder_", "remitter_"];

    /// <summary>Every column name for a design.</summary>
    public static string[] Columns(TrialDesign design) =>
    [
        .. SubjectColumns,
        .. design.Assessments.SelectMany(t => AssessmentPrefixes.Select(p => p + Durations.Format(t))),
    ];

    /// <summary>Writes a header row and one row per patient, in index order.</summary>
    /// <exception cref="NonFiniteResultException">A value is NaN or infinite (checked before anything is written).</exception>
    public static void Write(TrialResult result, Stream stream)
    {
        var design = result.Design;
        foreach (var s in result.Subjects)
        {
            var m = s.Simulated;
            foreach (double v in (double[])[m.Subject.WeightKg, m.Subject.AgeYears, m.DoseMg, m.ClearanceLPerH, m.CentralVolumeL, m.DissociationC50NgPerMl,
                m.AntidepressantEc50NgPerMl, m.AntidepressantScale, m.ConcentrationAtCadssNgPerMl, m.CmaxNgPerMl, m.Auc0To24NgHPerMl,
                s.CadssRated, s.CadssPeakRated, s.Baseline, .. s.Scores, .. s.Changes, .. s.PercentChanges])
                if (!double.IsFinite(v)) throw new NonFiniteResultException($"patient {m.Index} has a non-finite value ({v}); nothing was written.");
        }

        var columns = Columns(design);
        using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        using (var writer = Sep.New(',').Writer(o => o with { CultureInfo = CultureInfo.InvariantCulture, Escape = true }).To(text, leaveOpen: true))
        {
            writer.Header.Add(columns);
            foreach (var s in result.Subjects)
            {
                var m = s.Simulated;
                using var row = writer.NewRow();
                int c = 0;
                row[c++].Format(m.Index);
                row[c++].Set(design.Arms[m.Arm].Name);
                foreach (double v in (double[])[m.Subject.WeightKg, m.Subject.AgeYears, m.DoseMg, m.ClearanceLPerH, m.CentralVolumeL, m.DissociationC50NgPerMl,
                    m.AntidepressantEc50NgPerMl, m.AntidepressantScale, m.ConcentrationAtCadssNgPerMl, m.CmaxNgPerMl, m.Auc0To24NgHPerMl,
                    s.CadssRated, s.CadssPeakRated])
                    row[c++].Format(v);
                row[c++].Set(Bool(s.NoticedDissociation));
                row[c++].Format(s.Baseline);
                for (int k = 0; k < design.Assessments.Length; k++)
                {
                    row[c++].Format(s.Scores[k]);
                    row[c++].Format(s.Changes[k]);
                    row[c++].Format(s.PercentChanges[k]);
                    row[c++].Set(Bool(s.Responders[k]));
                    row[c++].Set(Bool(s.Remitters[k]));
                }
            }
        }
        text.Flush();
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
