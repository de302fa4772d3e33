using System.Collections.Immutable;
using KetaminePkPd.DataSets;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Tests.Vocabulary;

/// <summary>
/// Regimens with an interval, additional doses and steady state (<see cref="DosingRegimen.Every"/>,
/// <see cref="DosingRegimen.WithSteadyState"/>): against closed forms of one-compartment steady states (Gibaldi and Perrier,
/// Pharmacokinetics, 2nd ed., chapter 3: multiple dosing) and against the data-set engine on the same events.
/// </summary>
public class SteadyStateRegimenTests
{
    private const double V = 20, Cl = 5, K = Cl / V, Ka = 1.2, F = 0.8; // L, L/h, 1/h, 1/h, -

    private static PkModel OneCompartment() => new(
        "one", Drug.RacemicKetamine, Subject.TypicalAdult,
        [new Compartment("central", CompartmentRole.Central, V), Compartment.Depot("gut")],
        [Transfer.Elimination("central", K), Transfer.Between("gut", "central", Ka)],
        [
            new RouteDefinition(Route.Intravenous, [new AbsorptionPathway("central", 1)], "test"),
            new RouteDefinition(Route.Oral, [new AbsorptionPathway("gut", F)], "test"),
        ], "closed-form test model");

    private static SimulationOptions Hourly(int hours) => SimulationOptions.Default.AtTimes(Enumerable.Range(0, hours + 1).Select(h => TimeSpan.FromHours(h)));

    private static void AssertRelative(double expected, double actual, double rel, string what)
    {
        double scale = Math.Max(Math.Abs(expected), 1e-12);
        Assert.True(Math.Abs(actual - expected) <= rel * scale,
            $"{what}: expected {expected:R}, got {actual:R} (relative error {Math.Abs(actual - expected) / scale:E2} > {rel:E1})");
    }

    [Fact]
    public void Simulate_IvBolusAtSteadyState_MatchesTheClosedForm()
    {
        // C(t) = D/V e^{-k t} / (1 - e^{-k tau}) for 0 <= t < tau after a dose at steady state (Gibaldi and Perrier, eq. 3.12).
        const double dose = 100, tau = 12;
        var regimen = DosingRegimen.Every(TimeSpan.FromHours(tau), Administration.IntravenousBolus(Dose.FromMilligrams(dose)), additionalDoses: 1, steadyState: true);
        var r = PkSimulator.Simulate(OneCompartment(), regimen, Hourly(23));
        for (int i = 0; i < r.TimesH.Length; i++)
        {
            double t = r.TimesH[i] % tau;
            AssertRelative(dose / V * Math.Exp(-K * t) / (1 - Math.Exp(-K * tau)) * 1000, r.ParentNgPerMl[i], 1e-10, $"C({r.TimesH[i]} h)");
        }
    }

    [Fact]
    public void Simulate_OralAtSteadyState_MatchesTheClosedForm()
    {
        // Bateman at steady state: C(t) = F D ka / (V (ka - k)) [e^{-k t}/(1 - e^{-k tau}) - e^{-ka t}/(1 - e^{-ka tau})] (eq. 3.38).
        const double dose = 40, tau = 8;
        var regimen = DosingRegimen.Every(TimeSpan.FromHours(tau), Administration.Oral(Dose.FromMilligrams(dose)), additionalDoses: 2, steadyState: true);
        var r = PkSimulator.Simulate(OneCompartment(), regimen, Hourly(24));
        for (int i = 0; i < r.TimesH.Length; i++)
        {
            double t = r.TimesH[i] % tau;
            double c = F * dose * Ka / (V * (Ka - K)) * (Math.Exp(-K * t) / (1 - Math.Exp(-K * tau)) - Math.Exp(-Ka * t) / (1 - Math.Exp(-Ka * tau)));
            AssertRelative(c * 1000, r.ParentNgPerMl[i], 1e-10, $"C({r.TimesH[i]} h)");
        }
    }

    [Fact]
    public void Simulate_InfusionAtSteadyState_EqualsTheDataSetEngineOnTheSameEvents()
    {
        // Domino 1982 (three compartments), 0.5 mg/kg over 40 min every 24 h at steady state, two additional doses; the data-set
        // engine gets AMT 35, RATE 52.5, II 24, ADDL 2, SS 1 and an observation every hour.
        var typical = Subject.TypicalAdult;
        double amount = 0.5 * typical.WeightKg, rate = amount / (40 / 60.0);
        var regimen = DosingRegimen.Every(TimeSpan.FromHours(24), Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)),
            additionalDoses: 2, steadyState: true);
        var r = PkSimulator.Simulate(PkParameterSet.Domino.CreateModel(typical), regimen, Hourly(72));

        var records = ImmutableArray.CreateBuilder<EventRecord>();
        records.Add(new EventRecord("1", 0, EventKind.Dose, amount, rate, 24, 2, SteadyStateKind.Replace));
        for (int h = 0; h <= 72; h++) records.Add(new EventRecord("1", h, EventKind.Observation));
        var prediction = DataSetSimulator.Simulate(DataSetModel.FromParameterSet(PkParameterSet.Domino), new DataSetSubject([], records.ToImmutable()));
        for (int h = 0; h <= 72; h++)
            AssertRelative(prediction.ConcentrationsNgPerMl[h + 1], r.ParentNgPerMl[h], 1e-10, $"C({h} h)");
        // Steady state holds: the trough before each dose is the same, and so is every hour of each interval.
        for (int h = 0; h < 24; h++) AssertRelative(r.ParentNgPerMl[h], r.ParentNgPerMl[h + 48], 1e-10, $"C({h} h) = C({h + 48} h)");
    }

    [Fact]
    public void Simulate_IntranasalAtSteadyState_IsPeriodic()
    {
        // Esketamine 56 mg (two devices 5 min apart, nasal and swallowed pathways) every 3.5 days at steady state.
        var regimen = DosingRegimen.Every(TimeSpan.FromDays(3.5), Administration.Intranasal(Dose.FromMilligrams(56)), additionalDoses: 1, steadyState: true);
        var r = PkSimulator.Simulate(PkParameterSet.PerezRuixo2021.CreateModel(Subject.TypicalAdult), regimen, Hourly(168));
        for (int h = 0; h < 84; h++) AssertRelative(r.ParentNgPerMl[h], r.ParentNgPerMl[h + 84], 1e-9, $"C({h} h) = C({h + 84} h)");
        Assert.True(r.ParentNgPerMl[0] > 0, "the trough at steady state is above zero");
    }

    [Fact]
    public void Simulate_SteadyStateRegimen_StartsAboveTheSingleDose()
    {
        var dose = Administration.Oral(Dose.FromMilligrams(40));
        var once = PkSimulator.Simulate(OneCompartment(), DosingRegimen.Single(dose), Hourly(8));
        var steady = PkSimulator.Simulate(OneCompartment(), DosingRegimen.Single(dose).WithSteadyState(TimeSpan.FromHours(8)), Hourly(8));
        // The difference is the decaying carry-over of the earlier doses: D F ka/(V(ka-k)) [e^{-kt} e^{-k tau}/(1-e^{-k tau}) - ...].
        double t = 8, tau = 8;
        double carry = F * 40 * Ka / (V * (Ka - K)) * (Math.Exp(-K * t) * Math.Exp(-K * tau) / (1 - Math.Exp(-K * tau)) - Math.Exp(-Ka * t) * Math.Exp(-Ka * tau) / (1 - Math.Exp(-Ka * tau)));
        AssertRelative(carry * 1000, steady.ParentNgPerMl[^1] - once.ParentNgPerMl[^1], 1e-9, "carry-over at 8 h");
    }

    [Fact]
    public void Every_CountsTheAdditionalDosesAndKeepsTheInterval()
    {
        var regimen = DosingRegimen.Every(TimeSpan.FromHours(12), Administration.Oral(Dose.FromMilligrams(40)).At(TimeSpan.FromHours(2)), additionalDoses: 3);
        Assert.Equal([2.0, 14, 26, 38], regimen.Administrations.Select(a => a.Start.TotalHours));
        Assert.Null(regimen.SteadyStateInterval);
        Assert.Equal(TimeSpan.FromHours(12), DosingRegimen.Every(TimeSpan.FromHours(12), regimen.Administrations[0], steadyState: true).SteadyStateInterval);
    }

    [Fact]
    public void WithSteadyState_DeliveryLongerThanTheInterval_ThrowsNamingTheRegimen()
    {
        var infusion = Administration.IntravenousInfusion(Dose.FromMilligrams(35), TimeSpan.FromHours(6));
        var ex = Assert.Throws<ArgumentException>(() => PkSimulator.Simulate(OneCompartment(), DosingRegimen.Single(infusion).WithSteadyState(TimeSpan.FromHours(4))));
        Assert.Equal("regimen", ex.ParamName);
        Assert.Contains("within the interval of 4 h", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void WithSteadyState_IntervalNotPositive_ThrowsNamingTheInterval(double hours)
    {
        var regimen = DosingRegimen.Single(Administration.Oral(Dose.FromMilligrams(40)));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => regimen.WithSteadyState(TimeSpan.FromHours(hours)));
        Assert.Equal("interval", ex.ParamName);
    }

    [Fact]
    public void Every_NegativeAdditionalDoses_ThrowsNamingTheParameter()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DosingRegimen.Every(TimeSpan.FromHours(12), Administration.Oral(Dose.FromMilligrams(40)), additionalDoses: -1));
        Assert.Equal("additionalDoses", ex.ParamName);
        Assert.Contains("got -1", ex.Message);
    }

    [Fact]
    public void Concat_KeepsTheSteadyStateOfTheFirstAdministration()
    {
        var first = DosingRegimen.Single(Administration.Oral(Dose.FromMilligrams(40))).WithSteadyState(TimeSpan.FromHours(8));
        var later = DosingRegimen.Single(Administration.Oral(Dose.FromMilligrams(20)).At(TimeSpan.FromHours(8)));
        Assert.Equal(TimeSpan.FromHours(8), first.Concat(later).SteadyStateInterval);
        Assert.Equal("other", Assert.Throws<ArgumentException>(() => later.Concat(first)).ParamName);
        // Equality includes the steady state.
        Assert.NotEqual(first, DosingRegimen.Single(Administration.Oral(Dose.FromMilligrams(40))));
    }
}
