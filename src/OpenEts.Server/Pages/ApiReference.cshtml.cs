using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static OpenEts.Server.Localization.Text;

namespace OpenEts.Server.Pages;

/// <summary>A browsable list of the REST API: method, path, who may call it, what it does.</summary>
[AllowAnonymous]
public sealed class ApiReferenceModel(EndpointDataSource endpoints) : PageModel
{
    public IReadOnlyList<(string Method, string Path, string Roles, string Summary)> Endpoints { get; private set; } = [];

    public void OnGet() => Endpoints = endpoints.Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
        .Select(e => (
            string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []),
            e.RoutePattern.RawText!,
            string.Join(" ", e.Metadata.GetOrderedMetadata<IAuthorizeData>().SelectMany(a => (a.Roles ?? "").Split(',',
                StringSplitOptions.RemoveEmptyEntries)).Distinct().Select(r => T(r))),
            e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? ""))
        .OrderBy(e => e.Item2).ThenBy(e => e.Item1)
        .ToList();
}
