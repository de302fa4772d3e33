namespace KetaminePkPd.Tests.Vocabulary;

/// <summary>The library's quantity parsers that every front end uses: concentrations, weights, ages, infusion durations.</summary>
public sealed class QuantityParseTests
{
    [Theory]
    [InlineData("100ng/mL", 100)]
    [InlineData("100", 100)]
    [InlineData(" 100 ng/ml ", 100)]
    [InlineData("0.1mg/L", 100)]
    [InlineData("0.1ug/mL", 100)]
    [InlineData("0.1µg/mL", 100)]       // micro sign U+00B5
    [InlineData("0.1\u03bcg/mL", 100)]  // Greek mu U+03BC
    [InlineData("1nmol/mL", 237.7)]     // ketamine free base, 237.7 g/mol (Units.KetamineFreeBaseGPerMol)
    [InlineData("1 umol/L", 237.7)]
    [InlineData("2e2NG/ML", 200)]
    [InlineData("100000", 100_000)]
    public void ConcentrationParse_UnitsAndBareNumber_ConvertToNgPerMl(string text, double ngPerMl) =>
        Assert.Equal(ngPerMl, Concentration.Parse(text).NanogramsPerMilliliter, 9);

    [Fact]
    public void ConcentrationParse_Nanomoles_AgreesWithFromNanomolesPerMilliliter() =>
        Assert.Equal(Concentration.FromNanomolesPerMilliliter(0.42).NanogramsPerMilliliter, Concentration.Parse("0.42nmol/mL").NanogramsPerMilliliter, 9);

    [Theory]
    [InlineData("0")]
    [InlineData("-5ng/mL")]
    [InlineData("100001")]
    [InlineData("101mg/L")]
    public void ConcentrationParse_OutOfRange_ThrowsNamingTheTextAndRange(string text)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Concentration.Parse(text, "--threshold"));
        Assert.StartsWith($"--threshold '{text}': must be above 0 and at most 100000 ng/mL", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("100ng/dL", "unknown unit")]
    [InlineData("high", "does not start with a number")]
    [InlineData("NaN", "does not start with a number")]
    public void ConcentrationParse_BadText_ThrowsFormatExceptionNamingTheText(string text, string fragment)
    {
        var ex = Assert.Throws<FormatException>(() => Concentration.Parse(text, "--threshold"));
        Assert.StartsWith($"--threshold '{text}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("70kg", 70)]
    [InlineData("70", 70)]
    [InlineData(" 82.5 KG ", 82.5)]
    [InlineData("300", 300)]
    public void SubjectParseWeightKg_KgOrBareNumber_ReturnsKg(string text, double kg) => Assert.Equal(kg, Subject.ParseWeightKg(text));

    [Theory]
    [InlineData("0kg")]
    [InlineData("300.5")]
    [InlineData("-70kg")]
    public void SubjectParseWeightKg_OutOfRange_ThrowsNamingTheText(string text) =>
        Assert.StartsWith($"weight '{text}': the weight must be in (0, 300] kg", Assert.Throws<ArgumentOutOfRangeException>(() => Subject.ParseWeightKg(text)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("70lb")]
    [InlineData("heavy")]
    public void SubjectParseWeightKg_NotKg_ThrowsFormatException(string text) =>
        Assert.StartsWith($"--weight '{text}'", Assert.Throws<FormatException>(() => Subject.ParseWeightKg(text, "--weight")).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("45", 45)]
    [InlineData("45y", 45)]
    [InlineData("67 years", 67)]
    [InlineData("0", 0)]
    [InlineData("120yr", 120)]
    public void SubjectParseAgeYears_YearsOrBareNumber_ReturnsYears(string text, double years) => Assert.Equal(years, Subject.ParseAgeYears(text));

    [Theory]
    [InlineData("-1")]
    [InlineData("121")]
    public void SubjectParseAgeYears_OutOfRange_Throws(string text) =>
        Assert.StartsWith($"age '{text}': the age must be in [0, 120] years", Assert.Throws<ArgumentOutOfRangeException>(() => Subject.ParseAgeYears(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void SubjectParseAgeYears_Months_ThrowsFormatException() => Assert.Throws<FormatException>(() => Subject.ParseAgeYears("540mo"));

    [Theory]
    [InlineData("0", 0)]
    [InlineData("0.0", 0)]
    [InlineData("none", 0)]
    [InlineData(" None ", 0)]
    [InlineData("40min", 40.0 / 60)]
    [InlineData("2h", 2)]
    public void DurationsParseInfusion_DurationZeroOrNone_ReturnsSpan(string text, double hours) =>
        Assert.Equal(hours, Durations.ParseInfusion(text).TotalHours, 9);

    [Fact]
    public void DurationsParse_BareZero_IsZeroButOtherBareNumbersNeedAUnit()
    {
        Assert.Equal(TimeSpan.Zero, Durations.Parse("0"));
        Assert.StartsWith("--until '24' has no unit", Assert.Throws<FormatException>(() => Durations.Parse("24", "--until")).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => Durations.Parse("none"));
        Assert.Throws<FormatException>(() => Durations.ParseInfusion("never"));
    }
}
