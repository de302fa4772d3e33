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
    public ImmutableArray<Administration> Administrations { get; }

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

    /// <summary>This regimen plus <paramref name="other"/>'s administrations, merged in time order.</summary>
    public DosingRegimen Concat(DosingRegimen other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Of(Administrations.Concat(other.Administrations));
    }

    /// <summary>Time of the last event: the latest start or infusion end.</summary>
    public TimeSpan End => Administrations.Max(a => a.Start + a.InfusionDuration);

    /// <summary>Lists the administrations, one per line.</summary>
    public override string ToString() => string.Join(Environment.NewLine, Administrations);

    /// <summary>Value equality: every member, sequences element by element.</summary>
    /// <param name="other">The record to compare with.</param>
    public bool Equals(DosingRegimen? other) => ReferenceEquals(this, other) || other is not null
        && ValueEquality.Equal(Administrations, other.Administrations);

    /// <summary>A hash consistent with <see cref="Equals(DosingRegimen)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(ValueEquality.Hash(Administrations));
}
