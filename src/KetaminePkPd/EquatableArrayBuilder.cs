using System.Collections.Immutable;

namespace KetaminePkPd;

/// <summary>Builds <see cref="EquatableArray{T}"/> values (the collection-expression builder).</summary>
public static class EquatableArrayBuilder
{
    /// <summary>An array of a copy of <paramref name="items"/>.</summary>
    /// <typeparam name="T">Element type.</typeparam>
    /// <param name="items">The elements.</param>
    public static EquatableArray<T> Create<T>(ReadOnlySpan<T> items) => new(ImmutableArray.Create(items));
}
