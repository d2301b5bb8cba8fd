using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Domain.Identity;
using OpenEts.Server.Hosting;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

/// <summary>Walks every endpoint and page: each declares who may use it, anonymous callers and wrong roles are refused.</summary>
public sealed class EndpointAccessTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static readonly HashSet<string> PublicRoutes =
    [
        "", "Index", "Account/Login", "Account/Denied", "ApiReference", "Transparency", "Disclosure", "/api/v1/journal/digests",
        // MRV: the disclosure page's approved totals and its JSON download (信息公开).
        "/api/v1/mrv/approved",
        "/openapi/{documentName}.json", "/openapi", "/health", "/healthz", "/lang/{culture}",
        // The page a browser is shown for an address or record that does not exist (it reads nothing).
        "NotFound",
        // Offsets: the public issuance and retirement lists, and what a unit class is.
        "Registry/Issuances", "Registry/Retirements", "/api/v1/registry/classes/{class}/attributes",
        "/api/v1/registry/public/retirements", "/api/v1/registry/public/retirements.xlsx", "/api/v1/registry/public/retirements.csv",
        "/api/v1/registry/public/issuances", "/api/v1/registry/public/issuances.xlsx", "/api/v1/registry/public/issuances.csv",
        // Compliance: the yearly list and its export, like the 履约 announcements.
        "Compliance", "Compliance/Index", "/api/v1/compliance/years", "/api/v1/compliance/{jurisdiction}/{year}",
        "/api/v1/compliance/{jurisdiction}/{year}/list.xlsx",
        // Auctions: announcements and published results (有偿发放公告与结果) are public.
        "Auctions", "Auctions/Index", "Auctions/Detail/{id:long}", "/api/v1/auctions/", "/api/v1/auctions/{id}",
        // Allocation: the published schema of plan documents.
        "/api/v1/allocation/schema",
        // The offset project register: public from validation on (OffsetsQueries.MaySee), as Verra's and Gold Standard's are.
        "Offsets", "Offsets/Index", "Offsets/Project", "/api/v1/offsets/programmes", "/api/v1/offsets/projects", "/api/v1/offsets/projects/{id}",
        "/api/v1/offsets/facts/{programme}/{code}", "/api/v1/offsets/documents/{id}",
        // Carbon inclusion: programmes with their methodologies, sources and flags are published.
        "Inclusion", "Inclusion/Index", "Inclusion/Programme", "Inclusion/SignUp", "Inclusion/Totals", "/api/v1/inclusion/programmes", "/api/v1/inclusion/programmes/{id}",
        "Inclusion", "Inclusion/Index", "Inclusion/Programme", "/api/v1/inclusion/programmes", "/api/v1/inclusion/programmes/{id}",
        // Sign-up (a person has no account yet) and partners' submissions (authenticated by the partner key in the use case), both rate-limited.
        "/api/v1/inclusion/signup", "/api/v1/inclusion/partner/actions", "/api/v1/inclusion/partner/quality",
        // Energy dual control: the 晴雨表 (energy and pollutant totals), the grades and the accountability list are published, as the provinces publish them.
        "Energy", "Energy/Index", "Energy/Targets/Accountability", "/api/v1/energy/warnings", "/api/v1/energy/pollutant-warnings", "/api/v1/energy/assessments",
        "/api/v1/energy/accountability",
        // Polluter cards: the rules and the published quarterly lists are public; the reduction calculators store nothing.
        "Energy/Cards", "Energy/Cards/Index", "Energy/Cards/List", "Energy/Calculators", "Energy/Calculators/Index",
        "/api/v1/energy/cards/rules", "/api/v1/energy/cards/lists", "/api/v1/energy/cards/lists/{jurisdiction}/{quarter}",
        "/api/v1/energy/cards/lists/{jurisdiction}/{quarter}/list.xlsx", "/api/v1/energy/calculators/scc", "/api/v1/energy/calculators/apu",
        "/api/v1/energy/calculators/boiler", "/api/v1/energy/calculators/pv", "/api/v1/energy/calculators/retrofit",
        // Market data: tickers, K-lines, depth and the published statistics are public.
        "Market", "Market/Index", "Market/Statistics", "Market/Instrument/{code}", "/api/v1/market/statistics",
        "/api/v1/market/statistics.xlsx", "/api/v1/market/instruments", "/api/v1/market/{instrument}/ticker",
        "/api/v1/market/{instrument}/klines", "/api/v1/market/{instrument}/depth",
        "/api/v1/market/{instrument}/stream",
        // The exchange's market: instruments, trade prints and depth are public, as exchanges publish them.
        "/api/v1/exchange/instruments", "/api/v1/exchange/instruments/{code}/trades", "/api/v1/exchange/instruments/{code}/depth",
        // The official closes, as exchanges publish them.
        "/api/v1/exchange/closes",
    ];

    private static readonly Dictionary<Role, string> UserOf = new()
    {
        [Role.Regulator] = "regulator",
        [Role.Auditor] = "auditor",
        [Role.Verifier] = "verifier",
        [Role.ExchangeMember] = "exchange",
        [Role.CompanyRepresentative] = "power-a",
        [Role.Citizen] = "citizen",
    };

    private List<(string Method, string Route, string Url, bool Api, IReadOnlyList<string> Roles, bool Anonymous)> Endpoints()
    {
        var source = server.Services.GetRequiredService<EndpointDataSource>();
        var pages = server.Services.GetRequiredService<PageLoader>();
        var list = new List<(string, string, string, bool, IReadOnlyList<string>, bool)>();
        // A page's access rules are read as a request sees them: from its full description, built on first use.
        foreach (var e in source.Endpoints.Select(e => PagesOnFirstUse.Loaded(e, pages)).OfType<RouteEndpoint>())
        {
            var route = e.RoutePattern.RawText ?? "";
            var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            var roles = e.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
            var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            foreach (var method in methods)
            {
                list.Add((method, route, Url(route), route.StartsWith("/api/", StringComparison.Ordinal), roles, anonymous));
            }
        }
        return list;
    }

    private static string Url(string route) => "/" + route.TrimStart('/')
        .Replace("{code}", "91440101MA5CY10016", StringComparison.Ordinal)
        .Replace("{code?}", "91440101MA5CY10016", StringComparison.Ordinal)
        .Replace("{id:long}", "1", StringComparison.Ordinal)
        .Replace("{id}", "fuzhou-lvbao-2024", StringComparison.Ordinal)
        .Replace("{account}", "GD-HOLD-POWER", StringComparison.Ordinal)
        .Replace("{class}", "GDEA-2017", StringComparison.Ordinal)
        .Replace("{serial:long}", "1", StringComparison.Ordinal)
        .Replace("{culture}", "en", StringComparison.Ordinal)
        .Replace("{userName}", "auditor", StringComparison.Ordinal)
        .Replace("{documentName}", "v1", StringComparison.Ordinal)
        .Replace("{jurisdiction}", "GD", StringComparison.Ordinal)
        .Replace("{year:int}", "2017", StringComparison.Ordinal)
        .Replace("{plan}", "guangdong-2017", StringComparison.Ordinal)
        .Replace("{version:int}", "1", StringComparison.Ordinal)
        .Replace("{organisation}", "91440101MA5CY10016", StringComparison.Ordinal)
        .Replace("{instrument}", "CEA-2026", StringComparison.Ordinal);

    [Fact]
    public void EveryEndpoint_DeclaresRolesOrIsDeliberatelyPublic()
    {
        var endpoints = Endpoints();

        Assert.True(endpoints.Count > 20, $"only {endpoints.Count} endpoints found");
        foreach (var e in endpoints)
        {
            if (e.Anonymous)
            {
                Assert.True(PublicRoutes.Contains(e.Route), $"{e.Method} {e.Route} allows anonymous callers but is not on the public list");
            }
            else
            {
                Assert.True(e.Roles.Count > 0, $"{e.Method} {e.Route} does not declare which roles may use it");
            }
        }
    }

    [Fact]
    public async Task EveryProtectedEndpoint_RefusesAnonymousCaller()
    {
        using var client = server.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var e in Endpoints().Where(e => !e.Anonymous))
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(e.Method), e.Url), TestContext.Current.CancellationToken);

            if (e.Api)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{e.Method} {e.Url}: {response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect
                    && response.Headers.Location!.ToString().Contains("/Account/Login", StringComparison.Ordinal),
                    $"{e.Method} {e.Url}: {response.StatusCode} {response.Headers.Location}");
            }
        }
    }

    [Fact]
    public async Task EveryProtectedEndpoint_RefusesEachWrongRole()
    {
        var checkedCount = 0;
        foreach (var (role, user) in UserOf)
        {
            using var client = await server.SignedInAsync(user);
            foreach (var e in Endpoints().Where(e => !e.Anonymous && !e.Roles.Contains(role.ToString())))
            {
                using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(e.Method), e.Url), TestContext.Current.CancellationToken);

                if (e.Api)
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} {e.Method} {e.Url}: {response.StatusCode}");
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Redirect
                        && response.Headers.Location!.ToString().Contains("/Account/Denied", StringComparison.Ordinal),
                        $"{role} {e.Method} {e.Url}: {response.StatusCode} {response.Headers.Location}");
                }
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 30, $"only {checkedCount} wrong-role calls were tried");
    }
}
