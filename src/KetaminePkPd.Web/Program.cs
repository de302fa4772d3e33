using KetaminePkPd.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

// The teaching page: one root component, no server. Every number on the page comes from the library (src/KetaminePkPd).
var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
await builder.Build().RunAsync();
