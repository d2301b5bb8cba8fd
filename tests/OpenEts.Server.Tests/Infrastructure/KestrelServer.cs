using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace OpenEts.Server.Tests.Infrastructure;

/// <summary>
/// The whole server in the test process on a real loopback port (Kestrel), so that what Kestrel itself does is seen too:
/// the headers it adds, the request size limit it enforces (the in-memory test server enforces none).
/// </summary>
public sealed class KestrelServer : ServerFactory, IAsyncLifetime
{
    public Uri BaseAddress { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        // A loopback endpoint on a free port, configured on Kestrel itself: UseKestrel(0) rewrites the server's addresses after
        // the app has started Kestrel on its own thread, and throws when Kestrel bound first ("IServerAddressesFeature.Addresses
        // cannot be modified after the server has started", dotnet/aspnetcore#67714). Kestrel lists the bound address itself.
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return ValueTask.CompletedTask;
    }
}
