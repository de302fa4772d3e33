namespace KetaminePkPd.Statistics;

/// <summary>Average (mid-) ranks, as R's <c>rank(x)</c> with <c>ties.method = "average"</c>.</summary>
internal static class Ranks
{
    /// <summary>Ranks 1..n of <paramref name="values"/>; tied values all get the mean of the ranks they span.</summary>
    public static double[] Average(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        double[] keys = values.ToArray();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Array.Sort(keys, order);
        double[] ranks = new double[n];
        int start = 0;
        while (start < n)
        {
            int end = start + 1;
            while (end < n && keys[end] == keys[start]) end++;
            double rank = 0.5 * (start + 1 + end); // mean of ranks start+1 .. end
            for (int j = start; j < end; j++) ranks[order[j]] = rank;
            start = end;
        }
        return ranks;
    }
}
