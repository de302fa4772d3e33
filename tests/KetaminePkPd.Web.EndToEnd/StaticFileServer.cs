using System.Net;

namespace KetaminePkPd.Web.EndToEnd;

/// <summary>
/// A tiny static file server on 127.0.0.1 (HttpListener) for the published page, as GitHub Pages would serve it:
/// plain files with their content types, index.html for "/". Started and stopped by the test fixture.
/// </summary>
public sealed class StaticFileServer : IDisposable
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8", [".js"] = "text/javascript", [".mjs"] = "text/javascript", [".css"] = "text/css",
        [".json"] = "application/json", [".wasm"] = "application/wasm", [".png"] = "image/png", [".ico"] = "image/x-icon",
        [".txt"] = "text/plain", [".dat"] = "application/octet-stream", [".webmanifest"] = "application/manifest+json",
    };

    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly Task _loop;

    /// <summary>Serves <paramref name="root"/> on a free loopback port.</summary>
    public StaticFileServer(string root)
    {
        _root = Path.GetFullPath(root);
        int port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The address, ending in a slash.</summary>
    public string BaseUrl { get; }

    private long _bytes;

    /// <summary>Bytes served so far (uncompressed).</summary>
    public long BytesServed => Interlocked.Read(ref _bytes);

    private static int FreePort()
    {
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => Serve(context));
        }
    }

    private void Serve(HttpListenerContext context)
    {
        try
        {
            string relative = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
            if (relative.Length == 0) relative = "index.html";
            string path = Path.GetFullPath(Path.Combine(_root, relative));
            if (!path.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(path))
            {
                context.Response.StatusCode = 404;
                return;
            }
            byte[] body = File.ReadAllBytes(path);
            context.Response.ContentType = Types.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
            context.Response.ContentLength64 = body.Length;
            context.Response.OutputStream.Write(body);
            Interlocked.Add(ref _bytes, body.Length);
        }
        catch (Exception e) when (e is HttpListenerException or IOException) { }
        finally
        {
            try { context.Response.Close(); } catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { }
        }
    }

    /// <summary>Stops listening.</summary>
    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
