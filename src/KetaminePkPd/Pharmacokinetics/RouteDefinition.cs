using System.Collections.Immutable;

namespace KetaminePkPd.Pharmacokinetics;

/// <summary>
/// How a model takes a dose by one route: the absorption pathways, an optional device rule for nasal sprays, and, where
/// the literature disagrees, the documented range of the bioavailability. Immutable.
/// </summary>
public sealed record RouteDefinition
{
    /// <summary>Creates a route definition.</summary>
    /// <param name="route">The route.</param>
    /// <param name="pathways">At least one pathway; the <see cref="PathwayKind.Direct"/> and <see cref="PathwayKind.Nasal"/> fractions must sum to at most 1.</param>
    /// <param name="source">Where the absorption parameters come from.</param>
    /// <param name="devices">Device rule for nasal sprays; only with <see cref="Route.Intranasal"/>.</param>
    /// <param name="bioavailabilityRange">The documented range of the bioavailability when it is uncertain (e.g. 0.11-0.45 for racemic intranasal), else null.</param>
    /// <param name="bioavailabilityParameter">Name of the parameter set's parameter that holds this route's bioavailability, if any
    /// (so a what-if can vary it across <paramref name="bioavailabilityRange"/>).</param>
    /// <exception cref="ArgumentException">No pathways, fractions summing above 1, devices on another route, or a bad range.</exception>
    internal RouteDefinition(Route route, IEnumerable<AbsorptionPathway> pathways, string source, IntranasalDevices? devices = null, (double Low, double High)? bioavailabilityRange = null,
        string? bioavailabilityParameter = null)
        : this(route, pathways, Guard.NotNull(source, nameof(source)), null, devices, bioavailabilityRange, bioavailabilityParameter)
    {
    }

    /// <summary>As the other constructor, with the source text made from <paramref name="sourceText"/> when first read: a text with the
    /// individual's numbers in it costs more to format than the rest of the model to build, and a simulation never reads it.</summary>
    internal RouteDefinition(Route route, IEnumerable<AbsorptionPathway> pathways, Func<string> sourceText, IntranasalDevices? devices = null,
        (double Low, double High)? bioavailabilityRange = null, string? bioavailabilityParameter = null)
        : this(route, pathways, null, Guard.NotNull(sourceText, nameof(sourceText)), devices, bioavailabilityRange, bioavailabilityParameter)
    {
    }

    private RouteDefinition(Route route, IEnumerable<AbsorptionPathway> pathways, string? source, Func<string>? sourceText, IntranasalDevices? devices,
        (double Low, double High)? bioavailabilityRange, string? bioavailabilityParameter)
    {
        ArgumentNullException.ThrowIfNull(pathways);
        Route = route;
        Pathways = pathways.ToImmutableArray();
        _source = new SourceText(source, sourceText);
        if (Pathways.IsEmpty) throw new ArgumentException($"Route {route} needs at least one absorption pathway.", nameof(pathways));
        double direct = 0;
        foreach (var p in Pathways)
            if (p.Kind != PathwayKind.SwallowedRemainder) direct += p.Fraction;
        if (direct > 1 + 1e-12) throw new ArgumentException($"Route {route}: direct and nasal fractions must sum to at most 1, got {Guard.F(direct)}.", nameof(pathways));
        if (devices is not null && route != Route.Intranasal) throw new ArgumentException($"A device rule applies only to the intranasal route, got {route}.", nameof(devices));
        if (bioavailabilityRange is { } r && (!(r.Low >= 0) || !(r.High <= 1) || r.Low > r.High))
            throw new ArgumentOutOfRangeException(nameof(bioavailabilityRange), r, $"bioavailabilityRange must satisfy 0 <= low <= high <= 1, got ({Guard.F(r.Low)}, {Guard.F(r.High)}).");
        Devices = devices;
        BioavailabilityRange = bioavailabilityRange;
        BioavailabilityParameter = bioavailabilityParameter;
    }

    /// <summary>The route.</summary>
    public Route Route { get; }

    /// <summary>Absorption pathways.</summary>
    internal EquatableArray<AbsorptionPathway> Pathways { get; }

    private readonly SourceText _source;

    /// <summary>Where the absorption parameters come from.</summary>
    public string Source => _source.Value;

    /// <summary>The source text, made on first read when it was given as a function; equal when the texts are (so the record's
    /// generated equality compares the text however it was made). Two threads reading it first at once make the same text.</summary>
    private sealed class SourceText(string? text, Func<string>? make) : IEquatable<SourceText>
    {
        private string? _text = text;

        public string Value => _text ??= make!();

        public bool Equals(SourceText? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as SourceText);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);
    }

    /// <summary>Nasal spray device rule, or null.</summary>
    public IntranasalDevices? Devices { get; }

    /// <summary>Documented range of the bioavailability where it is uncertain, else null.</summary>
    public (double Low, double High)? BioavailabilityRange { get; }

    /// <summary>Name of the parameter holding this route's bioavailability, or null.</summary>
    public string? BioavailabilityParameter { get; }
}
