using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Api;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Allocation;

/// <summary>
/// Confirming a what-if on the demo market (its Guangdong 2017 plan is a stored draft, v1): the regulator only, through
/// the API and the what-if page; the changed figures become a new draft version whose diff shows them.
/// </summary>
public sealed class AllocationConfirmTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static readonly string[] Clinker = ["benchmark.cement.clinker=0.85"];
    private static readonly string[] Steel = ["free.steel=0.96"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Body(string[] set, int? version, string? source = "粤环发〔2018〕演示 1号") =>
        new { plan = "guangdong-2017", year = 2017, version, set, source };

    [Fact]
    public async Task ConfirmWhatIf_Api_RegulatorOnlyANewDraftVersionAndAStaleOneIsAConflict()
    {
        using var anonymous = server.CreateClient();
        using var company = await server.SignedInAsync("cement-a");
        using var regulator = await server.SignedInAsync("regulator");
        var newest = (await regulator.GetFromJsonAsync<JsonElement>("/api/v1/allocation/plans", Ct)).EnumerateArray()
            .Where(p => p.GetProperty("plan").GetString() == "guangdong-2017").Max(p => p.GetProperty("version").GetInt32());

        using var nobody = await anonymous.PostAsJsonAsync("/api/v1/allocation/what-if/confirm", Body(Clinker, newest), Ct);
        using var forbidden = await company.PostAsJsonAsync("/api/v1/allocation/what-if/confirm", Body(Clinker, newest), Ct);
        using var noSource = await regulator.PostAsJsonAsync("/api/v1/allocation/what-if/confirm", Body(Clinker, newest, source: " "), Ct);
        using var confirmed = await regulator.PostAsJsonAsync("/api/v1/allocation/what-if/confirm", Body(Clinker, newest), Ct);
        using var stale = await regulator.PostAsJsonAsync("/api/v1/allocation/what-if/confirm", Body(Clinker, newest), Ct);
        var revised = await confirmed.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noSource.StatusCode);
        Assert.Contains("SourceRequired", await noSource.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("allocation.plan.revised", revised.GetProperty("event").GetString());
        Assert.Equal(newest + 1, revised.GetProperty("plan").GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("NotNewest", await stale.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmWhatIf_Page_OfferedToTheRegulatorOnlyAndLeadsToTheNewVersionAndItsDiff()
    {
        using var regulator = await CookieBrowser.SignInAsync(server, "regulator");
        using var company = await server.SignedInAsync("cement-a");
        const string WhatIf = "/Allocation/WhatIf?plan=guangdong-2017&year=2017&set=free.steel%3D0.96";

        var companyPage = await company.GetStringAsync(WhatIf, Ct);
        var page = await regulator.GetStringAsync(WhatIf);
        var version = int.Parse(System.Text.RegularExpressions.Regex.Match(page, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        using var confirmed = await regulator.PostFormAsync(WhatIf, "/Allocation/WhatIf?handler=Confirm", new Dictionary<string, string>
        {
            ["plan"] = "guangdong-2017", ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["year"] = "2017",
            ["figures"] = Steel[0], ["source"] = "粤环发〔2018〕演示 2号",
        });
        var location = confirmed.Headers.Location!.OriginalString;
        var plan = await regulator.GetStringAsync(location);
        var diff = await regulator.GetStringAsync($"/Allocation/Diff?id=guangdong-2017&from={version}&to={version + 1}");

        Assert.DoesNotContain("id=\"confirm-form\"", companyPage, StringComparison.Ordinal);
        Assert.Contains("id=\"confirm-form\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains($"version={version + 1}&done=confirmed", location, StringComparison.Ordinal);
        Assert.Contains("id=\"confirmed-diff\"", plan, StringComparison.Ordinal);
        Assert.Contains("0.96", diff, StringComparison.Ordinal);
        Assert.Contains("freeShare.value", diff, StringComparison.Ordinal);
    }
}
