using System.Globalization;

namespace KetaminePkPd.Web.EndToEnd;

/// <summary>
/// CPU time used so far by the Chromium processes this test process started (Linux /proc): a measure of the page's
/// work that does not depend on how busy the shared machine is, unlike wall-clock latency.
/// </summary>
public static class BrowserCpu
{
    /// <summary>Clock ticks per second of /proc/[pid]/stat times (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>User plus system CPU time of every chromium process below this process, ms (0 where /proc is absent).</summary>
    public static double Milliseconds()
    {
        if (!Directory.Exists("/proc")) return 0;
        var parents = new Dictionary<int, int>();
        var ticks = new Dictionary<int, long>();
        var names = new Dictionary<int, string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            // pid (comm) state ppid ... utime(14) stime(15): comm may hold spaces, so split after the last ')'.
            int close = stat.LastIndexOf(')');
            string[] f = stat[(close + 2)..].Split(' ');
            parents[pid] = int.Parse(f[1], CultureInfo.InvariantCulture);
            ticks[pid] = long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
            names[pid] = stat[(stat.IndexOf('(') + 1)..close];
        }
        int self = Environment.ProcessId;
        bool Below(int pid)
        {
            for (int p = pid, guard = 0; guard < 64 && parents.TryGetValue(p, out int parent); p = parent, guard++)
                if (parent == self) return true;
            return false;
        }
        long total = ticks.Where(kv => names[kv.Key].Contains("chrom", StringComparison.OrdinalIgnoreCase) && Below(kv.Key)).Sum(kv => kv.Value);
        return total / TicksPerSecond * 1000;
    }
}
