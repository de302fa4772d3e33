using System.Collections.Immutable;
using FsCheck.Xunit;

namespace KetaminePkPd.Tests.Vocabulary;

/// <summary><see cref="EquatableArray{T}"/>: element-wise equality, hashes consistent with it, default equal to empty.</summary>
public class EquatableArrayTests
{
    [Property(MaxTest = 200)]
    public bool Equals_SameArray_IsReflexive(int[] items)
    {
        EquatableArray<int> a = items, same = a;
        return a.Equals(same) && a == same && !(a != same) && a.Equals((object)same);
    }

    [Property(MaxTest = 200)]
    public bool Equals_TwoArrays_IsSymmetric(int[] x, int[] y)
    {
        EquatableArray<int> a = x, b = y;
        return a.Equals(b) == b.Equals(a) && (a == b) == (b == a);
    }

    [Property(MaxTest = 200)]
    public bool Equals_CopiesOfTheSameElements_AreEqualWithEqualHashCodes(int[] items)
    {
        // Two separate arrays with the same contents, one through ImmutableArray and one through a collection expression.
        EquatableArray<int> a = ImmutableArray.Create(items);
        EquatableArray<int> b = [.. items.ToList()];
        return a == b && a.GetHashCode() == b.GetHashCode() && a.Length == items.Length;
    }

    [Property(MaxTest = 200)]
    public bool Equals_IsElementWise(int[] x, int[] y)
    {
        EquatableArray<int> a = x, b = y;
        return (a == b) == x.AsSpan().SequenceEqual(y);
    }

    [Property(MaxTest = 200)]
    public bool Equals_OneElementChanged_IsFalse(int[] items, int at)
    {
        if (items.Length == 0) return true;
        int k = Math.Abs(at % items.Length);
        var changed = (int[])items.Clone();
        changed[k] = unchecked(changed[k] + 1);
        EquatableArray<int> a = items, b = changed;
        return a != b;
    }

    [Fact]
    public void Default_EqualsEmpty_WithLengthZeroAndTheSameHash()
    {
        EquatableArray<double> none = default, empty = [], fromDefault = default(ImmutableArray<double>), fromNull = (double[]?)null;
        Assert.Equal(0, none.Length);
        Assert.True(none.IsEmpty);
        Assert.True(none == empty);
        Assert.True(fromDefault == empty);
        Assert.True(fromNull == empty);
        Assert.Equal(empty.GetHashCode(), none.GetHashCode());
        Assert.Empty(none);
        Assert.False(none.AsImmutableArray().IsDefault);
        Assert.NotEqual(none, (EquatableArray<double>)[0.0]);
    }

    [Fact]
    public void Equals_NaNElements_AreEqual()
    {
        // double.Equals treats NaN as equal to itself, so a record holding NaN still equals its copy.
        EquatableArray<double> a = [1.0, double.NaN], b = [1.0, double.NaN];
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Members_ReadTheElements()
    {
        EquatableArray<string> a = ["x", "y", "z"];
        Assert.Equal("y", a[1]);
        Assert.Equal(2, a.IndexOf("z"));
        Assert.Equal(-1, a.IndexOf("w"));
        Assert.Equal(["x", "y", "z"], a.AsSpan().ToArray());
        Assert.Equal("[x, y, z]", a.ToString());
        Assert.Equal(3, ((IReadOnlyList<string>)a).Count);
    }
}
