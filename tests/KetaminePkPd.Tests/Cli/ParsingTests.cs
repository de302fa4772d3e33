using KetaminePkPd.Cli;
using KetaminePkPd.Numerics;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Cli.Commands;

namespace KetaminePkPd.Tests.Cli;

/// <summary>The CLI's option parsers and error messages.</summary>
public sealed class ParsingTests
{
    [Theory]
    [InlineData("70kg", 70)]
    [InlineData("70", 70)]
    [InlineData(" 82.5 kg ", 82.5)]
    [InlineData("70KG", 70)]
    public void ParseWeightKg_KgOrBareNumber_ReturnsKg(string text, double expected) =>
        Assert.Equal(expected, Parsing.ParseWeightKg(text));

    [Theory]
    [InlineData("0kg")]
    [InlineData("301")]
    [InlineData("-70kg")]
    [InlineData("70lb")]
    [InlineData("heavy")]
    [InlineData("NaN")]
    public void ParseWeightKg_BadValue_ThrowsArgumentExceptionNamingOptionAndText(string text)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => Parsing.ParseWeightKg(text));
        Assert.StartsWith($"--weight '{text}'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iv", Route.Intravenous)]
    [InlineData("IV", Route.Intravenous)]
    [InlineData("intranasal", Route.Intranasal)]
    [InlineData("oral", Route.Oral)]
    [InlineData("sublingual", Route.Sublingual)]
    [InlineData("im", Route.Intramuscular)]
    [InlineData("sc", Route.Subcutaneous)]
    public void ParseRoute_Token_ReturnsRouteAndRoundTripsThroughRouteToken(string text, Route expected)
    {
        Assert.Equal(expected, KetaminePkPd.Vocabulary.ParseRoute(text));
        Assert.Equal(expected, KetaminePkPd.Vocabulary.ParseRoute(KetaminePkPd.Vocabulary.Token(expected)));
    }

    [Theory]
    [InlineData("exact", SolverMethod.Exact)]
    [InlineData("dopri5", SolverMethod.DormandPrince54)]
    [InlineData("rodas4", SolverMethod.Rosenbrock)]
    public void ParseSolver_Token_ReturnsMethod(string text, SolverMethod expected) => Assert.Equal(expected, KetaminePkPd.Vocabulary.ParseSolver(text));

    [Theory]
    [InlineData("non-asian", Ancestry.NonAsian)]
    [InlineData("asian", Ancestry.AsianNonJapanese)]
    [InlineData("japanese", Ancestry.Japanese)]
    public void ParseAncestry_Token_ReturnsAncestry(string text, Ancestry expected) => Assert.Equal(expected, KetaminePkPd.Vocabulary.ParseAncestry(text));

    [Theory]
    [InlineData(null, null, Drug.RacemicKetamine, "domino")]
    [InlineData("esketamine", null, Drug.Esketamine, "perez-ruixo")]
    [InlineData(null, "hijazi", Drug.RacemicKetamine, "hijazi")]
    [InlineData(null, "perez-ruixo", Drug.Esketamine, "perez-ruixo")]
    [InlineData("racemic", "herd", Drug.RacemicKetamine, "herd")]
    public void ResolveDrugAndModel_Defaults_FollowTheDrugOrTheModel(string? drug, string? model, Drug expectedDrug, string expectedKey)
    {
        var set = Resolve(drug, model);
        Assert.Equal(expectedDrug, set.Drug);
        Assert.Equal(expectedKey, set.Key);
    }

    [Fact]
    public void ResolveDrugAndModel_ModelOfOtherDrug_NamesBoth()
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => Resolve("esketamine", "domino"));
        Assert.Contains("domino", ex.Message, StringComparison.Ordinal);
        Assert.Contains("racemic ketamine", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--drug esketamine", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("40min", 40.0 / 60)]
    [InlineData("3.5d", 84)]
    public void ParseDuration_WithUnitOrBareZero_ReturnsSpan(string text, double hours) =>
        Assert.Equal(hours, Parsing.ParseDuration(text, "--infusion").TotalHours, 9);

    [Fact]
    public void ParseDuration_BareNumber_FailsNamingTheOptionOnce()
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => Parsing.ParseDuration("24", "--until"));
        Assert.StartsWith("--until '24'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(ex.Message, "--until"));
    }

    [Fact]
    public void OneLine_ArgumentOutOfRange_DropsParameterSuffixAndActualValueLine()
    {
        var ex = new ArgumentOutOfRangeException("WeightKg", 500.0, "WeightKg must be finite and in (0, 300], got 500.");

        Assert.Contains('\n', ex.Message);
        Assert.Equal("WeightKg must be finite and in (0, 300], got 500.", ErrorText.OneLine(ex));
    }

    [Fact]
    public void OneLine_MultiLineMessage_JoinsLines() =>
        Assert.Equal("first second", ErrorText.OneLine(new IOException("first\r\n  second\n")));

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>The drug and model of optional --drug and --model texts, as the commands resolve them.</summary>
    private static KetaminePkPd.Pharmacokinetics.PkParameterSet Resolve(string? drug, string? model) =>
        KetaminePkPd.Pharmacokinetics.PkParameterSet.Resolve(drug is null ? null : KetaminePkPd.Vocabulary.ParseDrug(drug, "--drug"),
            model is null ? null : KetaminePkPd.Pharmacokinetics.PkParameterSet.Parse(model, "--model"), "--drug", "--model");
}
