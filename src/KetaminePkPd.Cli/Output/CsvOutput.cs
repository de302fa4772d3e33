using System.Globalization;
using System.Text;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;
using nietras.SeparatedValues;
using KetaminePkPd.Reporting;

namespace KetaminePkPd.Cli.Output;

/// <summary>Writes simulation results as comma-separated values: invariant culture, shortest round-trippable numbers.</summary>
internal static class CsvOutput
{
    /// <summary>The first three columns of every simulation CSV.</summary>
    public static readonly string[] LeadingColumns = ["time_h", "parent_ng_per_ml", "metabolite_ng_per_ml"];

    /// <summary>The effect columns of a PK-PD simulation, after the leading columns: CADSS points and the antidepressant drug effect in MADRS points.</summary>
    public static readonly string[] EffectColumns = ["cadss", "madrs_change"];

    /// <summary>
    /// The column names for <paramref name="model"/>: time, concentrations, the effect columns when
    /// <paramref name="withEffects"/>, amount per compartment, cumulative eliminated and input.
    /// </summary>
    public static string[] Columns(PkModel model, bool withEffects = false) =>
    [
        .. LeadingColumns,
        .. withEffects ? EffectColumns : [],
        .. model.Compartments.Select(c => $"amount_{SnakeCase(c.Name)}_mg"),
        "eliminated_mg",
        "input_mg",
    ];

    /// <summary>
    /// Writes a PK-PD result: the PK columns with <c>cadss</c> (dissociation, CADSS points) and <c>madrs_change</c> (the
    /// antidepressant drug effect, MADRS points, negative = improvement) after the concentrations.
    /// </summary>
    /// <exception cref="NonFiniteResultException">A value is NaN or infinite (nothing valid can be written).</exception>
    public static void Write(PkPdSimulationResult result, Stream stream) =>
        Write(result.Pk, stream, [result[EffectParameterSet.DissociationName].Values, result[EffectParameterSet.AntidepressantName].Values]);

    /// <summary>
    /// Writes one header row and one row per output time. A model without a metabolite leaves that column empty.
    /// </summary>
    /// <param name="result">The PK result.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="effects">Null for a PK-only file, or one series per <see cref="EffectColumns"/> entry.</param>
    /// <exception cref="NonFiniteResultException">A value is NaN or infinite (nothing valid can be written).</exception>
    public static void Write(PkSimulationResult result, Stream stream, IReadOnlyList<IReadOnlyList<double>>? effects = null)
    {
        if (effects is not null && effects.Count != EffectColumns.Length)
            throw new ArgumentException($"effects must hold {EffectColumns.Length} series, got {effects.Count}.", nameof(effects));
        var columns = Columns(result.Model, effects is not null);
        // Read every column before writing, so a non-finite value fails before any row is out.
        var data = new List<IReadOnlyList<double>> { result.TimesH, result.ParentNgPerMl };
        bool hasMetabolite = !result.MetaboliteNgPerMl.IsEmpty;
        if (hasMetabolite) data.Add(result.MetaboliteNgPerMl);
        if (effects is not null) data.AddRange(effects);
        foreach (var amounts in result.AmountsMg) data.Add(amounts);
        data.Add(result.EliminatedMg);
        data.Add(result.InputMg);
        for (int c = 0; c < data.Count; c++)
            for (int k = 0; k < data[c].Count; k++)
                if (!double.IsFinite(data[c][k]))
                    throw new NonFiniteResultException($"the simulation produced a non-finite value ({data[c][k]}) at t = {result.TimesH[k].ToString("R", CultureInfo.InvariantCulture)} h; nothing was written.");

        using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        using (var writer = Sep.New(',').Writer(o => o with { CultureInfo = CultureInfo.InvariantCulture }).To(text, leaveOpen: true))
        {
            writer.Header.Add(columns);
            int n = result.TimesH.Length;
            for (int k = 0; k < n; k++)
            {
                using var row = writer.NewRow();
                int d = 0;
                for (int c = 0; c < columns.Length; c++)
                {
                    if (c == 2 && !hasMetabolite) { row[c].Set(""); continue; }
                    row[c].Format(data[d++][k]);
                }
            }
        }
        text.Flush();
    }

    /// <summary>Lower-case letters and digits, other characters as underscores: <c>norketamine-peripheral</c> becomes <c>norketamine_peripheral</c>.</summary>
    public static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (char ch in name.Trim()) sb.Append(char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '_');
        return sb.ToString();
    }
}
