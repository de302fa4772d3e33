using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Vocabulary;

public sealed class VocabularyTests
{
    [Fact]
    public void EveryWord_ParsesToItsValue_InAnyCaseAndWithUnderscores()
    {
        foreach (var (route, words) in KetaminePkPd.Vocabulary.RouteWords)
            foreach (var w in words)
            {
                Assert.Equal(route, KetaminePkPd.Vocabulary.ParseRoute(w));
                Assert.Equal(route, KetaminePkPd.Vocabulary.ParseRoute(" " + w.ToUpperInvariant().Replace('-', '_') + " "));
            }
        foreach (var (drug, words) in KetaminePkPd.Vocabulary.DrugWords)
            foreach (var w in words) Assert.Equal(drug, KetaminePkPd.Vocabulary.ParseDrug(w));
        foreach (var (solver, words) in KetaminePkPd.Vocabulary.SolverWords)
            foreach (var w in words) Assert.Equal(solver, KetaminePkPd.Vocabulary.ParseSolver(w));
        foreach (var (ancestry, words) in KetaminePkPd.Vocabulary.AncestryWords)
            foreach (var w in words) Assert.Equal(ancestry, KetaminePkPd.Vocabulary.ParseAncestry(w));
        foreach (var key in PkParameterSet.Keys) Assert.Equal(key, PkParameterSet.Parse(key.ToUpperInvariant()).Key);
        foreach (var name in Hypothesis.Names) Assert.Equal(name, Hypothesis.Parse(name.Replace('-', '_')).Name);
    }

    [Fact]
    public void EveryValue_HasATokenThatParsesBack()
    {
        foreach (var r in Enum.GetValues<Route>()) Assert.Equal(r, KetaminePkPd.Vocabulary.ParseRoute(KetaminePkPd.Vocabulary.Token(r)));
        foreach (var d in Enum.GetValues<Drug>()) Assert.Equal(d, KetaminePkPd.Vocabulary.ParseDrug(KetaminePkPd.Vocabulary.Token(d)));
        foreach (var s in Enum.GetValues<SolverMethod>()) Assert.Equal(s, KetaminePkPd.Vocabulary.ParseSolver(KetaminePkPd.Vocabulary.Token(s)));
        foreach (var a in Enum.GetValues<Ancestry>()) Assert.Equal(a, KetaminePkPd.Vocabulary.ParseAncestry(KetaminePkPd.Vocabulary.Token(a)));
    }

    [Fact]
    public void UnknownWords_AreNamedWithTheTokens()
    {
        var ex = Assert.Throws<ArgumentException>(() => KetaminePkPd.Vocabulary.ParseRoute("venous", "--route"));
        Assert.Equal("--route 'venous': unknown route; use iv, intranasal, oral, sublingual, im or sc.", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => PkParameterSet.Parse("dominoes", "$.model"));
        Assert.Equal("$.model 'dominoes': unknown model; use domino, hijazi, clements, herd or perez-ruixo.", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Hypothesis.Parse("luck"));
        Assert.StartsWith("hypothesis 'luck': unknown hypothesis; use exposure-only,", ex.Message, StringComparison.Ordinal);
    }
}
