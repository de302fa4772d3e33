using System.Collections.Immutable;

namespace KetaminePkPd;

/// <summary>
/// Helpers for the value equality of records that hold sequences (a record's generated equality would compare an
/// <see cref="ImmutableArray{T}"/> by reference).
/// </summary>
internal static class ValueEquality
{
    /// <summary>Element-wise equality (default arrays equal only each other).</summary>
    public static bool Equal<T>(ImmutableArray<T> a, ImmutableArray<T> b)
    {
        if (a.IsDefault || b.IsDefault) return a.IsDefault && b.IsDefault;
        if (a.Length != b.Length) return false;
        var comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < a.Length; i++)
            if (!comparer.Equals(a[i], b[i])) return false;
        return true;
    }

    /// <summary>Field equality with the default comparer (as a record's generated equality does).</summary>
    public static bool Equal<T>(T a, T b) => EqualityComparer<T>.Default.Equals(a, b);

    /// <summary>A hash of the elements, consistent with <see cref="Equal{T}(ImmutableArray{T}, ImmutableArray{T})"/>.</summary>
    public static int Hash<T>(ImmutableArray<T> a)
    {
        var h = new HashCode();
        if (a.IsDefault) return 0;
        h.Add(a.Length);
        foreach (var x in a) h.Add(x);
        return h.ToHashCode();
    }
}
