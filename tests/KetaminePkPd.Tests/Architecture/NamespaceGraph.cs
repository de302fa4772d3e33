using System.Reflection;
using System.Text;
using Mono.Cecil;

namespace KetaminePkPd.Tests.Architecture;

/// <summary>
/// The namespace dependency graph of the project's assemblies, read from their IL with Mono.Cecil: namespace A depends on
/// namespace B when a type of A (or a type nested in one) names a type of B in its base type, interfaces, attributes,
/// fields, properties, method signatures, locals or the operands of its method bodies (types, methods, fields).
/// Documentation <c>cref</c>s and unused <c>using</c> directives leave no trace in IL and do not count.
/// </summary>
internal static class NamespaceGraph
{
    /// <summary>The assemblies checked, lowest layer first: the domain, the application layer, plotting, the command line's file handling and the command line.</summary>
    public static readonly string[] Assemblies = ["KetaminePkPd", "KetaminePkPd.Application", "KetaminePkPd.Plotting", "KetaminePkPd.Cli.Files", "ketamine-pkpd"];

    /// <summary>Direct dependencies between the project's namespaces (any of <see cref="Assemblies"/>), with one type-level
    /// example per edge (<c>Type -> Type</c>) for messages.</summary>
    public static SortedDictionary<(string From, string To), string> Edges(IEnumerable<string> assemblies)
    {
        var edges = new SortedDictionary<(string, string), string>();
        foreach (string name in assemblies)
        {
            string path = Assembly.Load(name).Location;
            using var module = ModuleDefinition.ReadModule(path);
            foreach (var type in AllTypes(module.Types))
            {
                string from = Namespace(type);
                if (!IsOurs(from)) continue;
                foreach (var referenced in References(type))
                {
                    string to = Namespace(referenced);
                    if (to == from || !IsOurs(to)) continue;
                    edges.TryAdd((from, to), $"{TopLevel(type).FullName} -> {TopLevel(referenced).FullName}");
                }
            }
        }
        return edges;
    }

    /// <summary>The strongly connected components of more than one namespace (Tarjan): each is a cycle.</summary>
    public static List<List<string>> Cycles(IEnumerable<(string From, string To)> edges)
    {
        var next = new Dictionary<string, List<string>>();
        foreach (var (a, b) in edges)
        {
            if (!next.TryGetValue(a, out var list)) next[a] = list = [];
            list.Add(b);
            next.TryAdd(b, []);
        }
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<List<string>>();
        int counter = 0;
        void Visit(string v)
        {
            index[v] = low[v] = counter++;
            stack.Push(v);
            onStack.Add(v);
            foreach (string w in next[v])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string x;
            do
            {
                x = stack.Pop();
                onStack.Remove(x);
                component.Add(x);
            }
            while (x != v);
            if (component.Count > 1) cycles.Add([.. component.Order(StringComparer.Ordinal)]);
        }
        foreach (string v in next.Keys.Order(StringComparer.Ordinal))
            if (!index.ContainsKey(v)) Visit(v);
        return cycles;
    }

    /// <summary>
    /// The graph as the markdown section of docs/architecture.md: a mermaid diagram of the transitive reduction (an edge
    /// A -> B is drawn only when no longer path leads from A to B) grouped by assembly, and the full list of direct
    /// dependencies. The graph must be acyclic.
    /// </summary>
    public static string Markdown()
    {
        var edges = Edges(Assemblies);
        var owner = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in Assemblies)
        {
            using var module = ModuleDefinition.ReadModule(Assembly.Load(name).Location);
            foreach (var type in AllTypes(module.Types))
                if (IsOurs(Namespace(type))) owner.TryAdd(Namespace(type), name);
        }
        var next = owner.Keys.ToDictionary(n => n, n => edges.Keys.Where(e => e.From == n).Select(e => e.To).ToList());
        bool Reachable(string from, string to, (string, string) skip)
        {
            var seen = new HashSet<string>();
            var work = new Stack<string>([from]);
            while (work.Count > 0)
            {
                string v = work.Pop();
                foreach (string w in next[v])
                {
                    if ((v, w) == skip) continue;
                    if (w == to) return true;
                    if (seen.Add(w)) work.Push(w);
                }
            }
            return false;
        }
        var sb = new StringBuilder();
        sb.Append("```mermaid\nflowchart BT\n");
        foreach (string assembly in Assemblies)
        {
            sb.Append("  subgraph ").Append(Id(assembly)).Append("[\"").Append(assembly).Append("\"]\n");
            foreach (string ns in owner.Where(o => o.Value == assembly).Select(o => o.Key))
                sb.Append("    ").Append(Id(ns)).Append("[\"").Append(ns).Append("\"]\n");
            sb.Append("  end\n");
        }
        foreach (var (from, to) in edges.Keys)
            if (!Reachable(from, to, (from, to)))
                sb.Append("  ").Append(Id(from)).Append(" --> ").Append(Id(to)).Append('\n');
        sb.Append("```\n\n| Namespace | Assembly | Depends on (directly) |\n|---|---|---|\n");
        foreach (var (ns, assembly) in owner)
        {
            var to = next[ns].Order(StringComparer.Ordinal).Select(t => $"`{t}`");
            sb.Append("| `").Append(ns).Append("` | ").Append(assembly).Append(" | ").Append(string.Join(", ", to)).Append(" |\n");
        }
        return sb.ToString();
    }

    private static string Id(string name) => name.Replace('.', '_').Replace('-', '_');

    private static bool IsOurs(string ns) => ns == "KetaminePkPd" || ns.StartsWith("KetaminePkPd.", StringComparison.Ordinal);

    private static TypeReference TopLevel(TypeReference t)
    {
        while (t.DeclaringType is not null) t = t.DeclaringType;
        return t;
    }

    private static string Namespace(TypeReference t) => TopLevel(t).Namespace;

    private static IEnumerable<TypeDefinition> AllTypes(IEnumerable<TypeDefinition> types)
    {
        foreach (var t in types)
        {
            yield return t;
            foreach (var nested in AllTypes(t.NestedTypes)) yield return nested;
        }
    }

    private static List<TypeReference> References(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? r)
        {
            switch (r)
            {
                case null or GenericParameter:
                    return;
                case GenericInstanceType g:
                    Add(g.ElementType);
                    foreach (var a in g.GenericArguments) Add(a);
                    return;
                case TypeSpecification s:
                    Add(s.ElementType);
                    return;
                default:
                    found.Add(r);
                    return;
            }
        }
        void AddMethod(MethodReference m)
        {
            Add(m.DeclaringType);
            Add(m.ReturnType);
            foreach (var p in m.Parameters) Add(p.ParameterType);
            if (m is GenericInstanceMethod gm)
                foreach (var a in gm.GenericArguments) Add(a);
        }
        Add(type.BaseType);
        foreach (var i in type.Interfaces) Add(i.InterfaceType);
        foreach (var a in type.CustomAttributes) Add(a.AttributeType);
        foreach (var f in type.Fields) Add(f.FieldType);
        foreach (var p in type.Properties) Add(p.PropertyType);
        foreach (var m in type.Methods)
        {
            Add(m.ReturnType);
            foreach (var p in m.Parameters) Add(p.ParameterType);
            foreach (var a in m.CustomAttributes) Add(a.AttributeType);
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) Add(v.VariableType);
            foreach (var instruction in m.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t: Add(t); break;
                    case MethodReference mr: AddMethod(mr); break;
                    case FieldReference fr: Add(fr.DeclaringType); Add(fr.FieldType); break;
                }
            }
        }
        return found;
    }
}
