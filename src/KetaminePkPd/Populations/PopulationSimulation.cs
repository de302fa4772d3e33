namespace KetaminePkPd.Populations;

/// <summary>
/// The outcome of <see cref="PopulationModel.Simulate"/>: how many virtual patients were simulated with which seed, and
/// the between-patient bands (percentiles at each output time) of the parent concentration and of each built-in effect.
/// Immutable.
/// </summary>
public sealed record PopulationSimulation
{
    internal PopulationSimulation(int subjects, ulong seed, DosingRegimen regimen, TimeCourseBand concentration, TimeCourseBand dissociation, TimeCourseBand antidepressant)
    {
        Subjects = subjects;
        Seed = seed;
        Regimen = regimen;
        Concentration = concentration;
        Dissociation = dissociation;
        Antidepressant = antidepressant;
    }

    /// <summary>Virtual patients simulated (patients 0 .. Subjects-1 of the population drawn with <see cref="Seed"/>).</summary>
    public int Subjects { get; }

    /// <summary>The seed the patients were drawn with.</summary>
    public ulong Seed { get; }

    /// <summary>The regimen every patient received.</summary>
    public DosingRegimen Regimen { get; }

    /// <summary>Output times, h (the same for every band).</summary>
    public EquatableArray<double> TimesH => Concentration.TimesH;

    /// <summary>Output times as durations from time zero.</summary>
    public EquatableArray<TimeSpan> Times => Concentration.Times;

    /// <summary>Parent (ketamine or esketamine) plasma concentration band, ng/mL.</summary>
    public TimeCourseBand Concentration { get; }

    /// <summary>Dissociation band, CADSS points (<see cref="Pharmacodynamics.EffectParameterSet.Dissociation"/>).</summary>
    public TimeCourseBand Dissociation { get; }

    /// <summary>Antidepressant drug-effect band, MADRS points, negative = improvement (<see cref="Pharmacodynamics.EffectParameterSet.Antidepressant"/>).</summary>
    public TimeCourseBand Antidepressant { get; }
}
