using System.Collections.Immutable;

namespace KetaminePkPd;

/// <summary>
/// A dosing regimen: one or more administrations, kept in order of start time. Immutable.
/// </summary>
/// <example><code>
/// // Twice-weekly intranasal esketamine 56 mg for 4 weeks
/// var r = DosingRegimen.Repeated(Administration.Intranasal(Dose.FromMilligrams(56)), count: 8, interval: TimeSpan.FromDays(3.5));
/// </code></example>
public sealed record DosingRegimen
{
    /// <summary>The largest number of administrations in one regimen.</summary>
    public const int MaxAdministrations = 10_000;

    /// <summary>The latest start <see cref="Repeated"/> accepts for the last administration: 10 000 years.</summary>
    public static readonly TimeSpan MaxStart = TimeSpan.FromDays(3_652_500);

    private DosingRegimen(ImmutableArray<Administration> administrations) => Administrations = administrations;

    /// <summary>The administrations, sorted by <see cref="Administration.Start"/> (stable for equal starts); never empty.</summary>
    public EquatableArray<Administration> Administrations { get; }

    /// <summary>A regimen of one administration.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="administration"/> is null.</exception>
    public static DosingRegimen Single(Administration administration)
    {
        ArgumentNullException.ThrowIfNull(administration);
        return new([administration]);
    }

    /// <summary>A regimen of any list of administrations (each carrying its own start time).</summary>
    /// <exception cref="ArgumentException">The list is empty, holds a null, or has more than 10 000 entries.</exception>
    public static DosingRegimen Of(IEnumerable<Administration> administrations)
    {
        ArgumentNullException.ThrowIfNull(administrations);
        var list = administrations.ToList();
        if (list.Count == 0) throw new ArgumentException("administrations must hold at least one administration, got none.", nameof(administrations));
        if (list.Count > MaxAdministrations) throw new ArgumentException($"administrations must hold at most {MaxAdministrations} entries, got {list.Count}.", nameof(administrations));
        if (list.Any(a => a is null)) throw new ArgumentException("administrations must not contain null.", nameof(administrations));
        return new([.. list.OrderBy(a => a.Start)]);
    }

    /// <summary>A regimen of any list of administrations.</summary>
    /// <exception cref="ArgumentException">Empty, a null entry, or too many entries.</exception>
    public static DosingRegimen Of(params Administration[] administrations) => Of((IEnumerable<Administration>)administrations);

    /// <summary><paramref name="count"/> copies of <paramref name="first"/>, the k-th starting at first.Start + k x <paramref name="interval"/>.</summary>
    /// <param name="first">The first administration.</param>
    /// <param name="count">Number of administrations, in [1, 10 000].</param>
    /// <param name="interval">Time between starts; &gt; 0 when <paramref name="count"/> &gt; 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count or interval out of range, or a last start later than <see cref="MaxStart"/>.</exception>
    public static DosingRegimen Repeated(Administration first, int count, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(first);
        if (count < 1 || count > MaxAdministrations)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"count must be in [1, {MaxAdministrations}], got {count}.");
        if (count > 1)
        {
            Guard.Positive(interval, nameof(interval));
            // The last start must be a representable time (TimeSpan ticks are 64-bit): at most 10 000 years from time zero.
            if ((double)interval.Ticks * (count - 1) + first.Start.Ticks > MaxStart.Ticks)
                throw new ArgumentOutOfRangeException(nameof(interval), interval,
                    $"interval x (count - 1) must end within {MaxStart.TotalDays / 365.25:0} years of time zero, got {Durations.Format(interval)} x {count - 1}.");
        }
        return new([.. Enumerable.Range(0, count).Select(k => first.At(first.Start + k * interval))]);
    }

    /// <summary>
    /// A dose and <paramref name="additionalDoses"/> more every <paramref name="interval"/> (mrgsolve's
    /// <c>ev(amt, ii, addl, ss)</c>, NONMEM's AMT/II/ADDL/SS), optionally at steady state: with <paramref name="steadyState"/>,
    /// the patient is taken to have received <paramref name="dose"/> every <paramref name="interval"/> forever before the first
    /// administration (see <see cref="WithSteadyState"/>).
    /// </summary>
    /// <param name="interval">Time between starts, &gt; 0 (and at least the dose's delivery time when <paramref name="steadyState"/>).</param>
    /// <param name="dose">The dose, given first at its <see cref="Administration.Start"/>.</param>
    /// <param name="additionalDoses">Doses after the first, in [0, 9 999].</param>
    /// <param name="steadyState">Whether the first dose finds the steady state of the repeated dose.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dose"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> not positive, <paramref name="additionalDoses"/>
    /// outside [0, 9 999], or a last start beyond <see cref="MaxStart"/>.</exception>
    /// <example><code>
    /// // Oral 40 mg every 12 h at steady state, then 4 more doses (mrgsolve: ev(amt = 40, ii = 12, addl = 4, ss = 1))
    /// var r = DosingRegimen.Every(TimeSpan.FromHours(12), Administration.Oral(Dose.FromMilligrams(40)), additionalDoses: 4, steadyState: true);
    /// </code></example>
    public static DosingRegimen Every(TimeSpan interval, Administration dose, int additionalDoses = 0, bool steadyState = false)
    {
        ArgumentNullException.ThrowIfNull(dose);
        Guard.Positive(interval, nameof(interval));
        if (additionalDoses < 0 || additionalDoses > MaxAdministrations - 1)
            throw new ArgumentOutOfRangeException(nameof(additionalDoses), additionalDoses, $"additionalDoses must be in [0, {MaxAdministrations - 1}], got {additionalDoses}.");
        var regimen = Repeated(dose, additionalDoses + 1, interval);
        return steadyState ? regimen.WithSteadyState(interval) : regimen;
    }

    /// <summary>
    /// The interval of the dosing assumed before the first administration, or null when the patient starts drug-free (the
    /// default). When set, the pharmacokinetic compartments at the first administration's start hold the steady state of
    /// the first administration repeated every interval forever (NONMEM's SS=1), solved exactly as the data-set engine does;
    /// the first administration is then given on top. Effect states (effect sites, tolerance, plasticity) start from zero.
    /// </summary>
    public TimeSpan? SteadyStateInterval { get; private init; }

    /// <summary>
    /// A copy in which the patient has received <see cref="Administrations"/>[0] every <paramref name="interval"/> forever
    /// before it (see <see cref="SteadyStateInterval"/>). Every part of that dose (absorption lags, device sprays,
    /// zero-order releases, the infusion) must be delivered within one interval; the check is made when a model expands the
    /// regimen (<see cref="Pharmacokinetics.PkSimulator.Simulate"/> throws <see cref="ArgumentException"/> otherwise).
    /// </summary>
    /// <param name="interval">The interval of the earlier doses, in (0, 10 000 years].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not positive or exceeds <see cref="MaxStart"/>.</exception>
    public DosingRegimen WithSteadyState(TimeSpan interval)
    {
        Guard.Positive(interval, nameof(interval));
        if (interval > MaxStart)
            throw new ArgumentOutOfRangeException(nameof(interval), interval, $"interval must be at most {MaxStart.TotalDays / 365.25:0} years, got {Durations.Format(interval)}.");
        return this with { SteadyStateInterval = interval };
    }

    /// <summary>This regimen plus <paramref name="other"/>'s administrations, merged in time order.</summary>
    /// <remarks>A steady state (<see cref="SteadyStateInterval"/>) belongs to a regimen's first administration: this regimen's is
    /// kept when its first administration stays first; <paramref name="other"/> must have none.</remarks>
    /// <exception cref="ArgumentException"><paramref name="other"/> has a steady state, or this one has and <paramref name="other"/> starts earlier.</exception>
    public DosingRegimen Concat(DosingRegimen other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.SteadyStateInterval is not null)
            throw new ArgumentException("other must not have a steady state: a steady state applies to the first administration of the whole regimen.", nameof(other));
        var merged = Of(Administrations.Concat(other.Administrations));
        if (SteadyStateInterval is not { } ss) return merged;
        if (other.Administrations[0].Start < Administrations[0].Start)
            throw new ArgumentException($"other starts at {Durations.Format(other.Administrations[0].Start)}, before this regimen's steady-state first dose at {Durations.Format(Administrations[0].Start)}.", nameof(other));
        return merged.WithSteadyState(ss);
    }

    /// <summary>Time of the last event: the latest start or infusion end.</summary>
    public TimeSpan End => Administrations.Max(a => a.Start + a.InfusionDuration);

    /// <summary>Lists the administrations, one per line.</summary>
    public override string ToString() => string.Join(Environment.NewLine, Administrations)
        + (SteadyStateInterval is { } ss ? $"{Environment.NewLine}(at steady state: the first administration given every {Durations.Format(ss)} before)" : "");
}
