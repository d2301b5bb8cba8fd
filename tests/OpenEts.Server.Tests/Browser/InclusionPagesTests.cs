using System.Globalization;
using Microsoft.Playwright;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>Carbon inclusion in real Chromium: a citizen records a bus ride and sees its reduction and coins; the programme page shows its sources and flags.</summary>
public sealed class InclusionPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task Citizen_RecordsABusRide_SeesTheReductionAndCoins()
    {
        var citizen = await server.SignInAtHomeAsync("citizen");
        await citizen.ClickAsync("nav.nav a[href='/Inclusion/Me']");

        await citizen.SelectOptionAsync("#record-programme", "shenzhen-tanpuhui");
        await citizen.SelectOptionAsync("#record-behaviour", "bus");
        await citizen.FillAsync("#record-quantity", "12.5");
        await citizen.FillAsync("#record-minutes", "30");
        await citizen.ClickAsync("#record-submit");
        await citizen.WaitForSelectorAsync("#recorded");

        // Shenzhen's battery-electric bus: 26.9 g/person-km × 12.5 km = 336.25 g; 1 coin per 100 g → 3 coins.
        Assert.Equal("336.25", await citizen.InnerTextAsync("#recorded-grams"));
        Assert.Equal("3", await citizen.InnerTextAsync("#recorded-coins"));
        Assert.Equal("336.25", await citizen.InnerTextAsync("#wallet-shenzhen-tanpuhui .reduction-grams"));
        Assert.Equal("3", await citizen.InnerTextAsync("#wallet-shenzhen-tanpuhui .coins-spendable"));

        // The page's next form is a new ride (a new event id), taken an hour before the first (one at the same time would
        // overlap it and be refused): it counts too.
        var first = DateTime.ParseExact(await citizen.InputValueAsync("#record-at"), "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        await citizen.FillAsync("#record-at", first.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await citizen.FillAsync("#record-quantity", "12.5");
        await citizen.ClickAsync("#record-submit");
        await citizen.WaitForSelectorAsync("#recorded");
        Assert.Equal("672.5", await citizen.InnerTextAsync("#wallet-shenzhen-tanpuhui .reduction-grams"));
        Assert.Equal("6", await citizen.InnerTextAsync("#wallet-shenzhen-tanpuhui .coins-spendable"));
    }

    [Fact]
    public async Task ProgrammePages_AnonymousOnAPhone_ShowEachParameterWithItsSourceAndUnconfirmedFlag_InTablesThatFitTheScreen()
    {
        server.RequireBrowser();
        var context = await server.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        // Every table of the page, flags and sources included, is read on a 390 px phone without scrolling it sideways.
        Task<string[]> HiddenAsync() => page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('main .table-wrap')].filter(w => w.scrollWidth > w.clientWidth).map(w => `${location.pathname} ${w.querySelector('table').id || w.closest('section')?.id}: ${w.scrollWidth} px in ${w.clientWidth}`)");

        await page.GotoAsync("/Inclusion");
        Assert.Contains("抚州绿宝碳普惠平台（2018 年规则）", await page.InnerTextAsync("#programmes"), StringComparison.Ordinal);
        var hidden = await HiddenAsync();
        // A programme's rules in English, whose words are longer, then in Chinese.
        await page.GotoAsync("/lang/en?returnUrl=%2FInclusion%2FProgramme%3Fid%3Dfuzhou-lvbao-2018");
        var english = await HiddenAsync();
        await page.GotoAsync("/lang/zh?returnUrl=%2FInclusion%2FProgramme%3Fid%3Dfuzhou-lvbao-2018");

        var bus = await page.InnerTextAsync("#b-bus");
        Assert.Contains("26.9", bus, StringComparison.Ordinal);
        Assert.Contains("[UNCONFIRMED]", bus, StringComparison.Ordinal);
        Assert.Contains("ohl1yru.cn", bus, StringComparison.Ordinal);
        Assert.Contains("105", await page.InnerTextAsync("#catalogue"), StringComparison.Ordinal);
        Assert.Empty(hidden.Concat(english).Concat(await HiddenAsync()));
        await context.CloseAsync();
    }
}
