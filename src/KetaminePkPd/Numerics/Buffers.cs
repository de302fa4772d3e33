namespace KetaminePkPd.Numerics;

/// <summary>Work arrays of the objects kept per thread and reused (a rented march, a rented PK-PD system).</summary>
internal static class Buffers
{
    /// <summary>An array of <paramref name="length"/> default values: <paramref name="array"/> cleared when it has that length, else
    /// a new one (a reused object keeps its arrays while the shape it is rented for stays the same).</summary>
    public static T[] Zeroed<T>(T[] array, int length)
    {
        if (array.Length != length) return new T[length];
        Array.Clear(array);
        return array;
    }
}
