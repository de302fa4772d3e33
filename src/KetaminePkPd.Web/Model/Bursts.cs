using System.Diagnostics;

namespace KetaminePkPd.Web.Model;

/// <summary>Long work on the browser's one thread, cut into bursts so the page can paint (the progress bar) and take input between them.</summary>
internal static class Bursts
{
    /// <summary>How long one burst of work may hold the thread before the page gets it back to paint, ms.</summary>
    public const double Milliseconds = 40;

    /// <summary>Calls <paramref name="step"/> until it returns true or <see cref="Milliseconds"/> have passed.</summary>
    /// <returns>Whether the work is done, and how long the burst took, ms.</returns>
    public static (bool Done, double ElapsedMs) Run(Func<bool> step)
    {
        long start = Stopwatch.GetTimestamp();
        bool done;
        while (!(done = step()) && Stopwatch.GetElapsedTime(start).TotalMilliseconds < Milliseconds) { }
        return (done, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    /// <summary>
    /// Steps <paramref name="run"/> (at most <paramref name="units"/> per call) in bursts of <see cref="Milliseconds"/> until it
    /// completes or <paramref name="stop"/> says so; after each burst calls <paramref name="afterBurst"/> (progress, repaint)
    /// and gives the thread back to the browser.
    /// </summary>
    /// <returns>Whether the run completed (false: stopped), and the longest burst, ms.</returns>
    public static async Task<(bool Complete, double LongestBurstMs)> StepAsync<T>(SimulationRun<T> run, int units, Action afterBurst, Func<bool>? stop = null)
        where T : class
    {
        double longest = 0;
        while (true)
        {
            var (done, elapsedMs) = Run(() => run.Step(units));
            longest = Math.Max(longest, elapsedMs);
            afterBurst();
            await Task.Delay(1);
            if (done) return (true, longest);
            if (stop?.Invoke() == true) return (false, longest);
        }
    }
}
