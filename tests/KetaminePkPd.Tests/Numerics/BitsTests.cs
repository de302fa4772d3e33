using KetaminePkPd.Numerics;

namespace KetaminePkPd.Tests.Numerics;

/// <summary>The bit-for-bit comparison every reuse of computed work relies on (<see cref="Bits.Same"/>).</summary>
public sealed class BitsTests
{
    [Fact]
    public void Same_ComparesBitsNotValues()
    {
        double[] a = [1.5, -2.25, 1e-300];
        Assert.True(Bits.Same(a, a));                                   // one array: immediate
        Assert.True(Bits.Same(a, (double[])a.Clone()));
        Assert.False(Bits.Same([0.0], [-0.0]));                         // equal by ==, different bits (1/x differs)
        Assert.True(Bits.Same([double.NaN], [double.NaN]));             // the same NaN: never equal by ==, the same bits
        Assert.False(Bits.Same([1.0], [Math.BitIncrement(1.0)]));       // one unit in the last place
        Assert.False(Bits.Same(a, a.AsSpan(0, 2)));                     // lengths differ
        Assert.True(Bits.Same([], ReadOnlySpan<double>.Empty));
    }
}
