using System.Net;
using OpenEts.Server.Tests.Api;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Allocation;

/// <summary>
/// Who reads the special circumstances on /Allocation: the regulator and the auditor every entity's, a company its own
/// only (another's closure, stoppage or expected energy use is not its to read; the API already kept them to the
/// regulator and the auditor).
/// </summary>
public sealed class AllocationCircumstanceReadersTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static Dictionary<string, string> Form(string organisation, string kind, string months, string reference) => new()
    {
        ["jurisdiction"] = "guangdong", ["year"] = "2017", ["Circumstance.Organisation"] = organisation, ["Circumstance.Kind"] = kind,
        ["Circumstance.Months"] = months, ["Circumstance.Reference"] = reference,
    };

    [Fact]
    public async Task Circumstances_OfAnotherCompany_AreNotListedToACompany()
    {
        const string paper = "91440600MA5CY1004T";
        await server.ApproveDemoPlanAsync();
        using var regulator = await CookieBrowser.SignInAsync(server, "regulator");
        using var steel = await CookieBrowser.SignInAsync(server, "steel-a");
        using var paperUser = await CookieBrowser.SignInAsync(server, "paper-a");
        using var recorded = await regulator.PostFormAsync("/Allocation", "/Allocation?handler=Circumstance",
            Form(paper, "Stoppage", "8", "造纸停产备案（演示）"));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var regulatorPage = await regulator.GetStringAsync("/Allocation?jurisdiction=guangdong&year=2017");
        var steelPage = await steel.GetStringAsync("/Allocation?jurisdiction=guangdong&year=2017");
        var paperPage = await paperUser.GetStringAsync("/Allocation?jurisdiction=guangdong&year=2017");

        // The regulator and the company itself see the paper company's stoppage; before, every company read every other's.
        Assert.Contains($"data-code=\"{paper}\" data-kind=\"Stoppage\"", regulatorPage, StringComparison.Ordinal);
        Assert.Contains($"data-code=\"{paper}\" data-kind=\"Stoppage\"", paperPage, StringComparison.Ordinal);
        Assert.DoesNotContain(paper, steelPage, StringComparison.Ordinal);
        Assert.DoesNotContain("造纸停产备案（演示）", steelPage, StringComparison.Ordinal);
    }
}
