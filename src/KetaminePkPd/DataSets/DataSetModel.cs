using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.DataSets;

/// <summary>
/// A linear compartment model that a data set drives: NONMEM's linear ADVANs with TRANS2-style parameters, or a built-in
/// ketamine parameter set, with parameter values fixed here (from code or a model file) or given per record by data-set
/// columns of the same names. Immutable.
/// </summary>
/// <remarks>
/// <para>Compartments are numbered as in NONMEM: the depot is 1 in the oral ADVANs (2, 4, 12) and central is 1 in the others
/// (1, 3, 11). Parameters: CL (L/h), V (central volume, L; alias V1), Q (alias Q2) and V2, Q3 and V3 (peripherals), KA (1/h);
/// the built-in sets use their own names (e.g. Domino's V1, CL, K12 ... in the units its parameters state) plus WT and AGE.
/// NONMEM's TRANS4 names of ADVAN4/12 (central V2; peripherals V3, V4; flows Q or Q3, Q4) are accepted too: a name only
/// one naming has (V or V1 here; V3, or Q4 and V4, in TRANS4) decides, a mix of both is an error, and so is a name of both
/// meanings (V2) in a model file or data set that has no name that decides.</para>
/// <para>Every compartment n also has F<i>n</i> (bioavailability, default 1), ALAG<i>n</i> (lag, h, default 0), D<i>n</i>
/// (modeled infusion duration, h, for <c>RATE -2</c>) and R<i>n</i> (modeled rate, mg/h, for <c>RATE -1</c>).</para>
/// <para>A value comes from the record's column of that name if the data set has one (case-insensitive), else from
/// <see cref="FixedParameters"/>, else from the built-in default; a parameter without any is an error naming it.</para>
/// </remarks>
public sealed class DataSetModel
{
    private DataSetModel(string name, ModelKernel kernel, ImmutableArray<KeyValuePair<string, double>> given)
    {
        Name = name;
        Kernel = kernel;
        Given = given;
        // Mixed namings are refused here; names that do not say which naming they use read as the names used here until a
        // data set's columns decide (ParameterSlots).
        var naming = NamingOf(given.Select(g => g.Key), "the fixed parameters", allowUndecided: true) ?? ParameterNaming.Here;
        var b = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in given) b[Canonical(key, naming)!] = value;
        FixedParameters = b.ToImmutable();
    }

    /// <summary>The names <see cref="Create"/> accepts: the ADVANs, their aliases and the built-in parameter sets.</summary>
    public static ImmutableArray<string> KnownNames { get; } =
        ["advan1", "advan2", "advan3", "advan4", "advan11", "advan12", "1cmt", "1cmt-oral", "2cmt", "2cmt-oral", "3cmt", "3cmt-oral",
            .. PkParameterSet.All.Select(s => s.Key)];

    /// <summary>Short name (e.g. <c>advan2</c>, <c>domino</c>).</summary>
    public string Name { get; }

    /// <summary>Compartment names in number order (compartment number = index + 1).</summary>
    public ImmutableArray<string> CompartmentNames => Kernel.CompartmentNames;

    /// <summary>The structural parameters' names (F, ALAG, D and R per compartment come on top).</summary>
    public ImmutableArray<string> ParameterNames => Kernel.ParameterNames;

    /// <summary>Number (1-based) of the compartment a dose with <c>CMT</c> 0 or absent goes to.</summary>
    public int DefaultDoseCompartment => Kernel.DefaultDose + 1;

    /// <summary>Number (1-based) of the central compartment, whose concentration is CP.</summary>
    public int CentralCompartment => Kernel.Central + 1;

    /// <summary>Number (1-based) of the metabolite's central compartment, or 0 when the model has none.</summary>
    public int MetaboliteCompartment => Kernel.Metabolite + 1;

    /// <summary>Parameter values that hold on every record unless a data-set column of the same name overrides them (upper-case names).</summary>
    public ImmutableDictionary<string, double> FixedParameters { get; }

    internal ModelKernel Kernel { get; }

    /// <summary>The fixed parameters as given (upper-case names, in order; a later value of a name wins).</summary>
    internal ImmutableArray<KeyValuePair<string, double>> Given { get; }

    /// <summary>One of NONMEM's linear ADVANs with TRANS2-style parameters and no fixed values.</summary>
    /// <param name="advan">1, 2, 3, 4, 11 or 12.</param>
    /// <exception cref="ArgumentOutOfRangeException">Another number.</exception>
    public static DataSetModel Advan(int advan) => new($"advan{advan}", new AdvanKernel(advan), []);

    /// <summary>A built-in ketamine parameter set, its typical values as defaults.</summary>
    /// <param name="set">The set (e.g. <see cref="PkParameterSet.Domino"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="set"/> is null.</exception>
    public static DataSetModel FromParameterSet(PkParameterSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new DataSetModel(set.Key, new ParameterSetKernel(set), []);
    }

    /// <summary>The model of a name: <c>advan1</c> ... <c>advan12</c>, <c>1cmt</c>, <c>1cmt-oral</c>, <c>2cmt</c>, <c>2cmt-oral</c>,
    /// <c>3cmt</c>, <c>3cmt-oral</c>, or a built-in set's key (<c>domino</c>, <c>hijazi</c>, <c>herd</c>, <c>perez-ruixo</c>).</summary>
    /// <param name="name">The name (case-insensitive).</param>
    /// <exception cref="ArgumentException">An unknown name; the message lists the known ones.</exception>
    public static DataSetModel Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        int? advan = name.Trim().ToLowerInvariant() switch
        {
            "advan1" or "1cmt" => 1,
            "advan2" or "1cmt-oral" => 2,
            "advan3" or "2cmt" => 3,
            "advan4" or "2cmt-oral" => 4,
            "advan11" or "3cmt" => 11,
            "advan12" or "3cmt-oral" => 12,
            _ => null,
        };
        if (advan is { } a) return Advan(a);
        var set = PkParameterSet.All.FirstOrDefault(s => string.Equals(s.Key, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown data-set model '{name}'; known: {string.Join(", ", KnownNames)}, or a model file (.json).", nameof(name));
        return FromParameterSet(set);
    }

    /// <summary>The largest model file read: 1 MB (1 048 576 bytes; a real one is a few hundred bytes).</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>
    /// Reads a model file: <c>{"model": "advan4", "parameters": {"CL": 10, "V": 50, "Q": 5, "V2": 100, "KA": 1.2, "F1": 0.8}}</c>
    /// (schema in docs/datasets.md). <c>model</c> is required; <c>parameters</c> optional.
    /// </summary>
    /// <param name="json">The file's text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">Not JSON, longer than <see cref="MaxFileBytes"/>, a missing, unknown or repeated member (a
    /// parameter named twice, also through an alias such as V1 for V), a non-numeric or out-of-range value; the message names it.</exception>
    public static DataSetModel FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxFileBytes) throw new FormatException($"model file: longer than the limit of {MaxFileBytes / (1024 * 1024)} MB.");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            string at = ex.LineNumber is { } line ? $" at line {line + 1}, column {ex.BytePositionInLine + 1}" : "";
            throw new FormatException($"model file: not valid JSON{at} ({ex.Message.Split('\n')[0].Split(" LineNumber:")[0].Split(" Path:")[0].Trim().TrimEnd('.')}).", ex);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new FormatException("model file: the top level must be an object with \"model\" and \"parameters\".");
            DataSetModel? model = null;
            var values = new List<KeyValuePair<string, double>>();
            var members = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in root.EnumerateObject())
            {
                if (!members.Add(member.Name)) throw new FormatException($"model file: the key \"{ErrorText.Excerpt(member.Name)}\" is given twice; give each once.");
                switch (member.Name)
                {
                    case "model":
                        if (member.Value.ValueKind != JsonValueKind.String) throw new FormatException("model file: \"model\" must be a string such as \"advan2\" or \"domino\".");
                        try
                        {
                            model = Create(member.Value.GetString()!);
                        }
                        catch (ArgumentException ex)
                        {
                            throw new FormatException("model file: " + ex.Message.Replace(" (Parameter 'name')", "", StringComparison.Ordinal), ex);
                        }
                        break;
                    case "parameters":
                        if (member.Value.ValueKind != JsonValueKind.Object) throw new FormatException("model file: \"parameters\" must be an object of name: number.");
                        foreach (var p in member.Value.EnumerateObject())
                        {
                            if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetDouble(out double v))
                                throw new FormatException($"model file: parameter \"{ErrorText.Excerpt(p.Name)}\" must be a number, got {ErrorText.Excerpt(p.Value.GetRawText())}.");
                            values.Add(new(p.Name, v));
                        }
                        break;
                    case "$schema" or "description":
                        break;
                    default:
                        throw new FormatException($"model file: unknown member \"{ErrorText.Excerpt(member.Name)}\"; allowed: model, parameters, description.");
                }
            }
            if (model is null) throw new FormatException("model file: \"model\" is required (e.g. \"advan2\", \"3cmt\", \"domino\").");
            ParameterNaming naming;
            try
            {
                naming = model.NamingOf(values.Select(v => v.Key), "its parameters", allowUndecided: true) ?? ParameterNaming.Here;
            }
            catch (ArgumentException ex)
            {
                throw new FormatException("model file: " + ex.Message, ex);
            }
            var twice = values.Where(v => model.Canonical(v.Key, naming) is not null).GroupBy(v => model.Canonical(v.Key, naming)).FirstOrDefault(g => g.Count() > 1);
            if (twice is not null)
                throw new FormatException($"model file: parameter {twice.Key} is given {twice.Count()} times ({string.Join(", ", twice.Select(v => $"\"{ErrorText.Excerpt(v.Key)}\""))}); give it once.");
            try
            {
                return model.WithParameters(values);
            }
            catch (ArgumentException ex)
            {
                throw new FormatException("model file: " + ex.Message.Replace(" (Parameter 'parameters')", "", StringComparison.Ordinal), ex);
            }
        }
    }

    /// <summary>A copy with parameter values fixed (replacing earlier fixed values of the same names).</summary>
    /// <param name="parameters">Name and value pairs: structural parameters (or their aliases V1, Q2), or F<i>n</i>, ALAG<i>n</i>,
    /// D<i>n</i>, R<i>n</i> for a compartment number n; finite values.</param>
    /// <exception cref="ArgumentException">An unknown name or a non-finite value.</exception>
    public DataSetModel WithParameters(IEnumerable<KeyValuePair<string, double>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var given = Given.ToBuilder();
        foreach (var (name, value) in parameters)
        {
            string upper = name.Trim().ToUpperInvariant();
            if (Canonical(upper) is null && !Kernel.Trans4.ContainsKey(upper))
                throw new ArgumentException($"Model '{Name}' has no parameter '{ErrorText.Excerpt(name)}'; it has {string.Join(", ", ParameterNames)}{Trans4Names()} and F, ALAG, D, R followed by a compartment number 1-{CompartmentNames.Length}.", nameof(parameters));
            if (!double.IsFinite(value)) throw new ArgumentException($"Parameter {ErrorText.Excerpt(name)} must be finite, got {value.ToString(CultureInfo.InvariantCulture)}.", nameof(parameters));
            given.RemoveAll(g => g.Key == upper);
            given.Add(new(upper, value));
        }
        return new DataSetModel(Name, Kernel, given.ToImmutable());
    }

    private string Trans4Names() => Kernel.Trans4.Count == 0 ? "" : $" (or NONMEM's TRANS4 names {string.Join(", ", Kernel.Trans4.Keys)})";

    /// <summary>
    /// Which naming <paramref name="names"/> use in ADVAN4 and ADVAN12, whose central volume is V here but V2 in NONMEM's
    /// TRANS4: <see cref="ParameterNaming.Trans4"/> when a name only TRANS4 has is among them (V3 in ADVAN4; Q4, V4 in
    /// ADVAN12), <see cref="ParameterNaming.Here"/> when a name only the naming here has is (V, V1, and Q, Q2 in ADVAN12), and
    /// when neither is, null (undecided) if <paramref name="allowUndecided"/>, else here unless a name means different things
    /// in the two (V2; and Q3, V3 in ADVAN12), which is an error.
    /// </summary>
    /// <param name="names">Parameter and column names (others are ignored).</param>
    /// <param name="source">What holds the names, for messages (e.g. <c>the model file</c>).</param>
    /// <param name="allowUndecided">Return null instead of refusing names that do not say which naming they use.</param>
    /// <exception cref="ArgumentException">Names of both namings, or (unless allowed) a name of either meaning without a name that decides.</exception>
    /// <param name="decidedOnly">Return null also for names that use no name of either naming (CL, KA only): only a name
    /// that decides gives a naming.</param>
    internal ParameterNaming? NamingOf(IEnumerable<string> names, string source, bool allowUndecided, bool decidedOnly = false)
    {
        if (Kernel.Trans4.Count == 0) return ParameterNaming.Here;
        var upper = names.Select(n => n.Trim().ToUpperInvariant()).Distinct().ToList();
        var here = upper.Where(IsHereOnly).ToList();
        var trans4 = upper.Where(n => Kernel.Trans4.ContainsKey(n) && !IsStructural(n)).ToList();
        var either = upper.Where(n => Kernel.Trans4.TryGetValue(n, out var mapped) && IsStructural(n) && Canonical(n) != mapped).ToList();
        string usedHere = string.Join(", ", ParameterNames), usedTrans4 = string.Join(", ", Kernel.Trans4.Keys);
        if (here.Count > 0 && trans4.Count > 0)
            throw new ArgumentException($"{source} mix two namings of {Name}'s parameters: {string.Join(", ", here)} as here ({usedHere}; V central) and " +
                $"{string.Join(", ", trans4)} as in NONMEM's TRANS4 ({usedTrans4}; V2 central); use one.");
        if (trans4.Count > 0) return ParameterNaming.Trans4;
        if (here.Count > 0) return ParameterNaming.Here;
        if (either.Count == 0) return decidedOnly ? null : ParameterNaming.Here;
        if (allowUndecided || decidedOnly) return null;
        throw new ArgumentException($"in {source}, {string.Join(", ", either)} means one thing in {Name}'s names here ({usedHere}; V central) and another in " +
            $"NONMEM's TRANS4 ({usedTrans4}; V2 central), and no other name says which: add {string.Join(" or ", ParameterNames.Where(n => n == "V"))} (here) or " +
            $"{string.Join(" or ", Kernel.Trans4.Keys.Where(n => Canonical(n) is null))} (TRANS4).");
    }

    /// <summary>The name used here of <paramref name="name"/> in <paramref name="naming"/>, or null if the model has no such parameter.</summary>
    internal string? Canonical(string name, ParameterNaming naming)
    {
        string upper = name.Trim().ToUpperInvariant();
        if (naming == ParameterNaming.Here) return Canonical(upper);
        if (Kernel.Trans4.TryGetValue(upper, out var mapped)) return mapped;
        return IsHereOnly(upper) ? null : Canonical(upper);
    }

    /// <summary>A structural parameter name (or alias) of the naming used here.</summary>
    private bool IsStructural(string upper) => ParameterNames.Contains(upper) || Kernel.Aliases.ContainsKey(upper);

    /// <summary>A structural name that only the naming here has (V, V1, Q2; and Q in ADVAN12).</summary>
    private bool IsHereOnly(string upper) => Kernel.Trans4.Count > 0 && IsStructural(upper) && !Kernel.Trans4.ContainsKey(upper);

    /// <summary>A copy with one parameter value fixed.</summary>
    /// <param name="name">Parameter name (see <see cref="WithParameters"/>).</param>
    /// <param name="value">Finite value.</param>
    /// <exception cref="ArgumentException">An unknown name or a non-finite value.</exception>
    public DataSetModel WithParameter(string name, double value) => WithParameters([new(name, value)]);

    /// <summary>The canonical (upper-case) name of a parameter or alias, or null if the model has no such parameter.</summary>
    internal string? Canonical(string name)
    {
        string upper = name.Trim().ToUpperInvariant();
        if (Kernel.Aliases.TryGetValue(upper, out var alias)) upper = alias;
        if (ParameterNames.Contains(upper)) return upper;
        foreach (var prefix in PerCompartmentPrefixes)
        {
            if (upper.Length > prefix.Length && upper.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(upper.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1 && n <= CompartmentNames.Length
                && upper[prefix.Length] != '0')
                return upper;
        }
        return null;
    }

    /// <summary>Prefixes of the per-compartment dosing parameters, in slot order.</summary>
    internal static readonly string[] PerCompartmentPrefixes = ["F", "ALAG", "D", "R"];

    /// <summary>Returns <see cref="Name"/>.</summary>
    public override string ToString() => Name;

    /// <summary>Predicts every record of one subject with this model.</summary>
    /// <param name="subject">The subject's records (<see cref="DataSetSubject.Parse"/>, <see cref="DataSetSubject.Read"/>).</param>
    /// <param name="timing">Which record's parameter values advance each interval (NONMEM's default: the record that ends it).</param>
    /// <returns>The state at every record.</returns>
    /// <exception cref="ArgumentNullException">A null subject.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An undefined <paramref name="timing"/>.</exception>
    /// <exception cref="DataSetFormatException">A record the model cannot simulate (unknown CMT, a missing or out-of-range parameter, ...).</exception>
    public SubjectPrediction Simulate(DataSetSubject subject, ParameterTiming timing = ParameterTiming.NextRecord) =>
        DataSetSimulator.Simulate(this, subject, timing);

    /// <summary>Predicts every record of many subjects with this model, in parallel batches, in bounded memory.</summary>
    /// <param name="subjects">The subjects (e.g. from <see cref="DataSetSubject.Read"/>), enumerated once.</param>
    /// <param name="timing">Parameter timing.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use, or -1 for all cores.</param>
    /// <param name="batchSize">Subjects simulated per parallel batch, 1 to 100,000.</param>
    /// <returns>One prediction per subject, in input order.</returns>
    /// <exception cref="ArgumentNullException">A null argument.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A bad <paramref name="timing"/>, <paramref name="maxDegreeOfParallelism"/> or <paramref name="batchSize"/>.</exception>
    /// <exception cref="DataSetFormatException">The first (in input order) record that cannot be simulated.</exception>
    public IEnumerable<SubjectPrediction> SimulateMany(IEnumerable<DataSetSubject> subjects, ParameterTiming timing = ParameterTiming.NextRecord,
        int maxDegreeOfParallelism = -1, int batchSize = 256) =>
        DataSetSimulator.SimulateMany(this, subjects, timing, maxDegreeOfParallelism, batchSize);
}
