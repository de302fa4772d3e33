using System.Reflection;
using PublicApiGenerator;

namespace KetaminePkPd.Tests.Api;

/// <summary>
/// The public API of the library, application-layer and plotting assemblies, as PublicApiGenerator prints it, must equal the approved file
/// next to this test, so that every change to the surface is a reviewed diff.
/// </summary>
public class PublicApiTests
{
    private static string ApiFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KetaminePkPd.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir!.FullName, "tests", "KetaminePkPd.Tests", "Api");
    }

    public static TheoryData<string> Assemblies => new() { "KetaminePkPd", "KetaminePkPd.Application", "KetaminePkPd.Plotting" };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void PublicApi_OfAssembly_MatchesTheApprovedFile(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        string api = assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).Replace("\r\n", "\n").TrimEnd() + "\n";
        string folder = ApiFolder();
        string approvedPath = Path.Combine(folder, $"{assemblyName}.approved.txt");
        string receivedPath = Path.Combine(folder, $"{assemblyName}.received.txt");
        string approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n") : "";
        if (approved == api)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, api);
        string root = Path.GetFullPath(Path.Combine(folder, "..", "..", ".."));
        Assert.Fail($"The public API of {assemblyName} differs from the approved one. Review the difference " +
            $"(diff {Path.GetRelativePath(root, approvedPath)} {Path.GetRelativePath(root, receivedPath)}); if it is intended, accept it with " +
            $"cp {Path.GetRelativePath(root, receivedPath)} {Path.GetRelativePath(root, approvedPath)} (run from the repository root) and commit the approved file.");
    }
}
