using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OpenEts.Application.DualControl.Targets;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// /Energy/Targets when more than one region has a plan: every region's plan is listed and can be chosen, and the chosen
/// one (its split, versions and document to revise) is the one the address names. Before, the versions and the document
/// were always the first region's, whichever plan the reader was looking at.
/// </summary>
public sealed partial class EnergyTargetsRegionsPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A second region (sorting after the demo's NX) with a one-year plan: the province keeps 40, its one city gets 60.
    private static PlanDocument Qinghai() => new("QH", "青海目标计划（测试）", 2025, 2025, 100m, 3m, 10m, [],
    [
        new("QH", "青海省（测试）", "Province", null, 3m, null, false, [new(2025, 100m, 40m, 3m)]),
        new("QH-XN", "西宁市（测试）", "City", "QH", 3m, null, false, [new(2025, 60m, 60m, 3m)]),
    ], "测试数据");

    private async Task AdoptQinghaiAsync()
    {
        using var regulator = await server.SignedInAsync("regulator");
        using var versions = await regulator.GetAsync(new Uri("/api/v1/energy/targets/QH/versions", UriKind.Relative), Ct);
        if (versions.IsSuccessStatusCode && (await versions.Content.ReadAsStringAsync(Ct)).Contains("\"QH\"", StringComparison.Ordinal))
        {
            return;
        }
        using var adopted = await regulator.PostAsJsonAsync("/api/v1/energy/targets", Qinghai(), Ct);
        Assert.True(adopted.IsSuccessStatusCode, await adopted.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Targets_TwoRegionsWithPlans_ListsBoth_AndShowsTheRegionTheAddressChooses()
    {
        await AdoptQinghaiAsync();

        var first = await server.PageAsync("regulator", "/Energy/Targets");
        var chosen = await server.PageAsync("regulator", "/Energy/Targets?region=QH");

        foreach (var page in new[] { first, chosen })
        {
            Assert.Contains("<tr data-region=\"NX\">", page, StringComparison.Ordinal);
            Assert.Contains("<tr data-region=\"QH\">", page, StringComparison.Ordinal);
            Assert.Contains("<option value=\"QH\"", page, StringComparison.Ordinal);
        }
        Assert.Contains("<section class=\"plan\" data-region=\"NX\">", first, StringComparison.Ordinal);
        Assert.DoesNotContain("<section class=\"plan\" data-region=\"QH\">", first, StringComparison.Ordinal);
        Assert.Contains("<section class=\"plan\" data-region=\"QH\">", chosen, StringComparison.Ordinal);
        Assert.DoesNotContain("<section class=\"plan\" data-region=\"NX\">", chosen, StringComparison.Ordinal);
        Assert.Contains("<option value=\"QH\" selected=\"selected\">", chosen, StringComparison.Ordinal);
        Assert.Contains("<tr data-unit=\"QH-XN\">", chosen, StringComparison.Ordinal);
        // The versions and the document to revise are the chosen region's, and its year and trend filter keeps it.
        var versions = Regex.Match(chosen, "<ul id=\"versions\">(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("青海目标计划（测试）", versions, StringComparison.Ordinal);
        Assert.DoesNotContain("宁夏", versions, StringComparison.Ordinal);
        Assert.Contains("\"region\": \"QH\"", chosen, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"Region\" value=\"QH\" />", chosen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Targets_ARegionNoPlanNames_IsNamedAsTypedBesideTheChoice_AndTheFirstRegionIsShown()
    {
        await AdoptQinghaiAsync();

        var page = await server.PageAsync("regulator", "/Energy/Targets?region=XX");

        var error = Regex.Match(page, "<span class=\"field-error\" id=\"region-error\">([^<]*)</span>").Groups[1].Value;
        Assert.Contains("“XX”", error, StringComparison.Ordinal);
        Assert.Contains("现显示：宁夏", error, StringComparison.Ordinal);
        Assert.Contains("<section class=\"plan\" data-region=\"NX\">", page, StringComparison.Ordinal);
    }
}
