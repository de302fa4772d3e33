using Microsoft.Playwright;

namespace KetaminePkPd.Web.EndToEnd;

/// <summary>
/// The published page served on 127.0.0.1 and one headless Chromium for all tests. Where the page was published and
/// which Chromium to use come from KETAMINE_WEB_PUBLISHED (default out/web/wwwroot in the repository, where .ci/run
/// publishes) and KETAMINE_CHROMIUM (default /usr/bin/chromium). Either one missing fails every test with a message that
/// says how to get it: this test never passes without having run.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Chromium's flags on this kind of machine (no network but loopback, no GPU, running as root).</summary>
    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private StaticFileServer? _server;

    /// <summary>The repository root (the folder with KetaminePkPd.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The page's address.</summary>
    public string BaseUrl => _server!.BaseUrl;

    /// <summary>Where screenshots go: docs/figures in the repository.</summary>
    public static string FiguresFolder => Path.Combine(RepositoryRoot, "docs", "figures");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        string published = Environment.GetEnvironmentVariable("KETAMINE_WEB_PUBLISHED") is { Length: > 0 } p
            ? p : Path.Combine(RepositoryRoot, "out", "web", "wwwroot");
        if (!File.Exists(Path.Combine(published, "index.html")))
            throw new InvalidOperationException(
                $"The published page is missing: no index.html in {published}. Publish it first: " +
                "dotnet publish src/KetaminePkPd.Web -c Release -o out/web (or set KETAMINE_WEB_PUBLISHED to a published wwwroot).");
        string chromium = Environment.GetEnvironmentVariable("KETAMINE_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException(
                $"Chromium is missing: no {chromium}. Install it (Debian: apt-get install -y chromium) or set KETAMINE_CHROMIUM to a Chromium binary.");
        _server = new StaticFileServer(published);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = Flags });
    }

    /// <summary>The projector-sized viewport of <see cref="OpenAsync"/>, px.</summary>
    public const int Width = 1280, Height = 800;

    /// <summary>A new page at 1280 x 800 (a laptop or projector), loaded and ready (the one-patient numbers are shown).</summary>
    public async Task<IPage> OpenAsync()
    {
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = Width, Height = Height } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(BaseUrl);
        await page.WaitForSelectorAsync("#op-cmax", new() { Timeout = 60_000 });
        Assert.Empty(errors);
        return page;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        _server?.Dispose();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KetaminePkPd.sln"))) return dir.FullName;
        throw new InvalidOperationException($"KetaminePkPd.sln not found above {AppContext.BaseDirectory}.");
    }
}
