namespace KetaminePkPd.Tests.Statistics;

/// <summary>
/// Published datasets copied into the tests. mtcars: R's built-in <c>datasets::mtcars</c> (Henderson and Velleman 1981,
/// Biometrics 37:391; 1974 Motor Trend road tests of 32 cars), rows in R's order, values as R stores them; copied from
/// github.com/PradeeptaM/PublicDatasets mtcars.csv (commit e6e87416) with its float artefacts 5.4239999999999995 and
/// 1.5130000000000001 written back as 5.424 and 1.513.
/// </summary>
internal static class Datasets
{
    /// <summary>mtcars $mpg: Miles per US gallon.</summary>
    public static readonly double[] Mpg = [21, 21, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4, 10.4, 14.7, 32.4, 30.4, 33.9, 21.5, 15.5, 15.2, 13.3, 19.2, 27.3, 26, 30.4, 15.8, 19.7, 15, 21.4];

    /// <summary>mtcars $disp: Displacement, cubic inches.</summary>
    public static readonly double[] Disp = [160, 160, 108, 258, 360, 225, 360, 146.7, 140.8, 167.6, 167.6, 275.8, 275.8, 275.8, 472, 460, 440, 78.7, 75.7, 71.1, 120.1, 318, 304, 350, 400, 79, 120.3, 95.1, 351, 145, 301, 121];

    /// <summary>mtcars $hp: Gross horsepower.</summary>
    public static readonly double[] Hp = [110, 110, 93, 110, 175, 105, 245, 62, 95, 123, 123, 180, 180, 180, 205, 215, 230, 66, 52, 65, 97, 150, 150, 245, 175, 66, 91, 113, 264, 175, 335, 109];

    /// <summary>mtcars $drat: Rear axle ratio.</summary>
    public static readonly double[] Drat = [3.9, 3.9, 3.85, 3.08, 3.15, 2.76, 3.21, 3.69, 3.92, 3.92, 3.92, 3.07, 3.07, 3.07, 2.93, 3, 3.23, 4.08, 4.93, 4.22, 3.7, 2.76, 3.15, 3.73, 3.08, 4.08, 4.43, 3.77, 4.22, 3.62, 3.54, 4.11];

    /// <summary>mtcars $wt: Weight, 1000 lb.</summary>
    public static readonly double[] Wt = [2.62, 2.875, 2.32, 3.215, 3.44, 3.46, 3.57, 3.19, 3.15, 3.44, 3.44, 4.07, 3.73, 3.78, 5.25, 5.424, 5.345, 2.2, 1.615, 1.835, 2.465, 3.52, 3.435, 3.84, 3.845, 1.935, 2.14, 1.513, 3.17, 2.77, 3.57, 2.78];

    /// <summary>mtcars $qsec: Quarter-mile time, s.</summary>
    public static readonly double[] Qsec = [16.46, 17.02, 18.61, 19.44, 17.02, 20.22, 15.84, 20, 22.9, 18.3, 18.9, 17.4, 17.6, 18, 17.98, 17.82, 17.42, 19.47, 18.52, 19.9, 20.01, 16.87, 17.3, 15.41, 17.05, 18.9, 16.7, 16.9, 14.5, 15.5, 14.6, 18.6];
}
