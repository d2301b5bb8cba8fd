using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenEts.Application.Allocation;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Registry;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>The server on 2018-06-10 (Beijing), before Guangdong's 2018-06-20 surrender deadline for 2017.</summary>
public sealed class Compliance2018Server : BrowserServer
{
    public Compliance2018Server() => Clock.Advance(new DateTimeOffset(2018, 6, 10, 10, 0, 0, TimeSpan.FromHours(8)) - DateTimeOffset.UtcNow);
}

/// <summary>
/// The compliance year in real Chromium: the regulator has approved the Guangdong 2017 plan; the steel company sees its
/// hydropower CCER listed with the rule that excludes it and not offered to surrender, surrenders allowances plus
/// in-province offsets, and ends compliant on the public list.
/// </summary>
public sealed class CompliancePagesTests(Compliance2018Server server) : IClassFixture<Compliance2018Server>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The regulator approves the shipped plan; the cement company sells 50 000 Guangdong PHCER to the steel company
    // (four eyes: cement-a proposes, cement-b approves), which holds only out-of-province and excluded credits itself.
    private async Task ArrangeAsync()
    {
        var store = server.Services.GetRequiredService<IStore>();
        var plans = new AllocationCommandHandler(store, server.Clock);
        var user = await store.ReadAsync(s => s.Users.FindByNameAsync("regulator"), Ct);
        var regulator = new Actor(user!.Id, user.UserName, user.Role, user.OrganisationId);
        // The demo seeds the Guangdong 2017 plan as a draft (version 1); the regulator approves it.
        Assert.IsType<AllocationCommandOutcome.Completed>(await plans.HandleAsync(regulator, new ApprovePlan("guangdong-2017", 1), Ct));
        var registry = server.Services.GetRequiredService<RegistryService>();
        var now = server.Clock.GetUtcNow();
        var proposed = await registry.ExecuteAsync(now, l => l.ProposeTransfer(UserId.From("cement-a"), now, IdempotencyKey.From("phcer-sale"),
            AccountNumber.From("GD-HOLD-CEMENT"), AccountNumber.From("GD-HOLD-STEEL"), UnitClass.Parse("PHCER-GD0001-2017"), 50_000,
            now.AddDays(7)), Ct);
        var proposal = Assert.IsType<TransferProposed>(Assert.IsType<RegistryOutcome.Completed>(proposed).Event).Proposal;
        Assert.IsType<RegistryOutcome.Completed>(await registry.ExecuteAsync(now,
            l => l.ApproveTransfer(UserId.From("cement-b"), now, IdempotencyKey.From("phcer-sale-ok"), proposal), Ct));
    }

    private static async Task SurrenderAsync(IPage page, string unitClass, long quantity)
    {
        await page.SelectOptionAsync("#surrender-class", unitClass);
        await page.FillAsync("#surrender-quantity", quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#surrender-submit");
    }

    [Fact]
    public async Task Company_HydropowerNotOfferedThenAllowancesPlusOffsets_EndsCompliantOnThePublicList()
    {
        server.RequireBrowser();
        await ArrangeAsync();

        var steel = await server.SignInAtHomeAsync("steel-a");
        await steel.ClickAsync("nav.nav a[href='/Compliance/Own']");
        var required = long.Parse((await steel.GetAttributeAsync("#standing", "data-required"))!, System.Globalization.CultureInfo.InvariantCulture);
        var hydroEligibility = await steel.GetAttributeAsync("#holding-CCER-000202-2015", "data-rule");
        var hydroReason = await steel.InnerTextAsync("#holding-CCER-000202-2015 td:nth-child(4)");
        var offered = await steel.EvalOnSelectorAllAsync<string[]>("#surrender-class option", "options => options.map(o => o.value)");
        var hydroHeld = await steel.InnerTextAsync("#holding-CCER-000202-2015 td:nth-child(3)");
        await SurrenderAsync(steel, "GDEA-2017", 2_000_000);
        await steel.WaitForSelectorAsync("#done");
        await SurrenderAsync(steel, "PHCER-GD0001-2017", required - 2_000_000);
        await steel.WaitForSelectorAsync("#done");
        var status = await steel.GetAttributeAsync("#standing", "data-status");
        await steel.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "openets-compliance-own.png"), FullPage = true });

        await using var anonymous = await server.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, Locale = "zh-CN" });
        var visitor = await anonymous.NewPageAsync();
        await visitor.GotoAsync("/Compliance");
        var row = visitor.Locator("#compliance-list tr", new PageLocatorOptions { HasText = "韶关示范钢铁有限公司" });
        var listed = await row.GetAttributeAsync("data-status");
        var listedSurrendered = await row.Locator(".surrendered").InnerTextAsync();

        // By hand: 716 000 t coke × 2.860418825 t/t = 2 048 059.879 t approved, owed as 2 048 060 units; 2 000 000
        // allowances + 48 060 Guangdong PHCER (under the 10 % cap of 204 805 t, all in-province) meet it.
        Assert.Equal(2_048_060, required);
        Assert.Equal("Compliance.ExcludedCategory", hydroEligibility);
        Assert.Contains("水电", hydroReason, StringComparison.Ordinal);
        Assert.DoesNotContain("CCER-000202-2015", offered);
        Assert.Equal("80,000", hydroHeld);
        Assert.Equal("Compliant", status);
        Assert.Equal("Compliant", listed);
        Assert.Equal("2,048,060", listedSurrendered);
    }
}
