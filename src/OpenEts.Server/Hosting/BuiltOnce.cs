using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace OpenEts.Server.Hosting;

/// <summary>
/// Builds the endpoints of a data source that never changes (its change token never fires: the minimal API's
/// <c>Map…</c> routes) once, on first use. ASP.NET Core's route data source builds its endpoints afresh each time they are
/// asked for (a request delegate compiled per route), and two readers ask at start (the authorization policy cache and
/// the router): with a few hundred API routes that was a quarter of the start's CPU. The endpoints are the same.
/// </summary>
internal sealed class BuiltOnce(EndpointDataSource inner) : EndpointDataSource
{
    private readonly Lazy<IReadOnlyList<Endpoint>> _endpoints = new(() => inner.Endpoints);

    public override IReadOnlyList<Endpoint> Endpoints => _endpoints.Value;

    public override IReadOnlyList<Endpoint> GetGroupedEndpoints(RouteGroupContext context) => inner.GetGroupedEndpoints(context);

    public override IChangeToken GetChangeToken() => inner.GetChangeToken();

    /// <summary>Wraps every data source of <paramref name="routes"/> whose endpoints cannot change; call after the last <c>Map…</c>.</summary>
    public static void Apply(IEndpointRouteBuilder routes)
    {
        var sources = routes.DataSources.ToList();
        routes.DataSources.Clear();
        foreach (var source in sources)
        {
            routes.DataSources.Add(source.GetChangeToken() is NullChangeToken ? new BuiltOnce(source) : source);
        }
    }
}
