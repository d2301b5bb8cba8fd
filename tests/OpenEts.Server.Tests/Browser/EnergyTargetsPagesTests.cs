using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using OpenEts.Application.DualControl.Targets;
using OpenEts.Application.Files;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>
/// Energy dual control in real Chromium, on the demo province: the regulator loads a city's year of statistics, the
/// 晴雨表 table and province map show the colours, the regulator scores the city, and its grade shows on the public list;
/// the regulator opens a city's trend and the chart draws the statistics loaded against the path to its budget.
/// </summary>
public sealed class EnergyTargetsPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task Regulator_LoadsAYearScoresACity_PublicListShowsTheGrade()
    {
        var regulator = await server.SignInAtHomeAsync("regulator");
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
            await area.FillAsync(await area.GetAttributeAsync("data-max") ?? "0");
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

    [Fact]
    public async Task Regulator_OpensACitysTrend_ChartAndTableShowTheStatisticsLoadedAgainstThePath()
    {
        const string City = "NX-YC";
        var regulator = await server.SignInAsync("regulator");

        // The figures as the regulator sees them on the statistics page: the city's months of 2024 and 2025.
        var loaded = new Dictionary<int, (decimal Energy, decimal Output)[]>();
        foreach (var year in (int[])[2024, 2025])
        {
            await regulator.GotoAsync($"/Energy/Targets/Statistics?Year={year}");
            var months = new (decimal, decimal)[12];
            foreach (var row in await regulator.Locator("#statistics tr").AllAsync())
            {
                var cells = await row.Locator("td").AllInnerTextsAsync();
                if (cells.Count > 0 && cells[0] == City && cells[3] == "1")
                {
                    months[int.Parse(cells[2], CultureInfo.InvariantCulture) - 1] = (Number(cells[4]), Number(cells[5]));
                }
            }
            Assert.All(months, m => Assert.True(m.Item1 > 0));
            loaded[year] = months;
        }

        await regulator.GotoAsync("/Energy/Targets");
        var plan = "section.plan[data-region='NX']";
        var budget = Number(await regulator.Locator($"{plan} #split tr[data-unit='{City}'] td").Nth(3).InnerTextAsync());
        await regulator.SelectOptionAsync($"{plan} select[name='Year']", "2025");
        await regulator.SelectOptionAsync($"{plan} select[name='Unit']", City);
        await regulator.ClickAsync($"{plan} form.filters button[type='submit']");
        await regulator.WaitForSelectorAsync($"#trend[data-unit='{City}'][data-year='2025'] #trend-energy[data-chart-ready] canvas");
        await regulator.WaitForSelectorAsync("#trend-intensity[data-chart-ready] canvas");

        var energy = await Series(regulator, "trend-energy");
        var intensity = await Series(regulator, "trend-intensity");
        Assert.Equal(3, energy.Count);
        Assert.Equal(2, intensity.Count);
        Assert.Equal(["line", "line", "bar"], energy.Select(s => s.Type));
        decimal toDate = 0m, output = 0m, toDate2024 = 0m, output2024 = 0m;
        for (var m = 1; m <= 12; m++)
        {
            var (used, gdp) = loaded[2025][m - 1];
            (toDate, output) = (toDate + used, output + gdp);
            (toDate2024, output2024) = (toDate2024 + loaded[2024][m - 1].Energy, output2024 + loaded[2024][m - 1].Output);
            var path = decimal.Round(budget * m / 12m, 3, MidpointRounding.AwayFromZero);
            var fall = decimal.Round((1m - toDate / output / (toDate2024 / output2024)) * 100m, 2, MidpointRounding.AwayFromZero);
            Assert.Equal((toDate, path, used), (energy[0].Data[m - 1], energy[1].Data[m - 1], energy[2].Data[m - 1]));
            Assert.Equal((fall, 3.2m), (intensity[0].Data[m - 1], intensity[1].Data[m - 1]));

            // The table below the charts gives the same numbers for readers who cannot see them.
            var cells = await regulator.Locator($"#trend-table tr[data-month='{m}'] td").AllInnerTextsAsync();
            Assert.Equal((used, toDate, path, toDate - path, fall), (Number(cells[0]), Number(cells[1]), Number(cells[2]), Number(cells[3]), Number(cells[5])));
            // Each tonnes column keeps three decimals, so that its figures line up on the point (18,196,362.800, not .8).
            Assert.All(cells.Take(4), c => Assert.Matches(@"^-?[\d,]+\.\d{3}$", c.Trim()));
        }
        Assert.True(intensity[0].Data[11] > 3.2m, "银川's demo intensity falls 4 % in 2025, past the 3.2 % milestone");
    }

    private static decimal Number(string text) => decimal.Parse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture);

    // What ECharts holds for the chart, read through its instance on the element.
    private static async Task<IReadOnlyList<(string Type, IReadOnlyList<decimal?> Data)>> Series(IPage page, string id)
    {
        var series = await page.EvaluateAsync<JsonElement>(
            "id => echarts.getInstanceByDom(document.getElementById(id)).getOption().series.map(s => ({ type: s.type, data: s.data }))", id);
        return [.. series.EnumerateArray().Select(s => (s.GetProperty("type").GetString()!,
            (IReadOnlyList<decimal?>)[.. s.GetProperty("data").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (decimal?)null : v.GetDecimal())]))];
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
