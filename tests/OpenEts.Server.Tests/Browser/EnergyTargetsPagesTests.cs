using Microsoft.Playwright;
using OpenEts.Application.DualControl.Targets;
using OpenEts.Application.Files;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>
/// Energy dual control in real Chromium, on the demo province: the regulator loads a city's year of statistics, the
/// 晴雨表 table and province map show the colours, the regulator scores the city, and its grade shows on the public list.
/// </summary>
public sealed class EnergyTargetsPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task Regulator_LoadsAYearScoresACity_PublicListShowsTheGrade()
    {
        var regulator = await server.SignInAsync("regulator");
        await regulator.ClickAsync("nav.nav a[href='/Energy']");
        await regulator.ClickAsync("#to-statistics");

        // 固原 2025: output 6.5 % over each month of 2024, energy such that intensity falls 3.0 % — 0.2 points short of
        // the 3.2 % milestone, within 10 % of it (0.32): yellow.
        var rows = DemoEnergyTargets.Statistics(2024).Where(r => r.Region == DemoEnergyTargets.UnscoredCity).Select(r =>
        {
            var gdp = decimal.Round(r.OutputWanYuan!.Value * 1.065m, 0);
            return (IReadOnlyList<object?>)new object?[]
            {
                r.Region, 2025, r.Month, 1, decimal.Round(r.EnergyTce!.Value / r.OutputWanYuan.Value * gdp * 0.97m, 3), gdp,
            };
        }).ToList();
        using var sheet = new MemoryStream();
        TabularWriter.WriteXlsx(sheet, StatisticsSheet.TemplateHeader, rows);
        await regulator.SetInputFilesAsync("#upload", new FilePayload
        {
            Name = "固原2025.xlsx",
            MimeType = TabularWriter.XlsxContentType,
            Buffer = sheet.ToArray(),
        });
        await regulator.ClickAsync("#upload-submit");
        await regulator.WaitForSelectorAsync("#loaded");
        Assert.Contains("12", await regulator.InnerTextAsync("#loaded"), StringComparison.Ordinal);

        await regulator.GotoAsync("/Energy?period=2025");
        Assert.Equal("Yellow", await regulator.GetAttributeAsync($"#barometer tr[data-unit='{DemoEnergyTargets.UnscoredCity}']", "data-level"));
        Assert.Equal("Green", await regulator.GetAttributeAsync("#barometer tr[data-unit='NX-YC']", "data-level"));
        Assert.Equal("Red", await regulator.GetAttributeAsync("#barometer tr[data-unit='NX-ZW']", "data-level"));
        await regulator.WaitForSelectorAsync("#energy-map[data-tiles]");
        var tiles = (await regulator.GetAttributeAsync("#energy-map", "data-tiles"))!.Split(';').Select(t => t.Split('=')).ToDictionary(t => t[0], t => t[1]);
        var provinceLevel = await regulator.GetAttributeAsync("#barometer tr[data-unit='NX']", "data-level");
        Assert.Equal(Colour(provinceLevel!), tiles["NX"]);
        Assert.Equal(Colour("NoData"), tiles["QH"]);

        await regulator.ClickAsync("#to-assess");
        await regulator.GotoAsync($"/Energy/Targets/Assess?Unit={DemoEnergyTargets.UnscoredCity}&Year=2025");
        foreach (var area in await regulator.QuerySelectorAllAsync("#measures input.points"))
        {
            await area.FillAsync(await area.GetAttributeAsync("max") ?? "0");
        }
        foreach (var evidence in await regulator.QuerySelectorAllAsync("#measures input.evidence"))
        {
            await evidence.FillAsync("现场核查记录（测试）");
        }
        await regulator.ClickAsync("#score-submit");
        await regulator.WaitForSelectorAsync("#scored");

        // 3.0 ÷ 3.2 = 93.75 % → 36 target points; full measures 60 → 96, 超额完成 by score, but the missed target vetoes: 未完成.
        var scored = await regulator.InnerTextAsync("#scored");
        Assert.Contains("96", scored, StringComparison.Ordinal);
        Assert.Equal("NotCompleted", await regulator.GetAttributeAsync($"#assessments tr[data-unit='{DemoEnergyTargets.UnscoredCity}']", "data-grade"));

        server.RequireBrowser();
        var context = await server.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, Locale = "zh-CN" });
        var visitor = await context.NewPageAsync();
        await visitor.GotoAsync("/Energy/Targets/Accountability?year=2025");
        var row = visitor.Locator($"#accountability tr[data-unit='{DemoEnergyTargets.UnscoredCity}']");
        Assert.Equal("NotCompleted", await row.GetAttributeAsync("data-grade"));
        Assert.Contains("一票否决", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("未完成", await row.InnerTextAsync(), StringComparison.Ordinal);
        await visitor.GotoAsync("/Energy?period=2025");
        Assert.Equal("NotCompleted", await visitor.GetAttributeAsync($"#grades tr[data-unit='{DemoEnergyTargets.UnscoredCity}']", "data-grade"));
        Assert.Equal(0, await visitor.Locator("#to-statistics").CountAsync());
    }

    private static string Colour(string level) => level switch
    {
        "Red" => "#d9534f",
        "Yellow" => "#f0ad4e",
        "Green" => "#5cb85c",
        "Exempt" => "#9ecae1",
        _ => "#dddddd",
    };
}
