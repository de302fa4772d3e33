using System.Collections.Immutable;
using System.Globalization;

namespace KetaminePkPd.Populations;

/// <summary>
/// Between-subject variability: standard deviations of the random effects (eta) of named parameters, on each
/// parameter's own scale (log for log-normal, logit for fractions), and the correlations between them: a full
/// covariance matrix Omega = D R D. Immutable and always valid (R is a correlation matrix that is positive semidefinite).
/// </summary>
/// <example><code>
/// var v = Variability.Of(("CL", 0.2936), ("V1", 0.2936), ("C50_D", 0.5), ("EC50_A", 0.5))
///     .WithCorrelation("C50_D", "EC50_A", 0.6);   // shared sensitivity
/// </code></example>
public sealed class Variability
{
    private readonly double[] _correlation;   // k x k, row-major
    private readonly double[] _cholesky;      // lower factor of Omega, k x k

    private Variability(ImmutableArray<string> names, ImmutableArray<double> sds, double[] correlation)
    {
        Names = names;
        StandardDeviations = sds;
        _correlation = correlation;
        _cholesky = Factor(names, sds, correlation);
    }

    /// <summary>No variability: every subject gets the typical values.</summary>
    public static Variability None { get; } = new([], [], []);

    /// <summary>Parameter names, in order.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>SD of each random effect on its parameter's scale (log SD for log-normal: 0.2936 is a 30% CV).</summary>
    public ImmutableArray<double> StandardDeviations { get; }

    /// <summary>Independent random effects with the given SDs.</summary>
    /// <param name="terms">(parameter name, SD in [0, 5]) pairs; names unique (case-insensitive).</param>
    /// <exception cref="ArgumentException">A duplicate or empty name, or an SD out of range.</exception>
    public static Variability Of(params (string Name, double Sd)[] terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, sd) in terms)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
            if (!seen.Add(name)) throw new ArgumentException($"Parameter '{name}' appears twice in the variability.", nameof(terms));
            Guard.InRange(sd, 0, 5, $"SD of {name}");
        }
        int k = terms.Length;
        var r = new double[k * k];
        for (int i = 0; i < k; i++) r[i * k + i] = 1;
        return new Variability([.. terms.Select(t => t.Name)], [.. terms.Select(t => t.Sd)], r);
    }

    /// <summary>Converts a coefficient of variation to the SD of a log-normal random effect: sqrt(ln(1 + CV^2)).</summary>
    /// <exception cref="ArgumentOutOfRangeException">CV outside [0, 10].</exception>
    public static double LogSdFromCv(double cv) => Math.Sqrt(Math.Log(1 + Math.Pow(Guard.InRange(cv, 0, 10, nameof(cv)), 2)));

    /// <summary>Index of a name, or -1.</summary>
    public int IndexOf(string name)
    {
        for (int i = 0; i < Names.Length; i++)
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <summary>The correlation between two parameters' random effects.</summary>
    /// <exception cref="ArgumentException">A name not in <see cref="Names"/>.</exception>
    public double Correlation(string a, string b) => _correlation[Require(a) * Names.Length + Require(b)];

    /// <summary>A copy with <paramref name="name"/> added or its SD replaced (its correlations kept, or 0 for a new name).</summary>
    /// <exception cref="ArgumentException">Empty name or SD out of [0, 5].</exception>
    public Variability With(string name, double sd)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Guard.InRange(sd, 0, 5, $"SD of {name}");
        int i = IndexOf(name);
        if (i >= 0) return new Variability(Names, StandardDeviations.SetItem(i, sd), _correlation);
        int k = Names.Length, k1 = k + 1;
        var r = new double[k1 * k1];
        for (int p = 0; p < k; p++)
            for (int q = 0; q < k; q++) r[p * k1 + q] = _correlation[p * k + q];
        r[k * k1 + k] = 1;
        return new Variability(Names.Add(name), StandardDeviations.Add(sd), r);
    }

    /// <summary>A copy with the correlation of two random effects set.</summary>
    /// <param name="a">First parameter.</param>
    /// <param name="b">Second parameter (different).</param>
    /// <param name="rho">Correlation in [-1, 1].</param>
    /// <exception cref="ArgumentException">Unknown or equal names, rho out of range, or a correlation matrix that is no longer positive semidefinite.</exception>
    public Variability WithCorrelation(string a, string b, double rho)
    {
        Guard.InRange(rho, -1, 1, nameof(rho));
        int i = Require(a), j = Require(b);
        if (i == j) throw new ArgumentException($"A parameter cannot be correlated with itself ('{a}').", nameof(b));
        var r = (double[])_correlation.Clone();
        int k = Names.Length;
        r[i * k + j] = r[j * k + i] = rho;
        return new Variability(Names, StandardDeviations, r);
    }

    /// <summary>The covariance matrix Omega (k x k, row-major).</summary>
    public double[] Covariance()
    {
        int k = Names.Length;
        var c = new double[k * k];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++) c[i * k + j] = _correlation[i * k + j] * StandardDeviations[i] * StandardDeviations[j];
        return c;
    }

    /// <summary>Draws eta = L z, z standard normal, in <see cref="Names"/> order.</summary>
    internal void Sample(ref SubjectRandom random, Span<double> eta)
    {
        int k = Names.Length;
        Span<double> z = k <= 64 ? stackalloc double[k] : new double[k];
        for (int i = 0; i < k; i++) z[i] = random.NextStandardNormal();
        for (int i = 0; i < k; i++)
        {
            double s = 0;
            for (int j = 0; j <= i; j++) s += _cholesky[i * k + j] * z[j];
            eta[i] = s;
        }
    }

    private int Require(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        int i = IndexOf(name);
        return i >= 0 ? i : throw new ArgumentException($"'{name}' has no variability; parameters with variability are {string.Join(", ", Names)}.", nameof(name));
    }

    /// <summary>Cholesky factor of Omega that tolerates semidefinite matrices (a zero pivot gives a zero column), checking R is a valid correlation matrix.</summary>
    private static double[] Factor(ImmutableArray<string> names, ImmutableArray<double> sds, double[] r)
    {
        int k = names.Length;
        var l = new double[k * k];
        for (int j = 0; j < k; j++)
        {
            double d = r[j * k + j];
            for (int p = 0; p < j; p++) d -= l[j * k + p] * l[j * k + p];
            if (d < -1e-10) throw new ArgumentException($"The correlations involving '{names[j]}' make the correlation matrix not positive semidefinite.");
            double pivot = Math.Sqrt(Math.Max(d, 0));
            l[j * k + j] = pivot;
            for (int i = j + 1; i < k; i++)
            {
                double s = r[i * k + j];
                for (int p = 0; p < j; p++) s -= l[i * k + p] * l[j * k + p];
                if (pivot > 1e-12) l[i * k + j] = s / pivot;
                else if (Math.Abs(s) > 1e-10)
                    throw new ArgumentException($"The correlations between '{names[i]}' and '{names[j]}' are inconsistent with the others (not positive semidefinite).");
            }
        }
        // Omega = D R D has Cholesky factor D L.
        for (int i = 0; i < k; i++)
            for (int j = 0; j <= i; j++) l[i * k + j] *= sds[i];
        return l;
    }

    /// <summary>Lists the SDs and non-zero correlations.</summary>
    public override string ToString()
    {
        int k = Names.Length;
        var parts = Names.Select((n, i) => string.Create(CultureInfo.InvariantCulture, $"{n} {StandardDeviations[i]:G3}")).ToList();
        for (int i = 0; i < k; i++)
            for (int j = i + 1; j < k; j++)
                if (_correlation[i * k + j] != 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"corr({Names[i]}, {Names[j]}) {_correlation[i * k + j]:G3}"));
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }
}
