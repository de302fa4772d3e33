using System.Reflection;
using Mono.Cecil;

namespace KetaminePkPd.Tests.Architecture;

/// <summary>
/// Issue 21: the application layer should use the domain package through its public API only. It still reaches some domain
/// internals through <c>InternalsVisibleTo</c>; this test lists them, read from the application assembly's IL with Mono.Cecil
/// (every type, method and field of <c>KetaminePkPd</c> named in a signature, a local or a method body that a NuGet user could
/// not name), and compares the list with the approved file next to this test, so the list can only shrink on purpose and
/// never grow unnoticed. Constants are inlined by the compiler and leave no trace in IL: they are not listed.
/// </summary>
public sealed class DomainInternalsTests
{
    private const string ApprovedFile = "ApplicationDomainInternals.approved.txt";

    [Fact]
    public void ApplicationLayer_UsesOnlyTheApprovedDomainInternals()
    {
        var used = DomainInternalsUsedBy("KetaminePkPd.Application");

        string root = RepoRoot();
        string folder = Path.Combine(root, "tests", "KetaminePkPd.Tests", "Architecture");
        string approvedPath = Path.Combine(folder, ApprovedFile);
        string receivedPath = Path.Combine(folder, "ApplicationDomainInternals.received.txt");
        string text = string.Join('\n', used) + "\n";
        string approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n") : "";
        if (approved == text)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, text);
        Assert.Fail($"The domain internals the application layer uses differ from the approved list ({used.Count} now). Review " +
            $"the difference (diff {Path.GetRelativePath(root, approvedPath)} {Path.GetRelativePath(root, receivedPath)}); a new " +
            $"entry should rather become public API or move to the application layer. If intended, accept it with " +
            $"cp {Path.GetRelativePath(root, receivedPath)} {Path.GetRelativePath(root, approvedPath)} (from the repository root).");
    }

    [Fact]
    public void DomainInternalsUsedBy_ThePlottingLayer_IsEmpty()
    {
        // The check itself: plotting has no InternalsVisibleTo on the domain, so whatever it uses is public and the list is empty,
        // while the application layer's list is not (its Vocabulary facade forwards to the domain's internal one).
        Assert.Empty(DomainInternalsUsedBy("KetaminePkPd.Plotting"));
        Assert.Contains("KetaminePkPd.Vocabulary", DomainInternalsUsedBy("KetaminePkPd.Application"));
    }

    /// <summary>The domain's non-public types and members that <paramref name="assemblyName"/> names, sorted: <c>Type</c> for a
    /// non-public type, <c>Type::Member</c> for a non-public member of a public type.</summary>
    internal static List<string> DomainInternalsUsedBy(string assemblyName)
    {
        string path = Assembly.Load(assemblyName).Location;
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(path)!);
        using var module = ModuleDefinition.ReadModule(path, new ReaderParameters { AssemblyResolver = resolver });
        var found = new SortedSet<string>(StringComparer.Ordinal);

        void Type(TypeReference? r)
        {
            switch (r)
            {
                case null or GenericParameter:
                    return;
                case GenericInstanceType g:
                    Type(g.ElementType);
                    foreach (var a in g.GenericArguments) Type(a);
                    return;
                case TypeSpecification s:
                    Type(s.ElementType);
                    return;
            }
            if (!IsDomain(r.Scope)) return;
            var definition = r.Resolve();
            if (definition is not null && !IsVisible(definition)) found.Add(Name(definition));
        }
        void Method(MethodReference m)
        {
            Type(m.DeclaringType);
            Type(m.ReturnType);
            foreach (var p in m.Parameters) Type(p.ParameterType);
            if (m is GenericInstanceMethod gm)
                foreach (var a in gm.GenericArguments) Type(a);
            if (!IsDomain(m.DeclaringType.Scope)) return;
            var definition = m.Resolve();
            if (definition is not null && IsVisible(definition.DeclaringType) && !(definition.IsPublic || definition.IsFamily || definition.IsFamilyOrAssembly))
                found.Add(Name(definition.DeclaringType) + "::" + MemberName(definition));
        }
        void Field(FieldReference f)
        {
            Type(f.DeclaringType);
            Type(f.FieldType);
            if (!IsDomain(f.DeclaringType.Scope)) return;
            var definition = f.Resolve();
            if (definition is not null && IsVisible(definition.DeclaringType) && !(definition.IsPublic || definition.IsFamily || definition.IsFamilyOrAssembly))
                found.Add(Name(definition.DeclaringType) + "::" + definition.Name);
        }

        foreach (var type in AllTypes(module.Types))
        {
            Type(type.BaseType);
            foreach (var i in type.Interfaces) Type(i.InterfaceType);
            foreach (var f in type.Fields) Type(f.FieldType);
            foreach (var p in type.Properties) Type(p.PropertyType);
            foreach (var m in type.Methods)
            {
                Type(m.ReturnType);
                foreach (var p in m.Parameters) Type(p.ParameterType);
                if (!m.HasBody) continue;
                foreach (var v in m.Body.Variables) Type(v.VariableType);
                foreach (var instruction in m.Body.Instructions)
                {
                    switch (instruction.Operand)
                    {
                        case TypeReference t: Type(t); break;
                        case MethodReference mr: Method(mr); break;
                        case FieldReference fr: Field(fr); break;
                    }
                }
            }
        }
        return [.. found];
    }

    private static bool IsDomain(IMetadataScope scope) => scope switch
    {
        AssemblyNameReference a => a.Name == "KetaminePkPd",
        ModuleDefinition m => m.Assembly.Name.Name == "KetaminePkPd",
        _ => false,
    };

    private static bool IsVisible(TypeDefinition t) =>
        t.DeclaringType is null ? t.IsPublic : (t.IsNestedPublic || t.IsNestedFamily || t.IsNestedFamilyOrAssembly) && IsVisible(t.DeclaringType);

    private static string Name(TypeDefinition t) => t.FullName.Replace('/', '+');

    // Accessors name their property (get_X -> X); other methods their name.
    private static string MemberName(MethodDefinition m) =>
        m.IsGetter || m.IsSetter ? m.Name[4..] : m.Name == ".ctor" ? "(constructor)" : m.Name;

    private static IEnumerable<TypeDefinition> AllTypes(IEnumerable<TypeDefinition> types)
    {
        foreach (var t in types)
        {
            yield return t;
            foreach (var nested in AllTypes(t.NestedTypes)) yield return nested;
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KetaminePkPd.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
