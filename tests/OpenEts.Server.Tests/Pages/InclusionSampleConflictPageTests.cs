using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// A verifier whose own organisation owns the PHCER project opens the sample page of an aggregation not yet sampled: the
// page says it may not verify its own organisation's reductions where the draw button would be, rather than offering the
// button and refusing the click. On a server of its own, so that no other test has drawn the sample first.
public sealed class InclusionSampleConflictPageTests(OneYearServer server) : IClassFixture<OneYearServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SamplePage_ForAVerifierOfTheProjectOwnersOrganisation_SaysItMayNotVerifyItsOwnReductions_AndOffersNoDraw()
    {
        var aggregation = await InclusionSamplePageTests.FileTheDemosWeeksAsync(server);
        using var own = await OwnersVerifierAsync();
        using var verifier = await server.SignedInAsync("verifier");

        var page = WebUtility.HtmlDecode(await own.GetStringAsync(new Uri($"/Inclusion/Sample?id={aggregation}", UriKind.Relative), Ct));
        var independent = WebUtility.HtmlDecode(await verifier.GetStringAsync(new Uri($"/Inclusion/Sample?id={aggregation}", UriKind.Relative), Ct));

        Assert.Contains("id=\"not-yours\">汇总：核查机构不能核查本机构的减排量", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"draw-submit\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"not-drawn\"", page, StringComparison.Ordinal);
        // The independent verifier still has the button: nothing was drawn.
        Assert.Contains("id=\"draw-submit\"", independent, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"not-yours\"", independent, StringComparison.Ordinal);
    }

    // A verifier in the organisation of cement-a, the demo PHCER project's owner (signed in as verifier-cement), added once.
    private async Task<HttpClient> OwnersVerifierAsync()
    {
        var store = server.Services.GetRequiredService<IStore>();
        if (await store.ReadAsync(s => s.Users.FindByNameAsync("verifier-cement"), Ct) is null)
        {
            var owner = (await store.ReadAsync(s => s.Users.FindByNameAsync("cement-a"), Ct))!;
            var hash = server.Services.GetRequiredService<IPasswordHashing>().Hash(ServerFactory.Password);
            await store.WriteAsync(s => s.Users.InsertAsync(
                new UserRecord(0, "verifier-cement", "水泥公司的核查员", Role.Verifier, owner.OrganisationId, hash, 0, null), server.Clock.GetUtcNow()), Ct);
        }
        return await server.SignedInAsync("verifier-cement");
    }
}
