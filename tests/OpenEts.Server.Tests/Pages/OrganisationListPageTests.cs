using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Application.Organisations;
using OpenEts.Application.Storage;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>The list of organisations reads in a stated order: by role (covered companies first), then by name.</summary>
public sealed partial class OrganisationListPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_AsRegulator_ShowsCompaniesFirstThenTheOtherRolesEachByName()
    {
        var all = await server.Services.GetRequiredService<OrganisationService>().ListAsync(new OrganisationFilter(), Ct);
        var expected = all.OrderBy(o => (int)o.Kind).ThenBy(o => o.Name, StringComparer.Ordinal).Select(o => o.Code.Value).ToList();
        using var client = await server.SignedInAsync("regulator");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Organisations", Ct));
        var shown = CodeCell().Matches(page).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(expected, shown);
        Assert.Equal(Domain.Organisations.OrganisationKind.Company, all.Single(o => o.Code.Value == shown[0]).Kind);
    }

    [GeneratedRegex("<td class=\"mono\">([0-9A-Z]{18})</td>")]
    private static partial Regex CodeCell();
}
