using System.Collections.Immutable;

namespace KetaminePkPd.Tests.Vocabulary;

/// <summary>The array checks of <c>Guard</c>: the <see cref="ImmutableArray{T}"/> overloads add the default-array check to their
/// <see cref="EquatableArray{T}"/> twins and otherwise throw the same messages.</summary>
public sealed class GuardArrayTests
{
    [Fact]
    public void FiniteValues_BothOverloads_RejectTheFirstNonFiniteValue()
    {
        ImmutableArray<double> values = [1, double.NaN, double.PositiveInfinity];
        var a = Assert.Throws<ArgumentException>(() => Guard.FiniteValues(values, "x"));
        var b = Assert.Throws<ArgumentException>(() => Guard.FiniteValues((EquatableArray<double>)values, "x"));
        Assert.Equal("x must hold finite values, got NaN. (Parameter 'x')", a.Message);
        Assert.Equal(a.Message, b.Message);
        Assert.Equal("x", a.ParamName);
    }

    [Fact]
    public void FiniteValues_ImmutableArray_ChecksDefaultThenLengthThenValues()
    {
        Assert.Equal("x must be an initialised array, got a default ImmutableArray. (Parameter 'x')",
            Assert.Throws<ArgumentException>(() => Guard.FiniteValues(default(ImmutableArray<double>), "x")).Message);
        Assert.Equal("x must hold 3 values, got 2. (Parameter 'x')",
            Assert.Throws<ArgumentException>(() => Guard.FiniteValues(ImmutableArray.Create(1.0, double.NaN), "x", 3)).Message);
        var ok = ImmutableArray.Create(1.0, -2.5, 0.0);
        Assert.Equal(ok, Guard.FiniteValues(ok, "x", 3));
    }

    [Fact]
    public void NotEmpty_BothOverloads_RejectEmptyAndNullElements()
    {
        Assert.Equal("x must hold at least one element, got none. (Parameter 'x')",
            Assert.Throws<ArgumentException>(() => Guard.NotEmpty(ImmutableArray<string>.Empty, "x")).Message);
        Assert.Equal("x must not hold null elements. (Parameter 'x')",
            Assert.Throws<ArgumentException>(() => Guard.NotEmpty(ImmutableArray.Create("a", null!), "x")).Message);
        Assert.Equal("x must not hold null elements. (Parameter 'x')",
            Assert.Throws<ArgumentException>(() => Guard.NotEmpty((EquatableArray<string>)ImmutableArray.Create("a", null!), "x")).Message);
        Assert.Equal("x must be an initialised array, got a default ImmutableArray. (Parameter 'x')",
            Assert.Throws<ArgumentException>(() => Guard.NotEmpty(default(ImmutableArray<string>), "x")).Message);
        var ok = ImmutableArray.Create("a");
        Assert.Equal(ok, Guard.NotEmpty(ok, "x"));
    }
}
