namespace KetaminePkPd.Tests.Vocabulary;

public class DoseAndDurationTests
{
    [Theory]
    [InlineData("35mg", 35, false)]
    [InlineData("0.5mg/kg", 0.5, true)]
    [InlineData(" 0.5 mg/kg ", 0.5, true)]
    [InlineData("84MG", 84, false)]
    public void DoseParse_ValidText_ReadsNumberAndUnit(string text, double value, bool perKg)
    {
        var d = Dose.Parse(text);
        Assert.Equal(value, d.Value);
        Assert.Equal(perKg, d.IsPerKilogram);
    }

    [Fact]
    public void DoseParse_Hydrochloride_ConvertsToFreeBaseByMolarMassRatio()
    {
        // 50 mg ketamine HCl = 50 x 237.7 / 274.2 = 43.34 mg free base (docs/model.md section 2).
        Assert.Equal(50 * 237.7 / 274.2, Dose.Parse("50mg-hcl").Value, 12);
    }

    [Theory]
    [InlineData("35", "no unit")]
    [InlineData("mg", "does not start with a number")]
    [InlineData("35 grams", "unknown unit")]
    [InlineData("NaNmg", "does not start with a number")]
    public void DoseParse_BadText_ThrowsFormatExceptionNamingTheText(string text, string fragment)
    {
        var ex = Assert.Throws<FormatException>(() => Dose.Parse(text));
        Assert.Contains(fragment, ex.Message);
        Assert.Contains(text.Trim(), ex.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(20_000)]
    public void DoseFromMilligrams_OutOfRange_ThrowsNamingValueAndRange(double mg)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Dose.FromMilligrams(mg));
        Assert.Contains("milligrams", ex.Message);
        Assert.Contains("[0, 10000]", ex.Message);
    }

    [Fact]
    public void DoseToMilligrams_WeightBased_MultipliesByWeight()
    {
        Assert.Equal(35, Dose.FromMilligramsPerKilogram(0.5).ToMilligrams(70), 12);
        Assert.Equal(35, Dose.FromMilligrams(35).ToMilligrams(120), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => Dose.FromMilligramsPerKilogram(0.5).ToMilligrams(-70));
    }

    [Theory]
    [InlineData("40min", 40.0 / 60)]
    [InlineData("24h", 24)]
    [InlineData("3.5d", 84)]
    [InlineData("2w", 336)]
    [InlineData("90 s", 0.025)]
    public void DurationsParse_ValidText_ReadsHours(string text, double hours)
    {
        Assert.Equal(hours, Durations.Parse(text).TotalHours, 9);
    }

    [Theory]
    [InlineData("40")]
    [InlineData("40 parsecs")]
    [InlineData("-3h")]
    public void DurationsParse_BadText_Throws(string text)
    {
        var ex = Record.Exception(() => Durations.Parse(text, "--infusion"));
        Assert.True(ex is FormatException or ArgumentOutOfRangeException, $"got {ex?.GetType()}");
        Assert.Contains("--infusion", ex!.Message);
    }

    [Theory]
    [InlineData(40, "40min")]
    [InlineData(24 * 60, "1d")]
    [InlineData(84 * 60, "3.5d")]
    [InlineData(6 * 60, "6h")]
    public void DurationsFormat_RoundTrips(double minutes, string expected)
    {
        var t = TimeSpan.FromMinutes(minutes);
        Assert.Equal(expected, Durations.Format(t));
        Assert.Equal(t, Durations.Parse(expected));
    }

    [Fact]
    public void DoseRateOver_InfusionByRate_GivesRateTimesDuration()
    {
        var admin = Administration.IntravenousInfusion(DoseRate.Parse("0.75mg/kg/h"), TimeSpan.FromMinutes(40));
        Assert.Equal(0.5, admin.Dose.Value, 12);
        Assert.True(admin.Dose.IsPerKilogram);
        Assert.Equal(TimeSpan.FromMinutes(40), admin.InfusionDuration);
    }

    [Fact]
    public void Concentration_Units_ConvertThroughMolarMass()
    {
        // Olofsen 2022: C50 0.51 nmol/mL = 121 ng/mL for S-ketamine.
        Assert.Equal(121.2, Concentration.FromNanomolesPerMilliliter(0.51).NanogramsPerMilliliter, 1);
        Assert.Equal(0.185, Concentration.FromNanogramsPerMilliliter(185).MilligramsPerLiter, 12);
    }
}
