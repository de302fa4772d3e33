using System.Collections.Immutable;
using System.Globalization;
using KetaminePkPd.Populations;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Sensitivity;

// <summary>
// The documented plausible range of each <see cref="SensitivityAssumption"/>, as multiples of the design's current value
// (read from the design and its population each time, never copied: a recalibrated default moves the whole range).
// </summary>
// <remarks>
// <para>Ranges (multiples of the current value; the default is always included):</para>
// <list type="bullet">
// <item><c>pk-variability</c>: x0, 0.5, 1, 1.5, 2, 3 on every PK between-subject SD (racemic: CL and V1, 30% CV by default,
// so 0-100% CV; published racemic ketamine CVs are 20-60%, docs/model.md section 4.4).</item>
// <item><c>dose-spread</c>: the design's dose basis (mg/kg for NIMH), the other basis (every patient the dose at the
// population's mean weight in mg, or the reverse), and per-patient doses log-uniform in [d/k, d k] for k = 1.5, 2, 3
// (k = 3 on 0.5 mg/kg spans 0.17-1.5 mg/kg, the doses of dose-finding trials).</item>
// <item><c>c50-d-sd</c>, <c>emax-d-sd</c>, <c>ec50-a-sd</c>, <c>scale-a-sd</c>, <c>kdec-sd</c>: x0, 0.5, 1, 1.5, 2 on the log SD
// (0.5, 0.75, 0.5, 0.4, 0.7 by default: from no between-patient difference to twice the calibrated spread).</item>
// <item><c>placebo-mean</c>: x0, 0.5, 1, 1.5, 2 (3 MADRS points by default in the saline-controlled NIMH design: 0-6).</item>
// <item><c>placebo-sd</c>: x0, 0.25, 0.5, 0.75, 1, 1.5, 2 (10 by default: 0-20).</item>
// <item><c>rating-noise-sd</c>, <c>cadss-noise-sd</c>: x0, 0.5, 1, 2, 3 (3 points by default: 0-9; inter-rater SDs of
// MADRS and CADSS totals are 2-5 points).</item>
// <item><c>cadss-time</c>: x0.25, 0.5, 1, 2, 4 (40 min by default: 10-160 min), at most 7 days.</item>
// <item><c>baseline-mean</c>: x0.75, 0.875, 1, 1.125, 1.25 (32 MADRS by default: 24-40), within [1, 60].</item>
// </list>
// <para>A range whose current value is 0 collapses to that one value (multiples of 0); duplicates are removed.</para>
// </remarks>
internal static partial class SensitivityAnalysis
{
    /// <summary>Every assumption, in the order tables list them.</summary>
    public static ImmutableArray<SensitivityAssumption> All { get; } = [.. Enum.GetValues<SensitivityAssumption>()];

    /// <summary>The command-line token of an assumption, e.g. <c>placebo-sd</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An undefined value.</exception>
    public static string Token(SensitivityAssumption assumption) => assumption switch
    {
        SensitivityAssumption.PkVariability => "pk-variability",
        SensitivityAssumption.DoseSpread => "dose-spread",
        SensitivityAssumption.DissociationC50Sd => "c50-d-sd",
        SensitivityAssumption.DissociationEmaxSd => "emax-d-sd",
        SensitivityAssumption.AntidepressantEc50Sd => "ec50-a-sd",
        SensitivityAssumption.AntidepressantScaleSd => "scale-a-sd",
        SensitivityAssumption.AntidepressantDurationSd => "kdec-sd",
        SensitivityAssumption.PlaceboMean => "placebo-mean",
        SensitivityAssumption.PlaceboSd => "placebo-sd",
        SensitivityAssumption.DepressionRatingNoiseSd => "rating-noise-sd",
        SensitivityAssumption.CadssRatingNoiseSd => "cadss-noise-sd",
        SensitivityAssumption.CadssTime => "cadss-time",
        SensitivityAssumption.BaselineMean => "baseline-mean",
        _ => throw new ArgumentOutOfRangeException(nameof(assumption), assumption, "Undefined assumption."),
    };

    /// <summary>What an assumption is, in words, e.g. <c>placebo response SD (MADRS)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An undefined value.</exception>
    public static string Describe(SensitivityAssumption assumption) => assumption switch
    {
        SensitivityAssumption.PkVariability => "PK variability (CV of CL, V1)",
        SensitivityAssumption.DoseSpread => "dose spread",
        SensitivityAssumption.DissociationC50Sd => "SD of log C50 of dissociation",
        SensitivityAssumption.DissociationEmaxSd => "SD of log Emax of dissociation",
        SensitivityAssumption.AntidepressantDurationSd => "SD of log decay rate of antidepressant",
        SensitivityAssumption.AntidepressantEc50Sd => "SD of log EC50 of antidepressant",
        SensitivityAssumption.AntidepressantScaleSd => "SD of log antidepressant scale",
        SensitivityAssumption.PlaceboMean => "placebo response mean (MADRS)",
        SensitivityAssumption.PlaceboSd => "placebo response SD (MADRS)",
        SensitivityAssumption.DepressionRatingNoiseSd => "depression rating noise SD (MADRS)",
        SensitivityAssumption.CadssRatingNoiseSd => "CADSS rating noise SD",
        SensitivityAssumption.CadssTime => "CADSS rating time",
        SensitivityAssumption.BaselineMean => "baseline severity (mean MADRS)",
        _ => throw new ArgumentOutOfRangeException(nameof(assumption), assumption, "Undefined assumption."),
    };

    /// <summary>Parses a token (see <see cref="Token"/>), case-insensitive.</summary>
    /// <exception cref="ArgumentException">Unknown token; the message lists the known ones.</exception>
    public static SensitivityAssumption Parse(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        foreach (var a in All)
            if (string.Equals(Token(a), token.Trim(), StringComparison.OrdinalIgnoreCase)) return a;
        throw new ArgumentException($"Unknown assumption '{token}'; use {string.Join(", ", All.Select(Token))}.", nameof(token));
    }

    /// <summary>The multiples of the current value that make up the range of <paramref name="assumption"/> (see the remarks).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An undefined value.</exception>
    public static ImmutableArray<double> Multipliers(SensitivityAssumption assumption) => assumption switch
    {
        SensitivityAssumption.PkVariability => [0, 0.5, 1, 1.5, 2, 3],
        SensitivityAssumption.DoseSpread => [1, 1, 1.5, 2, 3],
        SensitivityAssumption.DissociationC50Sd or SensitivityAssumption.DissociationEmaxSd or SensitivityAssumption.AntidepressantEc50Sd
            or SensitivityAssumption.AntidepressantScaleSd or SensitivityAssumption.AntidepressantDurationSd => [0, 0.5, 1, 1.5, 2],
        SensitivityAssumption.PlaceboMean => [0, 0.5, 1, 1.5, 2],
        SensitivityAssumption.PlaceboSd => [0, 0.25, 0.5, 0.75, 1, 1.5, 2],
        SensitivityAssumption.DepressionRatingNoiseSd or SensitivityAssumption.CadssRatingNoiseSd => [0, 0.5, 1, 2, 3],
        SensitivityAssumption.CadssTime => [0.25, 0.5, 1, 2, 4],
        SensitivityAssumption.BaselineMean => [0.75, 0.875, 1, 1.125, 1.25],
        _ => throw new ArgumentOutOfRangeException(nameof(assumption), assumption, "Undefined assumption."),
    };

    /// <summary>
    /// The levels of <paramref name="assumption"/> for <paramref name="design"/>: its range as multiples of the design's
    /// current value, lowest first, with the default flagged.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="design"/> is null.</exception>
    /// <exception cref="ArgumentException">A PD assumption whose parameter has no between-subject variability in the design's population, a PK assumption for a population without PK variability, or a dose spread of intranasal doses.</exception>
    public static ImmutableArray<SensitivityLevel> Levels(SensitivityAssumption assumption, TrialDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        var m = Multipliers(assumption);
        var c = design.Clinical;
        var list = new List<SensitivityLevel>();
        void Add(double multiplier, double value, string label, bool switches = false)
        {
            bool isDefault = multiplier == 1 && !switches;
            if (!isDefault && !switches && list.Any(l => l.Value == value && !l.SwitchesDoseBasis)) return;   // a collapsed range
            if (isDefault) list.RemoveAll(l => l.Value == value && !l.SwitchesDoseBasis);
            list.Add(new SensitivityLevel(assumption, list.Count, multiplier, value, label, isDefault, switches));
        }
        switch (assumption)
        {
            case SensitivityAssumption.PkVariability:
            {
                var names = PkNames(design);
                if (names.Count == 0) throw new ArgumentException($"The population of design '{design.Name}' has no PK variability to vary.", nameof(design));
                // Racemic sets: label by the CV of CL (log-normal); other sets (logit fractions among them): by the multiple.
                string first = names.FirstOrDefault(n => n.Equals("CL", StringComparison.OrdinalIgnoreCase)) ?? names[0];
                double sd = design.Population.Variability.StandardDeviations[design.Population.Variability.IndexOf(first)];
                bool cl = first.Equals("CL", StringComparison.OrdinalIgnoreCase);
                foreach (double f in m)
                {
                    double cv = Math.Sqrt(Math.Exp(f * sd * f * sd) - 1);
                    Add(f, f * sd, cl ? Invariant($"CL CV {100 * cv:0}% ({Times(f)})") : Invariant($"PK SDs ({Times(f)})"));
                }
                break;
            }
            case SensitivityAssumption.DoseSpread:
            {
                if (design.Arms.Any(a => a.Administration.Route == Route.Intranasal))
                    throw new ArgumentException($"dose-spread cannot vary design '{design.Name}': intranasal doses are whole 28 mg devices, so they cannot be scaled per patient.", nameof(design));
                bool perKg = design.Arms.All(a => a.Administration.Dose.IsPerKilogram);
                Add(1, 1, perKg ? "fixed mg/kg (default)" : "fixed mg (default)");
                Add(1, 1, perKg ? "fixed mg" : "fixed mg/kg", switches: true);
                foreach (double k in m.Skip(2)) Add(k, k, Invariant($"x/÷{k:0.##} log-uniform"));
                break;
            }
            case var pd when PdSpread(pd) is { } name:
            {
                int i = design.Population.Variability.IndexOf(name);
                if (i < 0) throw new ArgumentException($"The population of design '{design.Name}' has no variability on {name}.", nameof(design));
                double sd = design.Population.Variability.StandardDeviations[i];
                foreach (double f in m) Add(f, f * sd, Invariant($"SD {f * sd:0.###} ({Times(f)})"));
                break;
            }
            case SensitivityAssumption.PlaceboMean:
                foreach (double f in m) Add(f, Math.Clamp(f * c.PlaceboMean, -30, 60), Invariant($"{Math.Clamp(f * c.PlaceboMean, -30, 60):0.##} ({Times(f)})"));
                break;
            case SensitivityAssumption.PlaceboSd:
                foreach (double f in m) Add(f, Math.Min(f * c.PlaceboSd, 30), Invariant($"SD {Math.Min(f * c.PlaceboSd, 30):0.##} ({Times(f)})"));
                break;
            case SensitivityAssumption.DepressionRatingNoiseSd:
                foreach (double f in m) Add(f, Math.Min(f * c.RatingNoiseSd, 20), Invariant($"SD {Math.Min(f * c.RatingNoiseSd, 20):0.##} ({Times(f)})"));
                break;
            case SensitivityAssumption.CadssRatingNoiseSd:
                foreach (double f in m) Add(f, Math.Min(f * c.CadssNoiseSd, 20), Invariant($"SD {Math.Min(f * c.CadssNoiseSd, 20):0.##} ({Times(f)})"));
                break;
            case SensitivityAssumption.CadssTime:
                foreach (double f in m)
                {
                    double minutes = Math.Min(f * design.CadssTime.TotalMinutes, 7 * 24 * 60);
                    Add(f, minutes, Invariant($"{Durations.Format(TimeSpan.FromMinutes(minutes))} ({Times(f)})"));
                }
                break;
            case SensitivityAssumption.BaselineMean:
                foreach (double f in m) Add(f, Math.Clamp(f * c.BaselineMean, 1, 60), Invariant($"{Math.Clamp(f * c.BaselineMean, 1, 60):0.#} ({Times(f)})"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(assumption), assumption, "Undefined assumption.");
        }
        return [.. list.Select((l, i) => new SensitivityLevel(l.Assumption, i, l.Multiplier, l.Value, l.Label, l.IsDefault, l.SwitchesDoseBasis))];
    }

    /// <summary>
    /// The assumptions to vary one at a time, from a list of tokens (each may hold several separated by commas):
    /// none given means every assumption that applies to <paramref name="design"/> (<see cref="AppliesTo"/>); the single
    /// token <c>none</c> means none (only a pair); otherwise the tokens, distinct, each checked against the design.
    /// </summary>
    /// <param name="tokens">The tokens as given, or null.</param>
    /// <param name="design">The design whose current values the ranges are built around.</param>
    /// <param name="name">What the list is called in messages, e.g. an option name.</param>
    /// <exception cref="ArgumentException">An unknown token, one given twice, or one the design cannot vary; the message names <paramref name="name"/>.</exception>
    public static ImmutableArray<SensitivityAssumption> ParseList(IEnumerable<string>? tokens, TrialDesign design, string name = "assumptions")
    {
        ArgumentNullException.ThrowIfNull(design);
        var names = Split(tokens ?? []);
        if (names.Count == 0) return [.. All.Where(a => AppliesTo(a, design))];
        if (names.Count == 1 && names[0].Equals("none", StringComparison.OrdinalIgnoreCase)) return [];
        var parsed = names.Select(n => Checked(n, design, name)).ToList();
        var twice = parsed.GroupBy(a => a).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new ArgumentException($"{name} {Token(twice.Key)} is given more than once.");
        return [.. parsed];
    }

    /// <summary>Two different assumptions to vary together, from <c>a,b</c>, each checked against <paramref name="design"/>.</summary>
    /// <param name="text">The text, e.g. <c>placebo-sd,ec50-a-sd</c>.</param>
    /// <param name="design">The design whose current values the ranges are built around.</param>
    /// <param name="name">What the text is called in messages, e.g. an option name.</param>
    /// <exception cref="ArgumentException">Not two tokens, an unknown token, the same twice, or one the design cannot vary.</exception>
    public static (SensitivityAssumption First, SensitivityAssumption Second) ParsePair(string text, TrialDesign design, string name = "pair")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(design);
        var parts = Split([text]);
        if (parts.Count != 2) throw new ArgumentException($"{name} '{text}': give two assumptions separated by a comma, e.g. placebo-sd,ec50-a-sd.");
        var (a, b) = (Checked(parts[0], design, name), Checked(parts[1], design, name));
        return a != b ? (a, b) : throw new ArgumentException($"{name} '{text}': the two assumptions must differ.");
    }

    private static List<string> Split(IEnumerable<string> tokens) =>
        [.. tokens.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    /// <summary>A token parsed and checked against the design, failures naming <paramref name="name"/> and the token.</summary>
    private static SensitivityAssumption Checked(string token, TrialDesign design, string name)
    {
        var a = All.FirstOrDefault(x => string.Equals(Token(x), token, StringComparison.OrdinalIgnoreCase), (SensitivityAssumption)(-1));
        if (a < 0) throw new ArgumentException($"{name} '{token}': unknown assumption; use {string.Join(", ", All.Select(Token))}.");
        try
        {
            Levels(a, design);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"{name} '{token}': {(ex.ParamName is { } p ? ex.Message.Replace($" (Parameter '{p}')", "", StringComparison.Ordinal) : ex.Message)}", ex);
        }
        return a;
    }

    /// <summary>True when <see cref="Levels"/> can build the range of <paramref name="assumption"/> for <paramref name="design"/>
    /// (e.g. not a dose spread of intranasal doses, which are whole devices, nor the SD of a parameter without variability).</summary>
    public static bool AppliesTo(SensitivityAssumption assumption, TrialDesign design)
    {
        try
        {
            Levels(assumption, design);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// Applies levels (at most one per assumption) to a design: a copy with the changed population, arms, clinical model
    /// or CADSS time, and the per-patient dose spread factor k (1 for none).
    /// </summary>
    internal static (TrialDesign Design, double DoseSpread) Apply(TrialDesign design, IEnumerable<SensitivityLevel> levels)
    {
        double spread = 1;
        foreach (var level in levels)
        {
            if (level.IsDefault) continue;
            var c = design.Clinical;
            var v = design.Population.Variability;
            switch (level.Assumption)
            {
                case SensitivityAssumption.PkVariability:
                    foreach (string name in PkNames(design)) v = v.With(name, Math.Min(5, level.Multiplier * v.StandardDeviations[v.IndexOf(name)]));
                    design = design.With(population: design.Population with { Variability = v });
                    break;
                case SensitivityAssumption.DoseSpread when level.SwitchesDoseBasis:
                {
                    double weight = design.Population.Covariates.WeightMeanKg;
                    design = design.With(arms: design.Arms.Select(a =>
                    {
                        var d = a.Administration.Dose;
                        var other = d.IsPerKilogram ? Dose.FromMilligrams(d.Value * weight) : Dose.FromMilligramsPerKilogram(d.Value / weight);
                        return new TrialArm(a.Name, a.Administration.WithDose(other), a.Subjects, a.Sessions, a.Interval);
                    }));
                    break;
                }
                case SensitivityAssumption.DoseSpread:
                    spread = level.Multiplier;
                    break;
                case var pd when PdSpread(pd) is { } name:
                    design = design.With(population: design.Population with { Variability = v.With(name, level.Value) });
                    break;
                case SensitivityAssumption.PlaceboMean: design = design.With(clinical: c with { PlaceboMean = level.Value }); break;
                case SensitivityAssumption.PlaceboSd: design = design.With(clinical: c with { PlaceboSd = level.Value }); break;
                case SensitivityAssumption.DepressionRatingNoiseSd: design = design.With(clinical: c with { RatingNoiseSd = level.Value }); break;
                case SensitivityAssumption.CadssRatingNoiseSd: design = design.With(clinical: c with { CadssNoiseSd = level.Value }); break;
                case SensitivityAssumption.CadssTime: design = design.With(cadssTime: TimeSpan.FromMinutes(level.Value)); break;
                case SensitivityAssumption.BaselineMean: design = design.With(clinical: c with { BaselineMean = level.Value }); break;
            }
        }
        return (design, spread);
    }

    /// <summary>The variability names of the population that are PK parameters.</summary>
    private static List<string> PkNames(TrialDesign design)
    {
        var pop = design.Population;
        return [.. pop.Variability.Names.Where(n => pop.Pk.TryIndexOf(n, out _))];
    }

    /// <summary><c>default</c> for 1, else <c>x0.5</c>.</summary>
    private static string Times(double f) => f == 1 ? "default" : "x" + f.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
