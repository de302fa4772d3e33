using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace KetaminePkPd.Tests.Api;

/// <summary>
/// The shape rules of the public API (after NodaTime's own reflection tests): types closed unless they are extension
/// points, no public setters, records with sequences compare by value, positional records validate what they are given,
/// one public type per file, and no namespace cycle in the public surface.
/// </summary>
public partial class ApiShapeTests
{
    private static readonly Assembly[] Assemblies = [typeof(Dose).Assembly, typeof(KetaminePkPd.Plotting.Figure).Assembly];

    private static IEnumerable<Type> PublicTypes => Assemblies.SelectMany(a => a.GetExportedTypes()).OrderBy(t => t.FullName, StringComparer.Ordinal);

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KetaminePkPd.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return dir!.FullName;
    }

    private static void AssertNone(IEnumerable<string> offenders, string rule)
    {
        var list = offenders.ToList();
        Assert.True(list.Count == 0, $"{rule}:\n  " + string.Join("\n  ", list));
    }

    [Fact]
    public void PublicClasses_AreSealedAbstractOrStatic()
    {
        // Unsealed concrete classes would be accidental extension points; the real ones (EffectModel, IOdeSystem) are
        // abstract or interfaces.
        AssertNone(PublicTypes.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t)).Select(t => t.FullName!),
            "Public classes that are neither sealed, abstract nor static");
    }

    [Fact]
    public void PublicProperties_HaveNoPublicSetters_InitIsFine()
    {
        var offenders = from t in PublicTypes
                        from p in t.GetProperties(Declared)
                        let set = p.SetMethod
                        where set is not null && set.IsPublic
                            && !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit))
                        select $"{t.FullName}.{p.Name}";
        AssertNone(offenders, "Public properties with a public (non-init) setter");
    }

    [Fact]
    public void PublicFields_AreConstOrStaticReadOnly()
    {
        var offenders = from t in PublicTypes
                        where !t.IsEnum
                        from f in t.GetFields(Declared)
                        where !f.IsLiteral && !(f.IsStatic && f.IsInitOnly) && !(t.IsValueType && f.IsInitOnly)
                        select $"{t.FullName}.{f.Name}";
        AssertNone(offenders, "Public fields that can be written");
    }

    private static bool IsRecord(Type t) =>
        t.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null
        || (t.IsValueType && t.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is { } pm && pm.IsDefined(typeof(CompilerGeneratedAttribute)));

    /// <summary>Collection types whose Equals is reference equality (or, for ImmutableArray, reference equality of the
    /// underlying array): a record holding one compares by reference unless it defines its own Equals.</summary>
    private static bool IsSequenceWithoutValueEquality(Type type)
    {
        if (type == typeof(string)) return false;
        if (type.IsArray) return true;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>)) return true;
        if (Nullable.GetUnderlyingType(type) is { } inner) return IsSequenceWithoutValueEquality(inner);
        if (type.IsInterface && typeof(IEnumerable).IsAssignableFrom(type)) return true;
        return typeof(IEnumerable).IsAssignableFrom(type) && type.Namespace is { } ns && ns.StartsWith("System.Collections", StringComparison.Ordinal);
    }

    /// <summary>A record holding a sequence compares it element by element (its own Equals(T) and GetHashCode).</summary>
    [Fact]
    public void Records_HoldingSequences_HaveValueEquality()
    {
        var offenders = new List<string>();
        foreach (var t in PublicTypes.Where(IsRecord))
        {
            // Fields, not properties: a computed property (no field) takes no part in the generated equality.
            var sequences = t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Where(f => IsSequenceWithoutValueEquality(f.FieldType)).Select(f => f.Name).ToList();
            if (sequences.Count == 0) continue;
            // The compiler's Equals(T) compares each field with EqualityComparer<T>.Default, i.e. sequences by reference;
            // a record that compares sequences by value must declare its own.
            var equals = t.GetMethod("Equals", Declared, [t]);
            bool own = equals is not null && !equals.IsDefined(typeof(CompilerGeneratedAttribute));
            if (!own) offenders.Add($"{t.FullName} ({string.Join(", ", sequences)})");
        }
        AssertNone(offenders, "Records that hold sequences but compare them by reference (define Equals(T) and GetHashCode over the elements)");
    }

    /// <summary>An argument that no validating constructor should accept, for a parameter of this type; null when there is none.</summary>
    private static (bool Has, object? Value) Invalid(Type type)
    {
        if (type == typeof(double)) return (true, double.NaN);
        if (type == typeof(float)) return (true, float.NaN);
        if (type == typeof(TimeSpan)) return (true, TimeSpan.MinValue);
        if (type.IsEnum) return (true, Enum.ToObject(type, -12345));
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>)) return (true, Activator.CreateInstance(type));
        if (!type.IsValueType) return (true, null);
        return (false, type.IsValueType ? Activator.CreateInstance(type) : null);
    }

    [Fact]
    public void PositionalRecords_WithPublicConstructors_RejectInvalidArguments()
    {
        // A positional record's primary constructor is public; if it checks nothing, any caller can build a result that
        // could never come out of the library (NaN exposures, null arrays). Each must reject every-argument-invalid input
        // (NaN numbers, null references, default arrays, undefined enums) with an ArgumentException.
        var offenders = new List<string>();
        foreach (var t in PublicTypes.Where(IsRecord))
        {
            var deconstruct = t.GetMethod("Deconstruct", BindingFlags.Public | BindingFlags.Instance);
            if (deconstruct is null) continue;
            var names = deconstruct.GetParameters().Select(p => p.Name).ToArray();
            var ctor = t.GetConstructors().FirstOrDefault(c => c.GetParameters().Select(p => p.Name).SequenceEqual(names, StringComparer.OrdinalIgnoreCase));
            if (ctor is null) continue;
            var args = ctor.GetParameters().Select(p => Invalid(p.ParameterType)).ToList();
            if (!args.Any(a => a.Has)) continue;
            try
            {
                ctor.Invoke([.. args.Select(a => a.Value)]);
                offenders.Add(t.FullName!);
            }
            catch (TargetInvocationException e) when (e.InnerException is ArgumentException) { }
        }
        AssertNone(offenders, "Positional records whose public constructor accepts NaN, null, default arrays and undefined enums");
    }

    [GeneratedRegex(@"^public\s+(?:(?:sealed|static|abstract|readonly|partial|unsafe|ref)\s+)*(?:record\s+struct|record\s+class|record|class|struct|interface|enum|delegate)\b", RegexOptions.Multiline)]
    private static partial Regex TopLevelPublicType();

    [Fact]
    public void SourceFiles_DeclareAtMostOnePublicType()
    {
        string root = Root();
        var offenders = new[] { "KetaminePkPd", "KetaminePkPd.Plotting" }
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(root, "src", p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(root, f), Count: TopLevelPublicType().Matches(File.ReadAllText(f)).Count))
            .Where(x => x.Count > 1)
            .Select(x => $"{x.File}: {x.Count} public types");
        AssertNone(offenders, "Files with more than one public type");
    }

    /// <summary>The library's namespaces a public member's signature mentions.</summary>
    private static IEnumerable<string> Namespaces(Type? type)
    {
        if (type is null) yield break;
        if (type.HasElementType)
        {
            foreach (var n in Namespaces(type.GetElementType())) yield return n;
            yield break;
        }
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
            foreach (var arg in type.GetGenericArguments())
                foreach (var n in Namespaces(arg)) yield return n;
        if (!type.IsGenericParameter && Assemblies.Contains(type.Assembly) && type.Namespace is { } ns) yield return ns;
    }

    [Fact]
    public void PublicSurface_HasNoNamespaceCycle()
    {
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var t in PublicTypes)
        {
            var used = new List<Type?> { t.BaseType };
            used.AddRange(t.GetInterfaces());
            const BindingFlags visible = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var m in t.GetMembers(visible))
                switch (m)
                {
                    case PropertyInfo p: used.Add(p.PropertyType); break;
                    case FieldInfo f: used.Add(f.FieldType); break;
                    case MethodInfo mi: used.Add(mi.ReturnType); used.AddRange(mi.GetParameters().Select(x => x.ParameterType)); break;
                    case ConstructorInfo c: used.AddRange(c.GetParameters().Select(x => x.ParameterType)); break;
                    case EventInfo e: used.Add(e.EventHandlerType); break;
                }
            var from = t.Namespace!;
            if (!edges.TryGetValue(from, out var set)) edges[from] = set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var n in used.SelectMany(Namespaces)) if (n != from) set.Add(n);
        }
        var cycles = new List<string>();
        foreach (var a in edges.Keys)
            foreach (var b in edges[a])
                if (Reaches(edges, b, a)) cycles.Add($"{a} -> {b} -> ... -> {a}");
        AssertNone(cycles.Distinct(), "Namespace cycles in the public surface");
    }

    private static bool Reaches(Dictionary<string, HashSet<string>> edges, string from, string to)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([from]);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n == to) return true;
            if (!seen.Add(n) || !edges.TryGetValue(n, out var next)) continue;
            foreach (var m in next) stack.Push(m);
        }
        return false;
    }
}
