using System.Collections.Immutable;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Populations;

namespace KetaminePkPd.Trials;

/// <summary>
/// A virtual trial: its arms, the population it enrols, the clinical model (baseline, placebo, rating noise), the
/// rating scale and the assessment times. Every time is measured from the start of the first dose. Immutable and
/// always valid. Standard designs are on <see cref="TrialDesign"/>; any design can be read from JSON with
/// <see cref="TrialDesignJson"/>.
/// </summary>
public sealed partial record TrialDesign
{
    /// <summary>The most arms a design may have: 100.</summary>
    public const int MaxArms = 100;

    /// <summary>The most depression assessment times a design may have: 500.</summary>
    public const int MaxAssessments = 500;

    /// <summary>Creates a design.</summary>
    /// <param name="name">Name.</param>
    /// <param name="arms">One or more arms (names unique).</param>
    /// <param name="population">Population (its PK set fixes the drug).</param>
    /// <param name="assessments">Depression assessment times, strictly increasing, each in (0, 10 years].</param>
    /// <param name="cadssTime">When the CADSS is rated, in (0, 7 days]; default 40 min.</param>
    /// <param name="scale">Depression rating scale; default MADRS.</param>
    /// <param name="clinical">Clinical model; default <see cref="ClinicalModel.Default"/>.</param>
    /// <exception cref="ArgumentException">No arms or more than <see cref="MaxArms"/>, duplicate arm names, bad times or more than
    /// <see cref="MaxAssessments"/>, or an arm whose route the PK set does not support.</exception>
    public TrialDesign(string name, IEnumerable<TrialArm> arms, PopulationModel population, IEnumerable<TimeSpan> assessments,
        TimeSpan? cadssTime = null, RatingScale scale = RatingScale.Madrs, ClinicalModel? clinical = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(assessments);
        Name = name;
        Arms = [.. arms];
        Population = population;
        Assessments = [.. assessments];
        CadssTime = cadssTime ?? TimeSpan.FromMinutes(40);
        Scale = Enum.IsDefined(scale) ? scale : throw new ArgumentOutOfRangeException(nameof(scale), scale, "Undefined rating scale.");
        Clinical = clinical ?? ClinicalModel.Default;
        if (Arms.IsEmpty) throw new ArgumentException("A trial needs at least one arm.", nameof(arms));
        if (Arms.Length > MaxArms) throw new ArgumentException($"A trial may have at most {MaxArms} arms, got {Arms.Length}.", nameof(arms));
        if (Assessments.Length > MaxAssessments) throw new ArgumentException($"A trial may have at most {MaxAssessments} assessment times, got {Assessments.Length}.", nameof(assessments));
        if (Arms.Select(a => a.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != Arms.Length)
            throw new ArgumentException("Arm names must be unique.", nameof(arms));
        foreach (var arm in Arms)
            if (!population.Pk.Routes.Contains(arm.Administration.Route))
                throw new ArgumentException($"Arm '{arm.Name}': model '{population.Pk.Key}' does not support route {arm.Administration.Route}; it supports {string.Join(", ", population.Pk.Routes)}.", nameof(arms));
        if (Assessments.IsEmpty) throw new ArgumentException("A trial needs at least one depression assessment time.", nameof(assessments));
        for (int i = 0; i < Assessments.Length; i++)
        {
            if (Assessments[i] <= TimeSpan.Zero || Assessments[i] > TimeSpan.FromDays(3653))
                throw new ArgumentOutOfRangeException(nameof(assessments), Assessments[i], $"Assessment times must be in (0, 10 years], got {Durations.Format(Assessments[i])}.");
            if (i > 0 && Assessments[i] <= Assessments[i - 1])
                throw new ArgumentException($"Assessment times must be strictly increasing, got {Durations.Format(Assessments[i - 1])} then {Durations.Format(Assessments[i])}.", nameof(assessments));
        }
        if (CadssTime <= TimeSpan.Zero || CadssTime > TimeSpan.FromDays(7))
            throw new ArgumentOutOfRangeException(nameof(cadssTime), CadssTime, $"cadssTime must be in (0, 7 days], got {Durations.Format(CadssTime)}.");
    }

    /// <summary>Name.</summary>
    public string Name { get; }

    /// <summary>Arms, in allocation order: subjects 0 .. n1-1 are in the first arm, and so on.</summary>
    public EquatableArray<TrialArm> Arms { get; }

    /// <summary>The population enrolled.</summary>
    public PopulationModel Population { get; }

    /// <summary>Depression assessment times.</summary>
    public EquatableArray<TimeSpan> Assessments { get; }

    /// <summary>CADSS rating time.</summary>
    public TimeSpan CadssTime { get; }

    /// <summary>Depression rating scale.</summary>
    public RatingScale Scale { get; }

    /// <summary>Baseline, placebo and noise.</summary>
    public ClinicalModel Clinical { get; }

    /// <summary>The drug (from the population's PK set).</summary>
    public Drug Drug => Population.Pk.Drug;

    /// <summary>Patients over all arms.</summary>
    public int TotalSubjects => Arms.Sum(a => a.Subjects);

    /// <summary>The arm of subject <paramref name="index"/>.</summary>
    /// <param name="index">Subject index, in [0, <see cref="TotalSubjects"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">Negative, or not below <see cref="TotalSubjects"/>.</exception>
    public int ArmOf(int index)
    {
        if (index < 0) throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {TotalSubjects}), got {index}.");
        for (int a = 0, end = 0; a < Arms.Length; a++)
        {
            end += Arms[a].Subjects;
            if (index < end) return a;
        }
        throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {TotalSubjects}), got {index}.");
    }

    /// <summary>
    /// A copy with every arm resized in proportion so the total is <paramref name="subjects"/>: each arm gets the whole part
    /// of its share (at least one patient) and the remaining patients go to the arms with the largest remainders (the
    /// largest-remainder method), earlier arms first on ties.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer subjects than arms.</exception>
    public TrialDesign WithTotalSubjects(int subjects)
    {
        if (subjects < Arms.Length) throw new ArgumentOutOfRangeException(nameof(subjects), subjects, $"subjects must be at least the number of arms ({Arms.Length}), got {subjects}.");
        int total = TotalSubjects;
        var shares = Arms.Select(a => (double)subjects * a.Subjects / total).ToArray();
        var counts = shares.Select(s => Math.Max(1, (int)Math.Floor(s))).ToArray();
        var order = Enumerable.Range(0, Arms.Length).OrderByDescending(i => shares[i] - Math.Floor(shares[i])).ThenBy(i => i).ToArray();
        for (int k = 0; counts.Sum() < subjects; k = (k + 1) % order.Length) counts[order[k]]++;
        for (int k = order.Length - 1; counts.Sum() > subjects; k = (k - 1 + order.Length) % order.Length)
            if (counts[order[k]] > 1) counts[order[k]]--;
        return With(arms: Arms.Select((a, i) => a.WithSubjects(counts[i])));
    }

    /// <summary>A copy with some parts replaced (null keeps the current one).</summary>
    public TrialDesign With(string? name = null, IEnumerable<TrialArm>? arms = null, PopulationModel? population = null, IEnumerable<TimeSpan>? assessments = null,
        TimeSpan? cadssTime = null, RatingScale? scale = null, ClinicalModel? clinical = null) =>
        new(name ?? Name, arms ?? Arms, population ?? Population, assessments ?? Assessments, cadssTime ?? CadssTime, scale ?? Scale, clinical ?? Clinical);
}
