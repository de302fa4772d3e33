namespace KetaminePkPd.Statistics;

/// <summary>OLS estimates of the simple mediation paths and their standard errors, from centred sums of squares and products.</summary>
internal readonly record struct MediationPaths(double A, double SeA, double B, double SeB, double C, double SeC, double CPrime, double SeCPrime)
{
    /// <summary>Relative size of det(X'X) (centred X, M) below which M counts as collinear with X.</summary>
    internal const double CollinearityTolerance = 1e-12;

    /// <summary>
    /// Estimates the paths from the subjects listed in <paramref name="index"/> (with repeats, for a bootstrap resample).
    /// Returns false when X is constant, or M is constant or collinear with X, in that subset.
    /// </summary>
    public static bool TryEstimate(ReadOnlySpan<double> x, ReadOnlySpan<double> m, ReadOnlySpan<double> y, ReadOnlySpan<int> index, bool withErrors, out MediationPaths paths)
    {
        int n = index.Length;
        double mx = 0, mm = 0, my = 0;
        foreach (int i in index)
        {
            mx += x[i];
            mm += m[i];
            my += y[i];
        }
        mx /= n;
        mm /= n;
        my /= n;

        double sxx = 0, smm = 0, syy = 0, sxm = 0, sxy = 0, smy = 0;
        foreach (int i in index)
        {
            double dx = x[i] - mx, dm = m[i] - mm, dy = y[i] - my;
            sxx += dx * dx;
            smm += dm * dm;
            syy += dy * dy;
            sxm += dx * dm;
            sxy += dx * dy;
            smy += dm * dy;
        }

        double det = sxx * smm - sxm * sxm;
        if (sxx <= 0 || smm <= 0 || det <= CollinearityTolerance * sxx * smm)
        {
            paths = default;
            return false;
        }

        double a = sxm / sxx;
        double c = sxy / sxx;
        double cPrime = (smm * sxy - sxm * smy) / det;
        double b = (sxx * smy - sxm * sxy) / det;
        if (!withErrors)
        {
            paths = new MediationPaths(a, 0, b, 0, c, 0, cPrime, 0);
            return true;
        }

        double rssM = Math.Max(smm - a * sxm, 0);
        double rssC = Math.Max(syy - c * sxy, 0);
        double rssY = Math.Max(syy - cPrime * sxy - b * smy, 0);
        double sigma2Y = rssY / (n - 3);
        paths = new MediationPaths(
            a, Math.Sqrt(rssM / (n - 2) / sxx),
            b, Math.Sqrt(sigma2Y * sxx / det),
            c, Math.Sqrt(rssC / (n - 2) / sxx),
            cPrime, Math.Sqrt(sigma2Y * smm / det));
        return true;
    }
}
