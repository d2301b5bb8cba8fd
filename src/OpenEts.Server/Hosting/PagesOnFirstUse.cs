using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OpenEts.Server.Hosting;

/// <summary>
/// Razor Pages described at start by their routes only, and each page's full description (handlers, bound properties and
/// their model metadata, filters, authorization) built on its first request. ASP.NET Core builds every page's full
/// description while the server starts (<see cref="CompiledPageActionDescriptorProvider"/>): with about ninety pages that
/// was a third of the start's CPU, spent before the first answer, mostly reading the page models' properties by
/// reflection. This is the way ASP.NET Core itself serves pages compiled at run time
/// (<see cref="PageActionDescriptorProvider"/> and a matcher policy that loads the matched page through
/// <see cref="PageLoader"/>, which caches it): the routes, the conventions and the page served are the same.
/// </summary>
internal sealed class PagesOnFirstUse(PageLoader loader) : MatcherPolicy, IEndpointSelectorPolicy
{
    // Before every other policy, as ASP.NET Core's own page loader runs: the others then see the page's full metadata.
    public override int Order => int.MinValue + 100;

    /// <summary>Replaces the start-time full description of every page with its routes; call after <c>AddRazorPages</c>.</summary>
    public static void Use(IServiceCollection services)
    {
        var compiled = services.Where(d => d.ServiceType == typeof(IActionDescriptorProvider)
            && d.ImplementationType == typeof(CompiledPageActionDescriptorProvider)).ToList();
        foreach (var descriptor in compiled)
        {
            services.Remove(descriptor);
        }
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActionDescriptorProvider, PageActionDescriptorProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, PagesOnFirstUse>());
    }

    /// <summary>
    /// The endpoint as a request to it sees it: a page's endpoint with its full description (authorization, filters),
    /// built and cached on first use; any other endpoint as it is. For whoever lists endpoints with their metadata.
    /// </summary>
    public static Endpoint Loaded(Endpoint endpoint, PageLoader loader)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(loader);
        return endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page and not CompiledPageActionDescriptor
            ? loader.LoadAsync(page, endpoint.Metadata).GetAwaiter().GetResult().Endpoint ?? endpoint
            : endpoint;
    }

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.Any(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not (null or CompiledPageActionDescriptor));
    }

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i)
                && candidates[i].Endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page and not CompiledPageActionDescriptor)
            {
                var load = loader.LoadAsync(page, candidates[i].Endpoint.Metadata);
                if (!load.IsCompletedSuccessfully)
                {
                    return ApplyAwaitedAsync(candidates, i, load);
                }
                candidates.ReplaceEndpoint(i, load.Result.Endpoint, candidates[i].Values);
            }
        }
        return Task.CompletedTask;
    }

    private async Task ApplyAwaitedAsync(CandidateSet candidates, int from, Task<CompiledPageActionDescriptor> load)
    {
        candidates.ReplaceEndpoint(from, (await load.ConfigureAwait(false)).Endpoint, candidates[from].Values);
        for (var i = from + 1; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i)
                && candidates[i].Endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page and not CompiledPageActionDescriptor)
            {
                var compiled = await loader.LoadAsync(page, candidates[i].Endpoint.Metadata).ConfigureAwait(false);
                candidates.ReplaceEndpoint(i, compiled.Endpoint, candidates[i].Values);
            }
        }
    }
}
