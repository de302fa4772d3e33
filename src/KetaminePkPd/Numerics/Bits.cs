using System.Runtime.InteropServices;

namespace KetaminePkPd.Numerics;

/// <summary>
/// Bit-for-bit comparison of numbers, the test every reuse of computed work applies before it hands out a result made for other
/// inputs (a cached propagator, a replayed tape, a shared patient part): equal bits give equal arithmetic, where <c>==</c> would
/// also pair 0.0 with -0.0 (which can give different results, e.g. through a division) and never pair a NaN with itself.
/// </summary>
internal static class Bits
{
    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> hold the same numbers bit for bit (the same length included);
    /// immediate for two views of the same memory.</summary>
    public static bool Same(ReadOnlySpan<double> a, ReadOnlySpan<double> b) =>
        MemoryMarshal.Cast<double, long>(a).SequenceEqual(MemoryMarshal.Cast<double, long>(b));
}
