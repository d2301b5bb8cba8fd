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
        UseLoopbackKestrel();
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return ValueTask.CompletedTask;
    }
}
