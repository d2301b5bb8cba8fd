using Microsoft.Playwright;
using OpenEts.Application.DualControl.Cards;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>Polluter cards and the calculators in real Chromium: a card issued from an exceedance and lifted after rectification; a claim flagged.</summary>
public sealed class EnergyCardsPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string Aviation = "91440101MA5CY1005";

    [Fact]
    public async Task Regulator_RecordsAnExceedance_ConfirmsTheProposedYellowCardThenLiftsItAfterRectification()
    {
        var page = await server.SignInAsync("regulator");
        await page.GotoAsync("/Energy/Cards");
        var code = Aviation + OpenEts.Domain.Organisations.CreditCode.CheckCharacter(Aviation);
        var yesterday = CardsTime.DayOf(DateTimeOffset.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await page.FillAsync("input[name='Violation.Organisation']", code);
        await page.SelectOptionAsync("select[name='Violation.Jurisdiction']", "tianjin");
        await page.SelectOptionAsync("select[name='Violation.Kind']", "concentrationExceedance");
        await page.FillAsync("input[name='Violation.ObservedOn']", yesterday);
        await page.FillAsync("input[name='Violation.Parameter']", "NOx");
        await page.FillAsync("input[name='Violation.Measured']", "320");
        await page.FillAsync("input[name='Violation.Limit']", "150");
        await page.FillAsync("input[name='Violation.Unit']", "mg/m³");
        await page.FillAsync("input[name='Violation.Evidence']", "CEMS 小时均值 320 mg/m³");
        await page.ClickAsync("#record-submit");
        await page.WaitForSelectorAsync("#cards-done");

        var row = page.Locator("#cards tr[data-status='Proposed']", new() { HasText = "南粤示范航空" });
        var id = await row.GetAttributeAsync("id");
        Assert.Equal("Yellow", await row.GetAttributeAsync("data-colour"));
        await row.Locator("form.decide input[name='evidence']").FillAsync("现场检查笔录 2026-001");
        await row.Locator("form.decide button.confirm").ClickAsync();
        await page.WaitForSelectorAsync("#cards-done");
        Assert.Equal("InForce", await page.GetAttributeAsync($"#{id}", "data-status"));

        await page.Locator($"#{id} form.lift input[name='evidence']").FillAsync("复测 80 mg/m³，整改完成");
        await page.Locator($"#{id} form.lift button").ClickAsync();
        await page.WaitForSelectorAsync("#cards-done");
        Assert.Equal("Lifted", await page.GetAttributeAsync($"#{id}", "data-status"));

        await page.GotoAsync($"/Energy/Cards/Company?code={code}");
        Assert.Contains("复测 80 mg/m³", await page.InnerTextAsync("#company-cards"), StringComparison.Ordinal);
        Assert.Equal("1", await page.InnerTextAsync("#cards-this-year"));
    }

    [Fact]
    public async Task Calculator_Anonymous_SeedApuClaimIsFlaggedWithItsArithmetic()
    {
        server.RequireBrowser();
        var context = await server.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Energy/Calculators");

        await page.ClickAsync("#apu-submit");
        await page.WaitForSelectorAsync("#claim-flag");

        // The seed: 770 × 155 kg × 365 d ÷ 1000 × 3.18 = 138 529.545 t, against a claim of 70 000 t.
        Assert.Equal("138,529.545", await page.InnerTextAsync("#computed"));
        Assert.Equal("Underclaimed", await page.GetAttributeAsync("#claim-flag", "data-check"));
        Assert.Contains("(70,000 − 138,529.545)", await page.InnerTextAsync("#check-arithmetic"), StringComparison.Ordinal);
        Assert.Contains("seed-excerpts.md", await page.InnerTextAsync("#inputs"), StringComparison.Ordinal);
    }
}
