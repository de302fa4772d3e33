using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace KetaminePkPd.Pharmacokinetics;

/// <summary>The racemic ketamine parameter sets: disposition, norketamine (Otto 2021, S-norketamine applied to racemic), and the non-intravenous routes.</summary>
internal static class RacemicSets
{
    private const string DominoCitation = "Domino EF et al., as transcribed in open TCI code (StanPump, opentiva): V1 0.063 L/kg; k10 0.4381, k12 0.5921, k13 0.5900, k21 0.2470, k31 0.0146 1/min. " +
        "The transcriptions attribute it inconsistently: Domino EF, Zsigmond EK, et al. Anesth Analg 1982;61:87-92 (PMID 7198883), or Domino EF et al. Clin Pharmacol Ther 1984;36:645-653.";
    private const string HijaziCitation = "Hijazi Y, Bodonian C, Bolon M, Salord F, Boulieu R. Pharmacokinetics and haemodynamics of ketamine in intensive care patients with brain or spinal cord injury. Br J Anaesth 2003;90:155-160 (PMID 12538370).";
    private const string ClementsCitation = "Clements JA, Nimmo WS. Br J Anaesth 1981;53:27 (PMID 7459184), as transcribed in opentiva (class Clements250): V1 1.7522 L/kg; k10 0.0109, k12 0.0186, k21 0.0137 1/min.";
    private const string HerdCitation = "Herd DW, Anderson BJ. Ketamine disposition in children presenting for procedural sedation and analgesia in a children's emergency department. Paediatr Anaesth 2007;17:622-629 (PMID 17564643).";
    private const string OttoCitation = "Otto ME, Bergmann KR, Jacobs G, van Esdonk MJ. Predictive performance of parent-metabolite population pharmacokinetic models of (S)-ketamine " +
        "in healthy volunteers. Eur J Clin Pharmacol 2021;77:1181-1192 (doi 10.1007/s00228-021-03104-1), Table 3, as traced by nlmixr2lib (Otto_2021_s_ketamine)";
    private const string NkApplied = "S-norketamine after intravenous S-ketamine in 48 healthy adults (venous samples). PROVISIONAL as a model of racemic norketamine: " +
        "applied to total (R + S) norketamine, assuming R-norketamine is formed and cleared like S-norketamine (not measured)";

    // Shared tail of every racemic parameter list: norketamine (then, for sets that take them, the routes). Otto's parameters are apparent
    // values for fm = 1 (fm is not identifiable from plasma data), so FM and CL_NK, V_NK go together.
    private static readonly ModelParameter[] Norketamine =
    [
        new("FM", 1.0, "-", "fraction of the metabolised parent (systemic, and first pass of a swallowed dose) that forms norketamine",
            $"{OttoCitation}: all S-ketamine clearance assumed to form S-norketamine; {NkApplied}", ParameterScale.Logit, 0, 1, isProvisional: true),
        new("CL_NK", 57.7, "L/h/70kg", "norketamine clearance, x (WT/70)^0.75", $"{OttoCitation}: S-norketamine CL 57.7 L/h (RSE 5.7%); {NkApplied}", ParameterScale.Log, 1e-3, 1e4, isProvisional: true),
        new("V_NK", 98.6, "L/70kg", "norketamine central volume, x WT/70", $"{OttoCitation}: S-norketamine V 98.6 L (RSE 3.8%); {NkApplied}", ParameterScale.Log, 1e-3, 1e5, isProvisional: true),
        new("Q_NK", 42.8, "L/h", "norketamine inter-compartmental clearance (not weight-scaled, as in Otto's code)", $"{OttoCitation}: S-norketamine Q 42.8 L/h (RSE 7.5%); {NkApplied}", ParameterScale.Log, 0, 1e4, isProvisional: true),
        new("VP_NK", 160.0, "L", "norketamine peripheral volume (not weight-scaled, as in Otto's code)", $"{OttoCitation}: S-norketamine Vp 160 L (RSE 17.6%); {NkApplied}", ParameterScale.Log, 1e-3, 1e5, isProvisional: true),
    ];

    public static PkParameterSet Domino()
    {
        ModelParameter[] disposition =
        [
            new("V1", 0.063, "L/kg", "central volume", "Domino 1982: V1 = 0.063 L/kg", ParameterScale.Log, 1e-4, 100),
            new("CL", 0.4381 * 60 * 0.063, "L/h/kg", "clearance, CL = k10 x V1 (k10 = 0.4381 1/min)", "Domino 1982: k10 = 0.4381 1/min", ParameterScale.Log, 1e-4, 100),
            new("K12", 0.5921, "1/min", "central to peripheral 1", "Domino 1982", ParameterScale.Log, 0, 100),
            new("K13", 0.5900, "1/min", "central to peripheral 2", "Domino 1982", ParameterScale.Log, 0, 100),
            new("K21", 0.2470, "1/min", "peripheral 1 to central", "Domino 1982", ParameterScale.Log, 1e-6, 100),
            new("K31", 0.0146, "1/min", "peripheral 2 to central", "Domino 1982", ParameterScale.Log, 1e-6, 100),
        ];
        return Create("domino", "Domino 1982 (racemic ketamine, 3-compartment)", DominoCitation,
            "Default adult set (anaesthesia TCI). Its clearance, 116 L/h at 70 kg, is above the Kamp 2020 meta-analysis estimate of 79 L/h (95% CI 69-90) per 70 kg. " +
            "Norketamine: Otto 2021's S-norketamine parameters applied to racemic norketamine (PROVISIONAL for racemic use); non-intravenous absorption parameters are from the sources cited on each parameter.",
            disposition, (p, s, ivOnly) =>
            {
                double v1 = p.Value(0) * s.WeightKg, cl = p.Value(1) * s.WeightKg;
                double k12 = p.Value(2) * 60, k13 = p.Value(3) * 60, k21 = p.Value(4) * 60, k31 = p.Value(5) * 60;
                ReadOnlySpan<Compartment> parent =
                [
                    new("central", CompartmentRole.Central, v1),
                    new("peripheral1", CompartmentRole.Peripheral, v1 * k12 / k21),
                    new("peripheral2", CompartmentRole.Peripheral, v1 * k13 / k31),
                ];
                ReadOnlySpan<Transfer> flows =
                [
                    Transfer.Between("central", "peripheral1", k12), Transfer.Between("peripheral1", "central", k21),
                    Transfer.Between("central", "peripheral2", k13), Transfer.Between("peripheral2", "central", k31),
                ];
                return Assemble("domino", DominoCitation, s, p, disposition.Length, parent, flows, cl / v1, leaveOutDepots: ivOnly);
            });
    }

    public static PkParameterSet Hijazi() => TwoCompartmentFromMicroConstants("hijazi", "Hijazi 2003 (racemic ketamine, 2-compartment)", HijaziCitation, "Hijazi 2003",
        1.08, 0.0333, 0.0088, 0.0030,
        "12 intensive-care patients with brain or spinal cord injury (terminal half-life 4.9 h): not a normal-adult set. Clearance 151 L/h at 70 kg, above the Kamp 2020 estimate (79 L/h per 70 kg). " +
            "Norketamine: Otto 2021 (S-norketamine, PROVISIONAL for racemic use).");

    public static PkParameterSet Clements() => TwoCompartmentFromMicroConstants("clements", "Clements 1981 (racemic ketamine, 2-compartment, large central volume)", ClementsCitation,
        "Clements 1981", 1.7522, 0.0109, 0.0186, 0.0137,
        "Its large central volume predicts the slower, lower peaks of venous samples: 177 ng/mL at the end of 0.5 mg/kg over 40 min against about 185 ng/mL " +
            "reported in depressed patients (Zarate 2006), where Domino predicts 240. Clearance 80 L/h and Vss 289 L at 70 kg, within the Kamp 2020 intervals " +
            "(79 L/h, 69-90; 252 L, 200-304). The sampling site of the original study was not verified. Not the default: the PROVISIONAL effect calibration was " +
            "done on Domino's effect-site course (docs/validation.md). Norketamine: Otto 2021 (S-norketamine, PROVISIONAL for racemic use).");

    /// <summary>A 2-compartment set given as V1 (L/kg) and micro-constants (1/min), with CL = k10 V1 as the parameter variability acts on.</summary>
    private static PkParameterSet TwoCompartmentFromMicroConstants(string key, string name, string citation, string source, double v1PerKg, double k10PerMin,
        double k12PerMin, double k21PerMin, string notes)
    {
        ModelParameter[] disposition =
        [
            new("V1", v1PerKg, "L/kg", "central volume", $"{source}: V1 = {v1PerKg.ToString(System.Globalization.CultureInfo.InvariantCulture)} L/kg", ParameterScale.Log, 1e-4, 100),
            new("CL", k10PerMin * 60 * v1PerKg, "L/h/kg", $"clearance, CL = k10 x V1 (k10 = {k10PerMin.ToString(System.Globalization.CultureInfo.InvariantCulture)} 1/min)",
                $"{source}: k10 = {k10PerMin.ToString(System.Globalization.CultureInfo.InvariantCulture)} 1/min", ParameterScale.Log, 1e-4, 100),
            new("K12", k12PerMin, "1/min", "central to peripheral", source, ParameterScale.Log, 0, 100),
            new("K21", k21PerMin, "1/min", "peripheral to central", source, ParameterScale.Log, 1e-6, 100),
        ];
        return Create(key, name, citation, notes, disposition, (p, s, ivOnly) =>
        {
            double v1 = p.Value(0) * s.WeightKg, cl = p.Value(1) * s.WeightKg;
            double k12 = p.Value(2) * 60, k21 = p.Value(3) * 60;
            ReadOnlySpan<Compartment> parent =
            [
                new("central", CompartmentRole.Central, v1),
                new("peripheral1", CompartmentRole.Peripheral, v1 * k12 / k21),
            ];
            ReadOnlySpan<Transfer> flows = [Transfer.Between("central", "peripheral1", k12), Transfer.Between("peripheral1", "central", k21)];
            return Assemble(key, citation, s, p, disposition.Length, parent, flows, cl / v1, leaveOutDepots: ivOnly);
        });
    }

    public static PkParameterSet Herd()
    {
        ModelParameter[] disposition =
        [
            new("V1", 38.7, "L/70kg", "central volume (linear in weight)", "Herd 2007", ParameterScale.Log, 1e-3, 1e5),
            new("V2", 102, "L/70kg", "peripheral volume (linear in weight)", "Herd 2007", ParameterScale.Log, 1e-3, 1e5),
            new("CL", 90, "L/h/70kg", "clearance, x (WT/70)^0.75", "Herd 2007", ParameterScale.Log, 1e-3, 1e5),
            new("Q", 215, "L/h/70kg", "inter-compartmental clearance, x (WT/70)^0.75", "Herd 2007", ParameterScale.Log, 0, 1e5),
        ];
        return Create("herd", "Herd 2007 (racemic ketamine in children, 2-compartment, allometric)", HerdCitation,
            "54 children (8.3 +/- 3.5 y, 32.5 +/- 15.6 kg), intravenous data only, so this set takes intravenous doses only; use it with the child's weight. " +
            "Clearance 90 L/h per 70 kg, within the Kamp 2020 interval. Norketamine: Otto 2021 (S-norketamine in adults, PROVISIONAL for racemic use and for children; its peripheral volume and clearance are not weight-scaled).",
            disposition, (p, s, _) =>
            {
                double w = s.WeightKg / 70, a = Math.Pow(w, 0.75);
                double v1 = p.Value(0) * w, v2 = p.Value(1) * w, cl = p.Value(2) * a, q = p.Value(3) * a;
                ReadOnlySpan<Compartment> parent =
                [
                    new("central", CompartmentRole.Central, v1),
                    new("peripheral1", CompartmentRole.Peripheral, v2),
                ];
                ReadOnlySpan<Transfer> flows = [Transfer.Between("central", "peripheral1", q / v1), Transfer.Between("peripheral1", "central", q / v2)];
                return Assemble("herd", HerdCitation, s, p, disposition.Length, parent, flows, cl / v1, intravenousOnly: true);
            }, intravenousOnly: true);
    }

    private static PkParameterSet Create(string key, string name, string citation, string notes, ModelParameter[] disposition, PkModelBuilder build, bool intravenousOnly = false) =>
        intravenousOnly
            ? new(key, name, Drug.RacemicKetamine, citation, notes, [.. disposition, .. Norketamine], [Route.Intravenous], build)
            : new(key, name, Drug.RacemicKetamine, citation, notes, [.. disposition, .. Norketamine, .. RacemicRoutes.Parameters], [Route.Intravenous, .. RacemicRoutes.Extravascular], build);

    /// <summary>The intravenous route into central: the same for every subject and immutable, so one instance serves every model.</summary>
    private static readonly RouteDefinition Intravenous = new(Route.Intravenous, [new AbsorptionPathway("central", 1)], "intravenous: complete bioavailability");

    /// <summary>The routes of a model that takes intravenous doses only (immutable, shared likewise).</summary>
    private static readonly ImmutableArray<RouteDefinition> IntravenousRoutes = [Intravenous];

    /// <summary>
    /// Adds norketamine, the absorption depots and the routes to a parent disposition model; <c>k10PerH</c> is the parent's total
    /// elimination rate constant from central, 1/h, and <c>tail</c> the index of the first norketamine parameter (FM). With
    /// <c>leaveOutDepots</c> the model takes intravenous doses only: the route parameters are checked but no depot is added (the
    /// depots come after the other compartments, so the reduced system of an intravenous regimen is the same bit for bit). The parent's
    /// compartments and flows come as spans: the builders' collection expressions then stay off the heap (copied into the model's arrays).
    /// </summary>
    /// <remarks>Norketamine after Otto 2021: central V_NK x (WT/70) and clearance CL_NK x (WT/70)^0.75, a peripheral compartment
    /// VP_NK with inter-compartmental clearance Q_NK (neither weight-scaled, as in Otto's code), fed by FM x k10 x A_central.</remarks>
    private static PkModel Assemble(string key, string citation, Subject s, IndividualParameters p, int tail,
        ReadOnlySpan<Compartment> parent, ReadOnlySpan<Transfer> parentFlows, double k10PerH, bool intravenousOnly = false, bool leaveOutDepots = false)
    {
        double w = s.WeightKg / 70, a = Math.Pow(w, 0.75);
        double fm = p.Value(tail), clNk = p.Value(tail + 1) * a, vNk = p.Value(tail + 2) * w, qNk = p.Value(tail + 3), vpNk = p.Value(tail + 4);
        var compartments = new Compartment[parent.Length + 2];
        parent.CopyTo(compartments);
        compartments[^2] = new("norketamine", CompartmentRole.MetaboliteCentral, vNk);
        compartments[^1] = new("norketamine-peripheral", CompartmentRole.MetabolitePeripheral, vpNk);
        var transfers = new Transfer[parentFlows.Length + 5];
        parentFlows.CopyTo(transfers);
        int at = parentFlows.Length;
        transfers[at++] = Transfer.Between("central", "norketamine", fm * k10PerH);
        transfers[at++] = Transfer.Elimination("central", (1 - fm) * k10PerH);
        transfers[at++] = Transfer.Between("norketamine", "norketamine-peripheral", qNk / vNk);
        transfers[at++] = Transfer.Between("norketamine-peripheral", "norketamine", qNk / vpNk);
        transfers[at] = Transfer.Elimination("norketamine", clNk / vNk);
        if (intravenousOnly || leaveOutDepots)
        {
            if (leaveOutDepots) RacemicRoutes.Check(p, tail + Norketamine.Length);
            // Exact arrays that the model keeps as they are (wrapped, not copied: a trial builds one model per patient).
            return new PkModel(key, Drug.RacemicKetamine, s, ImmutableCollectionsMarshal.AsImmutableArray(compartments),
                ImmutableCollectionsMarshal.AsImmutableArray(transfers), IntravenousRoutes, citation);
        }
        // Sized for every route's depots and transfers (no list grows).
        var compartmentList = new List<Compartment>(compartments.Length + RacemicRoutes.Specs.Length + 1);
        compartmentList.AddRange(compartments);
        var transferList = new List<Transfer>(transfers.Length + RacemicRoutes.Specs.Length + 3);
        transferList.AddRange(transfers);
        var routes = new List<RouteDefinition>(2 + RacemicRoutes.Specs.Length) { Intravenous };
        RacemicRoutes.Add(p, tail + Norketamine.Length, fm, compartmentList, transferList, routes);
        return new PkModel(key, Drug.RacemicKetamine, s, compartmentList, transferList, routes, citation);
    }
}
