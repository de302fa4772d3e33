namespace KetaminePkPd.Pharmacokinetics;

/// <summary>The esketamine parameter set of Perez-Ruixo et al. 2021, Table 3, with its covariate model.</summary>
/// <remarks>
/// Encoding follows the paper's Fig. 1 and the standard bioavailability encoding used by nlmixr2lib
/// (PerezRuixo_2020_esketamine): each intranasal device splits into a nasal part (FRn, first-order ka_n into central)
/// and a swallowed part ((1 - FRn_i) x Fgut, released zero-order over Dsw into a gut depot that empties at ka_sw into the
/// liver compartment); FRn_i = FRn for the first device and FRn x 0.62 for later devices of the same session.
/// </remarks>
internal static class EsketamineSets
{
    private const string Citation = "Perez-Ruixo C, Rossenu S, Zannikos P, Nandy P, Singh J, Drevets WC, Perez-Ruixo JJ. Population pharmacokinetics of esketamine nasal spray and its metabolite noresketamine in healthy subjects and patients with treatment-resistant depression. Clin Pharmacokinet 2021;60:501-516 (doi 10.1007/s40262-020-00953-4).";
    private const string T3 = "Perez-Ruixo 2021, Table 3";

    public static PkParameterSet PerezRuixo2021()
    {
        ModelParameter[] parameters =
        [
            new("FRN", 0.54, "-", "fraction of a nasal device absorbed through the nasal mucosa (first device)", T3 + " (IIV additive on logit, SD 0.708; Japanese x1.34)", ParameterScale.Logit, 0, 1, route: Route.Intranasal),
            new("FRN_LATER", 0.62, "-", "multiplier on FRn for the second and later devices of a session", T3 + ": dose effect on FRn 0.62", ParameterScale.Log, 0, 1.85, route: Route.Intranasal),
            new("KA_N", 2.93, "1/h", "nasal absorption rate constant", T3 + " (IIV 61.5% CV)", ParameterScale.Log, 1e-3, 1e3, route: Route.Intranasal),
            new("DSW", 0.53, "h", "zero-order release duration of the swallowed part of a nasal dose", T3, ParameterScale.Log, 0, 24, route: Route.Intranasal),
            new("KA_SW", 1.45, "1/h", "absorption rate constant of the swallowed part", T3 + " (IIV 132% CV)", ParameterScale.Log, 1e-3, 1e3, route: Route.Intranasal),
            new("DPO", 0.32, "h", "zero-order release duration of an oral solution", T3, ParameterScale.Log, 0, 24, route: Route.Oral),
            new("KA_PO", 0.97, "1/h", "oral absorption rate constant", T3 + " (IIV 132% CV)", ParameterScale.Log, 1e-3, 1e3, route: Route.Oral),
            new("FGUT", 0.64, "-", "fraction of a swallowed dose escaping gut metabolism", T3, ParameterScale.Logit, 0, 1),
            new("VC", 192, "L", "esketamine central volume", T3 + " (IIV 27.5% CV)", ParameterScale.Log, 1e-3, 1e5),
            new("Q1", 84.3, "L/h", "inter-compartmental clearance to peripheral 1", T3, ParameterScale.Log, 0, 1e5),
            new("VP1", 143, "L", "peripheral 1 volume", T3 + " (IIV 49.3% CV)", ParameterScale.Log, 1e-3, 1e5),
            new("Q2", 37.6, "L/h", "inter-compartmental clearance to peripheral 2", T3, ParameterScale.Log, 0, 1e5),
            new("VP2", 417, "L", "peripheral 2 volume", T3, ParameterScale.Log, 1e-3, 1e5),
            new("QH", 151, "L/h", "hepatic blood flow (minus 2.19 L/h per year of age above 60)", T3 + " (IIV 23.2% CV)", ParameterScale.Log, 1, 1e4),
            new("VH", 101, "L", "hepato-portal volume", T3 + " (IIV 34.6% CV)", ParameterScale.Log, 1e-3, 1e5),
            new("KEL", 1.11, "1/h", "hepatic elimination to other metabolites (x0.36 in Asian subjects)", T3 + " (IIV 120% CV)", ParameterScale.Log, 0, 1e3),
            new("KMET", 2.77, "1/h", "hepatic metabolism to noresketamine", T3 + " (IIV estimated but not reported; 30% CV assumed)", ParameterScale.Log, 0, 1e3),
            new("VCN", 70.0, "L", "noresketamine apparent central volume", T3 + " (IIV 31.6% CV)", ParameterScale.Log, 1e-3, 1e5),
            new("CLN", 38.0, "L/h", "noresketamine apparent clearance (x0.81 in Asian subjects)", T3 + " (IIV 25.4% CV)", ParameterScale.Log, 1e-3, 1e5),
            new("QN", 26.1, "L/h", "noresketamine apparent inter-compartmental clearance", T3, ParameterScale.Log, 0, 1e5),
            new("VPN", 115, "L", "noresketamine apparent peripheral volume", T3, ParameterScale.Log, 1e-3, 1e5),
        ];
        return new PkParameterSet("perez-ruixo", "Perez-Ruixo 2021 (esketamine + noresketamine)", Drug.Esketamine, Citation,
            "820 subjects (healthy and treatment-resistant depression), intranasal, intravenous and oral data. Systemic clearance emerges as Qh x E " +
            "(about 109-114 L/h). Known inconsistency of the published parameters: a literal encoding reproduces the paper's Table 4 esketamine Cmax and " +
            "AUC and noresketamine Cmax within a few %, but noresketamine AUC0-24 comes out about 1.4x high (also found by nlmixr2lib); it is not corrected here.",
            [.. parameters], [Route.Intravenous, Route.Intranasal, Route.Oral], Build);
    }

    // Every route kept, intravenous-only or not: the nasal depot comes first (a reduced model would not be the same bit for bit).
    private static PkModel Build(IndividualParameters p, Subject s, bool intravenousOnly)
    {
        double frn = Math.Min(1, p.Value(0) * (s.Ancestry == Ancestry.Japanese ? 1.34 : 1));
        double later = p.Value(1), kaN = p.Value(2), dsw = p.Value(3), kaSw = p.Value(4), dpo = p.Value(5), kaPo = p.Value(6), fgut = p.Value(7);
        double vc = p.Value(8), q1 = p.Value(9), vp1 = p.Value(10), q2 = p.Value(11), vp2 = p.Value(12);
        double qh = p.Value(13, Math.Max(1, p.Typical(13) - 2.19 * Math.Max(0, s.AgeYears - 60)));
        double vh = p.Value(14);
        double kel = p.Value(15) * (s.IsAsian ? 0.36 : 1), kmet = p.Value(16);
        double vcn = p.Value(17), cln = p.Value(18) * (s.IsAsian ? 0.81 : 1), qn = p.Value(19), vpn = p.Value(20);

        Compartment[] compartments =
        [
            Compartment.Depot("nasal"),
            Compartment.Depot("gut-swallowed"),
            Compartment.Depot("gut-oral"),
            new("central", CompartmentRole.Central, vc),
            new("peripheral1", CompartmentRole.Peripheral, vp1),
            new("peripheral2", CompartmentRole.Peripheral, vp2),
            new("liver", CompartmentRole.Hepatic, vh),
            new("noresketamine", CompartmentRole.MetaboliteCentral, vcn),
            new("noresketamine-peripheral", CompartmentRole.MetabolitePeripheral, vpn),
        ];
        Transfer[] transfers =
        [
            Transfer.Between("nasal", "central", kaN),
            Transfer.Between("gut-swallowed", "liver", kaSw),
            Transfer.Between("gut-oral", "liver", kaPo),
            Transfer.Between("central", "peripheral1", q1 / vc), Transfer.Between("peripheral1", "central", q1 / vp1),
            Transfer.Between("central", "peripheral2", q2 / vc), Transfer.Between("peripheral2", "central", q2 / vp2),
            Transfer.Between("central", "liver", qh / vc), Transfer.Between("liver", "central", qh / vh),
            Transfer.Elimination("liver", kel),
            Transfer.Between("liver", "noresketamine", kmet),
            Transfer.Between("noresketamine", "noresketamine-peripheral", qn / vcn), Transfer.Between("noresketamine-peripheral", "noresketamine", qn / vpn),
            Transfer.Elimination("noresketamine", cln / vcn),
        ];
        RouteDefinition[] routes =
        [
            new(Route.Intravenous, [new AbsorptionPathway("central", 1)], "intravenous: complete bioavailability"),
            new(Route.Intranasal,
                [
                    new AbsorptionPathway("nasal", frn, PathwayKind.Nasal),
                    new AbsorptionPathway("gut-swallowed", fgut, PathwayKind.SwallowedRemainder, zeroOrderDuration: Units.FromHours(dsw)),
                ],
                T3 + ": 28 mg devices 5 min apart; nasal FRn (x0.62 after the first device), swallowed (1 - FRn) x Fgut over Dsw",
                new IntranasalDevices(28, TimeSpan.FromMinutes(5), later)),
            new(Route.Oral, [new AbsorptionPathway("gut-oral", fgut, zeroOrderDuration: Units.FromHours(dpo))], T3 + ": oral solution, Fgut, zero-order over Dpo then ka_po into the liver"),
        ];
        return new PkModel("perez-ruixo", Drug.Esketamine, s, compartments, transfers, routes, Citation);
    }
}
