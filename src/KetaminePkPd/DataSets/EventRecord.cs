using System.Collections.Immutable;

namespace KetaminePkPd.DataSets;

/// <summary>
/// One record of a NONMEM-style event data set: an observation, a dose, a reset, or another event, with its time and the
/// values of the data set's other columns (covariates and per-record model parameters). Immutable and always valid.
/// </summary>
/// <remarks>
/// Units: time in h, amounts in mg, rates in mg/h, <c>II</c> in h. The dosing columns follow NONMEM: <c>RATE</c> 0 is a
/// bolus, &gt; 0 a fixed-rate infusion, -1 an infusion whose rate is the model's <c>R</c>n, -2 one whose duration is the
/// model's <c>D</c>n (n the compartment number). <c>SS</c> 1 or 2 needs <c>II</c> &gt; 0, except the steady-state constant
/// infusion (<c>AMT 0</c>, <c>RATE</c> &gt; 0 or -1, <c>II 0</c>). See docs/datasets.md.
/// </remarks>
internal sealed record EventRecord
{
    /// <summary>Creates a record.</summary>
    /// <param name="id">Subject identifier, as written in the data set (not empty).</param>
    /// <param name="timeH">Time, h, finite.</param>
    /// <param name="kind">The event (<c>EVID</c>).</param>
    /// <param name="amountMg">Dose amount (<c>AMT</c>), mg, finite and &gt;= 0; &gt; 0 on a dose except a steady-state constant infusion (<c>AMT 0</c>, <c>RATE</c> &gt; 0 or -1, <c>II 0</c>, <c>SS</c> 1 or 2).</param>
    /// <param name="rateMgPerH">Infusion rate (<c>RATE</c>): 0 bolus, &gt; 0 mg/h, -1 modeled rate, -2 modeled duration.</param>
    /// <param name="intervalH">Interdose interval (<c>II</c>), h, finite and &gt;= 0; &gt; 0 with additional doses or steady state (except a constant infusion).</param>
    /// <param name="additionalDoses">Additional doses every <paramref name="intervalH"/> after this one (<c>ADDL</c>), 0 to 1,000,000.</param>
    /// <param name="steadyState">Steady-state flag (<c>SS</c>).</param>
    /// <param name="compartment">Compartment number (<c>CMT</c>), 1-based; 0 for the model's default (its dose compartment for a dose, central for an observation).</param>
    /// <param name="values">Values of the data set's other columns, in the order of <see cref="DataSetSubject.ColumnNames"/>; each finite.</param>
    /// <param name="row">Line number in the file (header = 1), or 0 for a record built in code; used in error messages.</param>
    /// <exception cref="DataSetFormatException">A value out of range or an inconsistent combination; the message names the row and column.</exception>
    public EventRecord(string id, double timeH, EventKind kind, double amountMg = 0, double rateMgPerH = 0, double intervalH = 0, int additionalDoses = 0,
        SteadyStateKind steadyState = SteadyStateKind.None, int compartment = 0, ImmutableArray<double> values = default, int row = 0)
    {
        Row = row;
        Id = !string.IsNullOrWhiteSpace(id) ? id : throw Bad("ID", "the subject ID must not be empty.");
        TimeH = double.IsFinite(timeH) ? timeH : throw Bad("TIME", $"must be a finite number of hours, got {Guard.F(timeH)}.");
        Kind = Enum.IsDefined(kind) ? kind : throw Bad("EVID", $"must be 0 (observation), 1 (dose), 2 (other), 3 (reset) or 4 (reset and dose), got {(int)kind}.");
        Compartment = compartment >= 0 ? compartment
            : throw Bad("CMT", $"must be a compartment number >= 1 (or 0 for the default); switching compartments off (negative CMT) is not supported, got {compartment}.");
        if (!double.IsFinite(amountMg) || amountMg < 0 || amountMg > MaxAmountMg) throw Bad("AMT", $"must be finite and in [0, {R(MaxAmountMg)}] mg, got {R(amountMg)}.");
        if (!double.IsFinite(rateMgPerH) || (rateMgPerH < 0 && rateMgPerH != -1 && rateMgPerH != -2) || rateMgPerH > MaxRateMgPerH)
            throw Bad("RATE", $"must be 0 (bolus), in (0, {R(MaxRateMgPerH)}] (mg/h), -1 (rate from the model's R) or -2 (duration from the model's D), got {R(rateMgPerH)}.");
        if (!double.IsFinite(intervalH) || intervalH < 0) throw Bad("II", $"must be finite and >= 0 h, got {Guard.F(intervalH)}.");
        if (additionalDoses is < 0 or > 1_000_000) throw Bad("ADDL", $"must be in [0, 1000000], got {additionalDoses}.");
        if (!Enum.IsDefined(steadyState)) throw Bad("SS", $"must be 0, 1 or 2, got {(int)steadyState}.");
        Values = values.IsDefault ? [] : values;
        foreach (var v in Values)
            if (!double.IsFinite(v)) throw Bad("(covariate)", $"values must be finite, got {Guard.F(v)}.");

        bool isDose = kind is EventKind.Dose or EventKind.ResetAndDose;
        if (isDose)
        {
            bool constantInfusion = steadyState != SteadyStateKind.None && amountMg == 0 && (rateMgPerH > 0 || rateMgPerH == -1) && intervalH == 0;
            if (amountMg == 0 && steadyState != SteadyStateKind.None && rateMgPerH == -2 && intervalH == 0)
                throw Bad("RATE", $"a steady-state constant infusion (AMT 0, II 0, SS {(int)steadyState}) takes its rate from RATE > 0 or, with RATE -1, from the model's Rn; " +
                    "RATE -2 (a modeled duration) means nothing without an amount.");
            if (amountMg == 0 && !constantInfusion)
                throw Bad("AMT", (kind == EventKind.ResetAndDose
                    ? "EVID 4 (reset and dose) needs AMT > 0 (or AMT 0 with RATE > 0 or -1, II 0 and SS 1 or 2: a steady-state infusion); for a reset alone use EVID 3."
                    : "a dose (EVID 1) needs AMT > 0 (or AMT 0 with RATE > 0 or -1, II 0 and SS 1 or 2: a steady-state infusion).")
                    + (rateMgPerH == -1 && steadyState == SteadyStateKind.None ? " RATE -1 with AMT 0 and SS 0 gives no dose: a modeled-rate infusion needs AMT > 0, or SS 1 or 2 for a steady-state one." : ""));
            if (steadyState != SteadyStateKind.None && intervalH == 0 && !constantInfusion)
                throw Bad("II", $"SS {(int)steadyState} needs II > 0 (the dosing interval), got 0.");
            if (constantInfusion && additionalDoses > 0) throw Bad("ADDL", "a steady-state constant infusion (AMT 0, RATE > 0 or -1, II 0) takes no additional doses.");
            if (additionalDoses > 0 && intervalH == 0) throw Bad("II", $"ADDL {additionalDoses} needs II > 0, got 0.");
            AmountMg = amountMg;
            RateMgPerH = rateMgPerH;
            IntervalH = intervalH;
            AdditionalDoses = additionalDoses;
            SteadyState = steadyState;
        }
    }

    /// <summary>The largest dose amount: 1e9 mg (a tonne), so that every concentration stays a finite number.</summary>
    public const double MaxAmountMg = 1e9;

    /// <summary>The largest infusion rate: 1e9 mg/h.</summary>
    public const double MaxRateMgPerH = 1e9;

    /// <summary>Subject identifier.</summary>
    public string Id { get; }

    /// <summary>Time, h.</summary>
    public double TimeH { get; }

    /// <summary>The event (<c>EVID</c>).</summary>
    public EventKind Kind { get; }

    /// <summary>Dose amount, mg (0 on records that are not doses).</summary>
    public double AmountMg { get; }

    /// <summary><c>RATE</c>: 0 bolus, &gt; 0 mg/h, -1 modeled rate, -2 modeled duration (0 on records that are not doses).</summary>
    public double RateMgPerH { get; }

    /// <summary>Interdose interval, h (0 on records that are not doses).</summary>
    public double IntervalH { get; }

    /// <summary>Additional doses after this one (0 on records that are not doses).</summary>
    public int AdditionalDoses { get; }

    /// <summary>Steady-state flag (<see cref="SteadyStateKind.None"/> on records that are not doses).</summary>
    public SteadyStateKind SteadyState { get; }

    /// <summary>Compartment number, 1-based, or 0 for the model's default.</summary>
    public int Compartment { get; }

    /// <summary>Values of the other columns, in the order of <see cref="DataSetSubject.ColumnNames"/>.</summary>
    public EquatableArray<double> Values { get; }

    /// <summary>Line number in the file (header = 1), or 0.</summary>
    public int Row { get; }

    /// <summary>True for a dose (<c>EVID</c> 1 or 4).</summary>
    public bool IsDose => Kind is EventKind.Dose or EventKind.ResetAndDose;

    /// <summary>
    /// True for a steady-state constant infusion: <c>AMT 0</c>, <c>RATE</c> &gt; 0 (or -1: the rate is the model's Rn),
    /// <c>II 0</c>, <c>SS</c> 1 or 2.
    /// </summary>
    public bool IsConstantInfusion => IsDose && SteadyState != SteadyStateKind.None && AmountMg == 0 && (RateMgPerH > 0 || RateMgPerH == -1) && IntervalH == 0;

    private DataSetFormatException Bad(string column, string problem) => new(Row, column, problem);

    private static string R(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
