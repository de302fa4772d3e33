// While developing (dotnet run) the page registers this worker, which caches nothing, so every edit shows at once.
// The published site gets service-worker.published.js instead (the .NET SDK swaps them at publish; KetaminePkPd.Web.csproj).
self.addEventListener("fetch", function () { });
