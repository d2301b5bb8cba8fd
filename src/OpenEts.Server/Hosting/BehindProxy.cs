using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OpenEts.Server.Hosting;

/// <summary>
/// Running behind a TLS-terminating proxy (nginx, Caddy): the proxy's <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed only from the addresses in <c>--trusted-proxies</c> (comma-separated; loopback
/// is always trusted, as a proxy on the same machine is the common case). A request that arrived over HTTPS gets HSTS,
/// and cookies are marked Secure whenever the request was HTTPS.
/// </summary>
internal static class BehindProxy
{
    /// <summary>Reads <c>--trusted-proxies</c> / <c>OPENETS_TRUSTED_PROXIES</c>; a value that is not an IP address stops the start.</summary>
    public static void Configure(IServiceCollection services, IConfiguration configuration)
    {
        var listed = configuration["trusted-proxies"] ?? configuration["OPENETS_TRUSTED_PROXIES"]
            ?? Environment.GetEnvironmentVariable("OPENETS_TRUSTED_PROXIES") ?? "";
        var proxies = new List<IPAddress>();
        foreach (var text in listed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IPAddress.TryParse(text, out var address))
            {
                throw new StartupException($"--trusted-proxies: '{text}' is not an IP address (give the proxies' addresses, comma-separated).");
            }
            proxies.Add(address);
        }
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }
        });
        // The antiforgery cookie too (its default is never Secure).
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
    }

    /// <summary>Forwarded headers first (so that everything after sees the client's scheme and address), then HSTS on HTTPS.</summary>
    public static void Use(WebApplication app)
    {
        app.UseForwardedHeaders();
        // UseHsts writes the header only on HTTPS requests, and never for localhost hosts.
        app.UseHsts();
    }
}
