using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Application.Exchange.MarketData;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Market;

/// <summary>The demo server whose market data comes from a <see cref="FakeMarketFeed"/>.</summary>
public sealed class MarketServer : ServerFactory
{
    public FakeMarketFeed Feed { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IMarketFeed>(Feed));
    }
}

/// <summary>The same, on a real port with Chromium.</summary>
public sealed class MarketBrowserServer : BrowserServer
{
    public FakeMarketFeed Feed { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IMarketFeed>(Feed));
    }
}
