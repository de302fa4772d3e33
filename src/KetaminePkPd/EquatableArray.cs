using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace KetaminePkPd;

/// <summary>
/// An immutable array with value equality: two arrays are equal when they hold equal elements in the same order
/// (<see cref="EqualityComparer{T}.Default"/>, so NaN equals NaN for <see cref="double"/>). A record that holds one gets
/// element-wise equality and a consistent hash from its generated members, where an <see cref="ImmutableArray{T}"/>
/// would compare by reference. Converts implicitly from and to <see cref="ImmutableArray{T}"/> and from arrays; a
/// collection expression (<c>[1.0, 2.0]</c>) builds one.
/// </summary>
/// <typeparam name="T">Element type.</typeparam>
/// <remarks>The default value is the empty array: <c>default(EquatableArray&lt;T&gt;)</c> equals <c>[]</c>, has length 0 and
/// the same hash.</remarks>
[CollectionBuilder(typeof(EquatableArrayBuilder), nameof(EquatableArrayBuilder.Create))]
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    private readonly ImmutableArray<T> _items;

    /// <summary>Wraps <paramref name="items"/> (no copy); a default array becomes the empty array.</summary>
    /// <param name="items">The elements.</param>
    public EquatableArray(ImmutableArray<T> items) => _items = items.IsDefault ? [] : items;

    /// <summary>The empty array.</summary>
    public static EquatableArray<T> Empty => default;

    private ImmutableArray<T> Items => _items.IsDefault ? [] : _items;

    /// <summary>Number of elements.</summary>
    public int Length => _items.IsDefault ? 0 : _items.Length;

    /// <summary>True when there are no elements.</summary>
    public bool IsEmpty => Length == 0;

    /// <summary>True when there are no elements (as <see cref="IsEmpty"/>: there is no separate default state).</summary>
    public bool IsDefaultOrEmpty => Length == 0;

    /// <summary>The element at <paramref name="index"/>.</summary>
    /// <param name="index">In [0, <see cref="Length"/>).</param>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside [0, <see cref="Length"/>).</exception>
    public T this[int index] => Items[index];

    int IReadOnlyCollection<T>.Count => Length;

    /// <summary>The elements as a span (no copy).</summary>
    public ReadOnlySpan<T> AsSpan() => Items.AsSpan();

    /// <summary>Index of the first element equal to <paramref name="item"/>, or -1.</summary>
    /// <param name="item">The element to find.</param>
    public int IndexOf(T item) => Items.IndexOf(item);

    /// <summary>The elements as an <see cref="ImmutableArray{T}"/> (no copy; never a default array).</summary>
    public ImmutableArray<T> AsImmutableArray() => Items;

    /// <summary>An enumerator over the elements (no allocation).</summary>
    public ImmutableArray<T>.Enumerator GetEnumerator() => Items.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)Items).GetEnumerator();

    /// <summary>True when both hold equal elements in the same order.</summary>
    /// <param name="other">The array to compare with.</param>
    public bool Equals(EquatableArray<T> other) => AsSpan().SequenceEqual(other.AsSpan(), EqualityComparer<T>.Default);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    /// <summary>A hash of the length and the elements, consistent with <see cref="Equals(EquatableArray{T})"/>.</summary>
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Length);
        foreach (var x in AsSpan()) h.Add(x);
        return h.ToHashCode();
    }

    /// <summary>Lists the elements, e.g. <c>[1, 2, 3]</c>.</summary>
    public override string ToString() => "[" + string.Join(", ", Items) + "]";

    /// <summary>Element-wise equality.</summary>
    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    /// <summary>Element-wise inequality.</summary>
    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    /// <summary>Wraps an immutable array (a default array becomes empty).</summary>
    public static implicit operator EquatableArray<T>(ImmutableArray<T> items) => new(items);

    /// <summary>Copies an array (null becomes empty).</summary>
    public static implicit operator EquatableArray<T>(T[]? items) => new(items is null ? [] : ImmutableArray.Create(items));

    /// <summary>The elements as an immutable array (no copy).</summary>
    public static implicit operator ImmutableArray<T>(EquatableArray<T> array) => array.Items;
}
