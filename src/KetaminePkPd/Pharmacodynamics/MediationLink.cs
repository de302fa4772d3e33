namespace KetaminePkPd.Pharmacodynamics;

/// <summary>
/// Mediation (docs/model.md section 5.3): part of one effect's filter input comes from another effect's size.
/// The input of <see cref="To"/> becomes (1 - share) x its own drive + share x the fraction of maximum of
/// <see cref="From"/> (which must have a maximum, e.g. a sigmoid Emax model). Immutable.
/// </summary>
/// <param name="From">Name of the mediating effect (e.g. <c>dissociation</c>).</param>
/// <param name="To">Name of the mediated effect, which must have filter states (e.g. <c>antidepressant</c>).</param>
/// <param name="Share">Share of the input that comes from the mediator, in [0, 1].</param>
public sealed record MediationLink(string From, string To, double Share)
{
    /// <summary>Share of the input taken from the mediator, in [0, 1].</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1].</exception>
    public double Share { get => _share; init => _share = Guard.InRange(value, 0, 1, nameof(Share)); }

    private readonly double _share = Guard.InRange(Share, 0, 1, nameof(Share));
}
