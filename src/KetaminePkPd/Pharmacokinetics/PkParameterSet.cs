using System.Collections.Immutable;

namespace KetaminePkPd.Pharmacokinetics;

/// <summary>
/// A named, cited set of pharmacokinetic parameters with its covariate model: the recipe that turns a
/// <see cref="Subject"/> (and, for a virtual population, that subject's random effects) into a <see cref="PkModel"/>.
/// Immutable; <see cref="WithParameter"/> returns a modified copy.
/// </summary>
/// <remarks>
/// <para>The built-in, cited sets are static members: racemic ketamine <see cref="Domino"/>, <see cref="Hijazi"/>,
/// <see cref="Clements"/> and <see cref="Herd"/> with norketamine (Otto 2021, PROVISIONAL for racemic use), and esketamine
/// <see cref="PerezRuixo2021"/> with noresketamine; <see cref="All"/>, <see cref="Get"/>, <see cref="DefaultFor"/>. Units: amounts mg
/// (metabolite amounts in mg of parent equivalents), volumes L, time h; concentrations are reported in ng/mL. Sources and
/// cross-checks (Kamp 2020 meta-analysis): docs/model.md section 3 and the comments of PkParameterSet.Catalogue.cs.</para>
/// </remarks>
public sealed partial class PkParameterSet
{
    private readonly PkModelBuilder _build;
    private readonly ImmutableDictionary<string, int> _byName;

    internal PkParameterSet(string key, string displayName, Drug drug, string citation, string notes,
        ImmutableArray<ModelParameter> parameters, ImmutableArray<Route> routes, PkModelBuilder build)
    {
        Key = key;
        DisplayName = displayName;
        Drug = drug;
        Citation = citation;
        Notes = notes;
        Parameters = parameters;
        Routes = routes;
        _build = build;
        _byName = parameters.Select((p, i) => (p.Name, i)).ToImmutableDictionary(x => x.Name, x => x.i, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Identifier used by the CLI and scenario files (e.g. <c>domino</c>, <c>perez-ruixo</c>).</summary>
    public string Key { get; }

    /// <summary>Human-readable name.</summary>
    public string DisplayName { get; }

    /// <summary>The drug the set describes.</summary>
    public Drug Drug { get; }

    /// <summary>Literature reference of the disposition parameters.</summary>
    public string Citation { get; }

    /// <summary>What a user should know: population studied, known inconsistencies, provisional parts.</summary>
    public string Notes { get; }

    /// <summary>Parameters with typical values, units, scales of variability and sources, in the order random effects use.</summary>
    public ImmutableArray<ModelParameter> Parameters { get; }

    /// <summary>Routes the models built from this set accept.</summary>
    public ImmutableArray<Route> Routes { get; }

    /// <summary>The parameters a simulation of doses by <paramref name="route"/> depends on: those of every route and that route's own.</summary>
    public IEnumerable<ModelParameter> ParametersFor(Route route) => Parameters.Where(p => p.Route is null || p.Route == route);

    /// <summary>True when any parameter is provisional.</summary>
    public bool HasProvisionalParameters => Parameters.Any(p => p.IsProvisional);

    /// <summary>Index of the named parameter (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such parameter; the message lists the names.</exception>
    public int IndexOf(string parameterName)
    {
        ArgumentNullException.ThrowIfNull(parameterName);
        return _byName.TryGetValue(parameterName, out int i) ? i
            : throw new ArgumentException($"Parameter set '{Key}' has no parameter '{parameterName}'; it has {string.Join(", ", Parameters.Select(p => p.Name))}.", nameof(parameterName));
    }

    /// <summary>Index of the named parameter (case-insensitive), without throwing.</summary>
    internal bool TryIndexOf(string parameterName, out int index) => _byName.TryGetValue(parameterName, out index);

    /// <summary>The named parameter (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such parameter.</exception>
    public ModelParameter this[string parameterName] => Parameters[IndexOf(parameterName)];

    /// <summary>A copy with the typical value of one parameter replaced (for example a racemic intranasal bioavailability within its documented range).</summary>
    /// <param name="parameterName">Parameter name (case-insensitive).</param>
    /// <param name="value">New typical value, within the parameter's [Min, Max].</param>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Value out of the parameter's range.</exception>
    public PkParameterSet WithParameter(string parameterName, double value)
    {
        int i = IndexOf(parameterName);
        return new PkParameterSet(Key, DisplayName, Drug, Citation, Notes, Parameters.SetItem(i, Parameters[i].WithValue(value)), Routes, _build);
    }

    /// <summary>The model of a subject with typical (population) parameter values adjusted for the subject's covariates.</summary>
    /// <param name="subject">The subject.</param>
    /// <exception cref="ArgumentNullException"><paramref name="subject"/> is null.</exception>
    /// <exception cref="ArgumentException">Parameter values that contradict each other (racemic intranasal: F_IN below FGUT_IN x FH_IN).</exception>
    public PkModel CreateModel(Subject subject) => CreateModel(subject, ReadOnlySpan<double>.Empty);

    /// <summary>The model of a subject with individual random effects.</summary>
    /// <param name="subject">The subject (covariates).</param>
    /// <param name="randomEffects">One eta per entry of <see cref="Parameters"/>, applied on that parameter's <see cref="ModelParameter.Scale"/>;
    /// empty for typical values. Values must be finite.</param>
    /// <exception cref="ArgumentException">Wrong length or a non-finite eta, or individual values that contradict each other (racemic
    /// intranasal: F_IN below the swallowed part's availability FGUT_IN x FH_IN).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An individual value falls outside its parameter's range.</exception>
    public PkModel CreateModel(Subject subject, ReadOnlySpan<double> randomEffects) => Build(subject, randomEffects, intravenousOnly: false);

    /// <summary>
    /// The model of <see cref="CreateModel(Subject, ReadOnlySpan{double})"/> for simulating <paramref name="regimen"/> only: when every
    /// dose is intravenous and not at steady state, a set may leave out the other routes' depots (a trial builds one model per patient,
    /// and the depots, their transfers and route definitions were most of it). Every parameter is still checked, so the same exceptions.
    /// </summary>
    /// <remarks>A set leaves them out only where they follow every other compartment: no flow enters a depot, so K is block
    /// triangular with them last, its LU factors and the solves for the integral weights and the clearance do the same arithmetic on the
    /// other compartments (the depots' rows add only exact zeros), and the regimen's reduced system (<c>ReducedSystem</c>) is the same
    /// bit for bit (tested).</remarks>
    internal PkModel CreateModel(Subject subject, ReadOnlySpan<double> randomEffects, DosingRegimen regimen)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        bool intravenousOnly = regimen.SteadyStateInterval is null;
        foreach (var a in regimen.Administrations)
            if (a.Route != Route.Intravenous) intravenousOnly = false;
        return Build(subject, randomEffects, intravenousOnly);
    }

    /// <summary>The individual model after the checks both <c>CreateModel</c>s make (names the bad argument).</summary>
    private PkModel Build(Subject subject, ReadOnlySpan<double> randomEffects, bool intravenousOnly)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (!randomEffects.IsEmpty && randomEffects.Length != Parameters.Length)
            throw new ArgumentException($"randomEffects must be empty or hold {Parameters.Length} values (one per parameter of '{Key}'), got {randomEffects.Length}.", nameof(randomEffects));
        foreach (var eta in randomEffects)
            if (!double.IsFinite(eta)) throw new ArgumentException($"randomEffects must be finite, got {eta}.", nameof(randomEffects));
        return _build(new IndividualParameters(Parameters, randomEffects), subject, intravenousOnly);
    }

    /// <summary>Returns <see cref="DisplayName"/>.</summary>
    public override string ToString() => DisplayName;
}

/// <summary>Builds an individual's model from its parameters and covariates; with <paramref name="intravenousOnly"/> it may leave out
/// the depots of the other routes where they come last (<see cref="PkParameterSet.CreateModel(Subject, ReadOnlySpan{double}, DosingRegimen)"/>).</summary>
internal delegate PkModel PkModelBuilder(IndividualParameters p, Subject subject, bool intravenousOnly);

/// <summary>Typical values and random effects of one individual, read by index.</summary>
internal readonly ref struct IndividualParameters(ImmutableArray<ModelParameter> parameters, ReadOnlySpan<double> etas)
{
    private readonly ReadOnlySpan<double> _etas = etas;

    /// <summary>The typical value of parameter <paramref name="i"/>.</summary>
    public double Typical(int i) => parameters[i].Value;

    /// <summary>The individual value of parameter <paramref name="i"/>: its typical value with the eta applied on its scale.</summary>
    public double Value(int i) => Value(i, parameters[i].Value);

    /// <summary>The individual value of parameter <paramref name="i"/> from a covariate-adjusted typical value.</summary>
    public double Value(int i, double adjustedTypical) => parameters[i].Individual(adjustedTypical, _etas.IsEmpty ? 0 : _etas[i]);
}
