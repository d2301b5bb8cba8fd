using System.Globalization;
using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// Every page, every download a page offers by a named GET handler, and every read of the API answers each role — and a
/// visitor who has not signed in — without a server error: opened bare, and with each of its query and route values at an extreme (the
/// lowest and highest a type holds, the first and last day of the calendar, a long text, text where a number is
/// expected). A refusal (400, 403, 404) or a redirect is an answer; a 500 is a blank page for the user, or a
/// program's failure it cannot explain.
/// </summary>
public sealed class EveryAddressTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null)]
    [InlineData("regulator")]
    [InlineData("auditor")]
    [InlineData("verifier")]
    [InlineData("exchange")]
    [InlineData("power-a")]
    [InlineData("citizen")]
    public async Task EveryPage_OpenedWithOrdinaryAndExtremeValues_NeverAnswersAServerError(string? user)
    {
        var addresses = PageAddresses();

        var errors = await ServerErrorsAsync(user, addresses);

        Assert.True(addresses.Count > 300, $"only {addresses.Count} addresses were built from the pages");
        Assert.True(errors.Count == 0, $"as {user ?? "a visitor"}:\n" + string.Join('\n', errors));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("regulator")]
    [InlineData("exchange")]
    [InlineData("power-a")]
    [InlineData("citizen")]
    public async Task EveryApiRead_AskedWithOrdinaryAndExtremeValues_NeverAnswersAServerError(string? user)
    {
        var addresses = ApiAddresses();

        var errors = await ServerErrorsAsync(user, addresses);

        Assert.True(addresses.Count > 100, $"only {addresses.Count} addresses were built from the API");
        Assert.True(errors.Count == 0, $"as {user ?? "a visitor"}:\n" + string.Join('\n', errors));
    }

    /// <summary>Each address that answered a server error, with its status, as the user (null: a visitor) saw it.</summary>
    private async Task<List<string>> ServerErrorsAsync(string? user, IReadOnlyList<string> addresses)
    {
        using var client = user is null
            ? server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            : await server.SignedInAsync(user);
        var errors = new List<string>();
        foreach (var address in addresses)
        {
            // Headers only: a market-data stream answers its headers and then stays open.
            using var response = await client.GetAsync(new Uri(address, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, Ct);
            if ((int)response.StatusCode >= 500)
            {
                errors.Add($"{(int)response.StatusCode} {(address.Length > 160 ? address[..160] + "…" : address)}");
            }
        }
        return errors;
    }

    private List<string> ApiAddresses()
    {
        var reads = server.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .Where(d => string.Equals(d.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase) && d.RelativePath is not null)
            .ToList();
        var addresses = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var read in reads)
        {
            var template = "/" + read.RelativePath!.Split('?')[0];
            var values = read.ParameterDescriptions
                .Where(p => p.Source == BindingSource.Path || p.Source == BindingSource.Query)
                .Select(p => (p.Name, p.Type ?? typeof(string)))
                .ToList();
            foreach (var opening in Openings)
            {
                addresses.Add(Address(template, null, values, opening));
            }
        }
        return [.. addresses];
    }

    /// <summary>The value each kind of route or query value takes in each of the four openings.</summary>
    private static readonly string[] Openings = ["ordinary", "lowest", "highest", "text"];

    private List<string> PageAddresses()
    {
        var loader = server.Services.GetRequiredService<PageLoader>();
        var pages = server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>())
            .OfType<PageActionDescriptor>()
            .DistinctBy(p => p.AttributeRouteInfo?.Template)
            .ToList();
        var addresses = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var compiled = loader.LoadAsync(page, Microsoft.AspNetCore.Http.EndpointMetadataCollection.Empty).GetAwaiter().GetResult();
            var template = "/" + (page.AttributeRouteInfo?.Template ?? page.ViewEnginePath.TrimStart('/'));
            var queried = compiled.BoundProperties
                .OfType<PageBoundPropertyDescriptor>().Where(SupportsGet)
                .Select(p => (p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType))
                .ToList();
            foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)))
            {
                var values = queried.Concat(handler.Parameters
                    .Where(p => p.BindingInfo?.BindingSource is not { } source
                        || source == BindingSource.Query
                        || source == BindingSource.Path
                        || source == BindingSource.ModelBinding)
                    .Where(p => p.ParameterType != typeof(CancellationToken))
                    .Select(p => (p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType)))
                    .ToList();
                foreach (var opening in Openings)
                {
                    addresses.Add(Address(template, handler.Name, values, opening));
                }
                addresses.Add(Address(template, handler.Name, [], "ordinary"));
            }
        }
        return [.. addresses];
    }

    private static bool SupportsGet(PageBoundPropertyDescriptor property) =>
        property.Property.GetCustomAttribute<BindPropertyAttribute>()?.SupportsGet == true
        || property.Property.GetCustomAttribute<FromQueryAttribute>() is not null
        || property.Property.GetCustomAttribute<FromRouteAttribute>() is not null;

    /// <summary>An address of the template with each value at the opening (ordinary, lowest, highest, text).</summary>
    internal static string Address(string template, string? handler, IReadOnlyList<(string Name, Type Type)> values, string opening)
    {
        var path = template;
        var query = new List<string>();
        if (handler is not null)
        {
            query.Add("handler=" + handler);
        }
        foreach (var (name, type) in values)
        {
            var value = Uri.EscapeDataString(Value(name, type, opening));
            var segment = path.IndexOf("{" + name, StringComparison.OrdinalIgnoreCase);
            if (segment >= 0)
            {
                var end = path.IndexOf('}', segment);
                path = path[..segment] + value + path[(end + 1)..];
            }
            else
            {
                query.Add(Uri.EscapeDataString(name) + "=" + value);
            }
        }
        // A route value the handlers do not name (an optional segment) is left out.
        while (path.IndexOf('{', StringComparison.Ordinal) is var open and >= 0)
        {
            path = path[..open].TrimEnd('/') + path[(path.IndexOf('}', open) + 1)..];
        }
        return (path.Length == 0 ? "/" : path) + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    /// <summary>A value of <paramref name="type"/> for a field named <paramref name="name"/> at the opening, as an address or a form carries it.</summary>
    internal static string Value(string name, Type type, string opening)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        var dated = t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset)
            || (t == typeof(string) && (name.Contains("day", StringComparison.OrdinalIgnoreCase)
                || name.Contains("date", StringComparison.OrdinalIgnoreCase)
                || name is "from" or "to" or "until" or "since"));
        return opening switch
        {
            "text" => "abc",
            "ordinary" when dated => "2017-07-03",
            "lowest" when dated => "0001-01-01",
            "highest" when dated => "9999-12-31",
            "ordinary" when t == typeof(int) || t == typeof(long) => name.Contains("year", StringComparison.OrdinalIgnoreCase) ? "2017" : "1",
            "lowest" when t == typeof(int) => int.MinValue.ToString(CultureInfo.InvariantCulture),
            "highest" when t == typeof(int) => int.MaxValue.ToString(CultureInfo.InvariantCulture),
            "lowest" when t == typeof(long) => long.MinValue.ToString(CultureInfo.InvariantCulture),
            "highest" when t == typeof(long) => long.MaxValue.ToString(CultureInfo.InvariantCulture),
            "ordinary" when t == typeof(decimal) => "1",
            "lowest" when t == typeof(decimal) => decimal.MinValue.ToString(CultureInfo.InvariantCulture),
            "highest" when t == typeof(decimal) => decimal.MaxValue.ToString(CultureInfo.InvariantCulture),
            "ordinary" when t == typeof(bool) => "true",
            "lowest" or "highest" when t == typeof(bool) => "false",
            "ordinary" => name.Contains("account", StringComparison.OrdinalIgnoreCase) ? "GD-HOLD-POWER"
                : name.Contains("user", StringComparison.OrdinalIgnoreCase) ? "regulator"
                : name.Contains("class", StringComparison.OrdinalIgnoreCase) || name == "code" ? "GDEA-2017" : "guangdong",
            "lowest" => "",
            _ => new string('Z', 2_000),
        };
    }
}
