using System.Collections.Immutable;

namespace KetaminePkPd.Pharmacokinetics;

// <summary>
// The built-in, cited parameter sets: racemic ketamine (Domino, Hijazi, Clements, Herd) with norketamine, and esketamine with
// noresketamine (Perez-Ruixo 2021). Every value carries its source; provisional ones say so.
// </summary>
// <remarks>
// <para>Units: amounts mg (metabolite amounts in mg of parent equivalents, as the apparent metabolite parameters of
// Perez-Ruixo 2021 and Otto 2021 imply), volumes L, time h; concentrations are reported in ng/mL.</para>
// <para>Norketamine after racemic ketamine (all racemic sets): the two-compartment S-norketamine model of Otto et al. 2021
// (Eur J Clin Pharmacol 77:1181, Table 3; S-ketamine given intravenously to 48 healthy adults): central 98.6 L x (WT/70),
// clearance 57.7 L/h x (WT/70)^0.75, peripheral 160 L and inter-compartmental clearance 42.8 L/h (not weight-scaled), fed by
// all of the parent's metabolism (fm = 1, as Otto assumed; the parameters are apparent values for that fm). It is applied to
// total (R + S) norketamine on the assumption that R-norketamine behaves like S-norketamine, which no data tested: PROVISIONAL
// for racemic use, and so labelled.</para>
// <para>Racemic intranasal doses (Domino, Hijazi, Clements) split into a nasal part, absorbed into central at a constant rate
// over DN_IN (0.25 h), and a swallowed part that passes the gut (FGUT_IN 0.64) and the liver (FH_IN 0.018) first, the
// metabolised part forming norketamine; the nasal fraction follows from the total bioavailability F_IN (0.13, documented
// range 0.11-0.45). DN_IN and FH_IN are PROVISIONAL fits to Pharmacotherapy 2022;42:298, Table 6 (docs/model.md section 3.3).</para>
// <para>Cross-check: the Kamp et al. 2020 meta-analysis (Anesthesiology 133:1192) puts racemic ketamine clearance at
// 79 L/h (95% CI 69-90) and Vd at 252 L (200-304) per 70 kg. Domino's clearance (116 L/h at 70 kg) is above that
// interval, Hijazi's (151 L/h) further above; Herd's (90 L/h) is within it.</para>
// </remarks>
public sealed partial class PkParameterSet
{
    /// <summary>
    /// Racemic ketamine, 3-compartment, Domino et al. 1982 (Clin Pharmacol Ther 31:521, PMID 7198883) as transcribed in
    /// open TCI code: V1 0.063 L/kg; k10 0.4381, k12 0.5921, k13 0.5900, k21 0.2470, k31 0.0146 1/min. The default adult set.
    /// Clearance is parameterised as CL = k10 x V1 (1.656 L/h/kg, 116 L/h at 70 kg) so that variability can act on
    /// CL and V1 with the peripheral rate constants fixed (docs/model.md section 4.4). Norketamine: Otto 2021 (see the remarks).
    /// </summary>
    public static PkParameterSet Domino { get; } = RacemicSets.Domino();

    /// <summary>Racemic ketamine, 2-compartment, Hijazi et al. 2003 (Br J Anaesth 90:155, PMID 12538370): V1 1.08 L/kg; k10 0.0333, k12 0.0088, k21 0.0030 1/min. Norketamine: Otto 2021 (see the remarks).</summary>
    public static PkParameterSet Hijazi { get; } = RacemicSets.Hijazi();

    /// <summary>
    /// Racemic ketamine, 2-compartment, Clements and Nimmo 1981 (Br J Anaesth 53:27, PMID 7459184) as transcribed in opentiva
    /// (Clements250): V1 1.7522 L/kg; k10 0.0109, k12 0.0186, k21 0.0137 1/min. Its clearance (80 L/h at 70 kg) and Vss (289 L)
    /// lie within the Kamp 2020 meta-analysis intervals and its end-of-infusion concentration after 0.5 mg/kg over 40 min (177 ng/mL)
    /// is near the venous 185 ng/mL of depressed patients; offered for psychiatric designs, not the default (the effect calibration
    /// was done on <see cref="Domino"/>). Norketamine: Otto 2021 (see the remarks).
    /// </summary>
    public static PkParameterSet Clements { get; } = RacemicSets.Clements();

    /// <summary>
    /// Racemic ketamine in children (1-14 y), 2-compartment with allometric scaling, Herd et al. 2007: V1 38.7 L/70 kg and V2 102 L/70 kg
    /// (linear in weight), CL 90 L/h x (WT/70)^0.75, Q 215 L/h x (WT/70)^0.75. Norketamine: Otto 2021 (see the remarks), an adult model, so an extrapolation in children.
    /// </summary>
    public static PkParameterSet Herd { get; } = RacemicSets.Herd();

    /// <summary>
    /// Esketamine with noresketamine, Perez-Ruixo et al. 2021 (Clin Pharmacokinet 60:501, doi 10.1007/s40262-020-00953-4):
    /// 3 esketamine compartments plus a hepato-portal compartment (first pass), a 2-compartment apparent noresketamine model,
    /// and intranasal (nasal plus swallowed), oral and intravenous routes. Covariates: age (Qh), Asian (kel, noresketamine CL),
    /// Japanese (FRn).
    /// </summary>
    public static PkParameterSet PerezRuixo2021 { get; } = EsketamineSets.PerezRuixo2021();

    /// <summary>All built-in sets.</summary>
    public static ImmutableArray<PkParameterSet> All { get; } = [Domino, Hijazi, Clements, Herd, PerezRuixo2021];

    /// <summary>The keys of the built-in sets: domino, hijazi, clements, herd, perez-ruixo.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. All.Select(s => s.Key)];

    /// <summary>The set with the given <see cref="Key"/> (case-insensitive): domino, hijazi, clements, herd, perez-ruixo.</summary>
    /// <exception cref="ArgumentException">Unknown key; the message lists the known ones.</exception>
    public static PkParameterSet Get(string key) => Parse(key, "model");

    /// <summary>
    /// The built-in set with the given key, by the rules of <see cref="Vocabulary"/> (case, surrounding white space and
    /// <c>_</c> for <c>-</c> ignored).
    /// </summary>
    /// <param name="text">The key.</param>
    /// <param name="name">What the text is, for the message (a parameter or field name such as <c>model</c>, a JSON path).</param>
    /// <exception cref="ArgumentException">Unknown key; the message names <paramref name="name"/>, the text and the keys.</exception>
    public static PkParameterSet Parse(string text, string name = "model")
    {
        ArgumentNullException.ThrowIfNull(text);
        string key = Vocabulary.Normalize(text);
        return All.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase))
            ?? throw Vocabulary.Unknown(name, text, "model", Keys);
    }

    /// <summary>The default set for a drug: <see cref="Domino"/> for racemic ketamine, <see cref="PerezRuixo2021"/> for esketamine.</summary>
    public static PkParameterSet DefaultFor(Drug drug) => drug switch
    {
        Drug.RacemicKetamine => Domino,
        Drug.Esketamine => PerezRuixo2021,
        _ => throw new ArgumentOutOfRangeException(nameof(drug), drug, "Undefined drug."),
    };

    /// <summary>
    /// The model of an optional drug and an optional model, as every front end resolves them: the model when given (and
    /// then its drug), else the drug's default model (<see cref="DefaultFor"/>), else <see cref="Domino"/> for racemic ketamine.
    /// </summary>
    /// <param name="drug">The drug given, or null.</param>
    /// <param name="model">The model given, or null.</param>
    /// <param name="drugName">What the drug was given as, for the message (e.g. <c>drug</c>).</param>
    /// <param name="modelName">What the model was given as, for the message (e.g. <c>model</c>).</param>
    /// <returns>The parameter set; its <see cref="Drug"/> is the drug.</returns>
    /// <exception cref="ArgumentException">The model describes the other drug; the message names both and the fitting models.</exception>
    public static PkParameterSet Resolve(Drug? drug, PkParameterSet? model, string drugName = "drug", string modelName = "model")
    {
        if (model is null) return DefaultFor(drug ?? Drug.RacemicKetamine);
        if (drug is { } d && d != model.Drug)
            throw new ArgumentException($"{modelName} {model.Key} is a model of {Vocabulary.Name(model.Drug)}, but {drugName} {Vocabulary.Token(d)} " +
                $"was given; models of {Vocabulary.Name(d)} are {string.Join(", ", All.Where(s => s.Drug == d).Select(s => s.Key))}.");
        return model;
    }
}
