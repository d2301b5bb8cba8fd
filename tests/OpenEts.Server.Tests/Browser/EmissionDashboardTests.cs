using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>The regulator's emissions dashboard and the public disclosure page, with their ECharts charts, in real Chromium.</summary>
public sealed class EmissionDashboardTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private static readonly string Verifier = "91440101MA5CY0001" + CreditCode.CheckCharacter("91440101MA5CY0001");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The browser fixture runs on Kestrel, so API clients go to its real address.
    private async Task<HttpClient> ClientAsync(string user)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(server.BaseUrl),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await ServerFactory.PostLoginAsync(client, user, ServerFactory.Password)).StatusCode);
        return client;
    }

    /// <summary>Files, verifies and approves one raw-coal report through the API; returns the company's name.</summary>
    private async Task<string> ApproveAsync(string company, int year, decimal coal)
    {
        using var filer = await ClientAsync(company);
        using var regulator = await ClientAsync("regulator");
        using var verifier = await ClientAsync("verifier");
        var saved = await Ok(await filer.PostAsJsonAsync("/api/v1/mrv/reports", new
        {
            year,
            lines = new[] { new { id = "L1", kind = "fuelCombustion", material = "raw-coal", amount = coal, unit = "tonne" } },
        }, Ct));
        var id = saved.GetProperty("report").GetInt64();
        await Ok(await filer.PostAsync($"/api/v1/mrv/reports/{id}/submit", null, Ct));
        await Ok(await regulator.PostAsJsonAsync($"/api/v1/mrv/reports/{id}/assign", new { verifier = Verifier, conflictOfInterest = "none" }, Ct));
        // The verifier notes every warning (here: no output to check the intensity against), as verification requires.
        var detail = await Ok(await verifier.GetAsync($"/api/v1/mrv/reports/{id}", Ct));
        var notes = detail.GetProperty("calculation").GetProperty("issues").EnumerateArray()
            .Where(i => i.GetProperty("severity").GetString() == "warning")
            .Select(i => new { warning = i.GetProperty("key").GetString(), note = "已核实" }).ToArray();
        await Ok(await verifier.PostAsJsonAsync($"/api/v1/mrv/reports/{id}/verification",
            new { conclusion = "属实", adjustments = Array.Empty<object>(), acknowledgements = notes }, Ct));
        await Ok(await regulator.PostAsync($"/api/v1/mrv/reports/{id}/approve", null, Ct));
        // Each test approves its own year, so the year's only row is this company's.
        var totals = await Ok(await regulator.GetAsync($"/api/v1/mrv/approved?year={year}", Ct));
        return Assert.Single(totals.EnumerateArray()).GetProperty("name").GetString()!;
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task Dashboard_AfterTwoApprovedYears_DrawsBothChartsAndListsTheCompanyWithItsChange()
    {
        server.RequireBrowser();
        // By hand: 10 000 t and 11 000 t of raw coal × 1.9002988488 tCO2/t = 19 002.988 t and 20 903.287 t; +10.0 %.
        var name = await ApproveAsync("paper-b", 2030, 10_000m);
        await ApproveAsync("paper-b", 2031, 11_000m);
        var page = await server.SignInAsync("regulator");
        var violations = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) { violations.Add(m.Text); } };

        await page.GotoAsync("/Mrv/Dashboard?year=2031");
        await page.WaitForSelectorAsync(".chart[data-chart='chart-trend'][data-chart-ready] canvas");
        await page.WaitForSelectorAsync(".chart[data-chart='chart-sector'][data-chart-ready] canvas");
        var row = page.Locator("table.totals tbody tr", new PageLocatorOptions { HasText = name });

        var text = await row.InnerTextAsync();
        Assert.Contains("20,903.287", text, StringComparison.Ordinal);
        Assert.Contains("19,002.988", text, StringComparison.Ordinal);
        Assert.Contains("+10.0 %", text, StringComparison.Ordinal);
        Assert.Empty(violations);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "openets-mrv-dashboard.png"), FullPage = true });
    }

    [Fact]
    public async Task Disclosure_SignedOut_ShowsApprovedTotalsButTheDashboardAsksToSignIn()
    {
        server.RequireBrowser();
        var name = await ApproveAsync("steel-a", 2032, 1_000m);
        await using var context = await server.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, Locale = "zh-CN" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Disclosure?year=2032");
        await page.WaitForSelectorAsync(".chart[data-chart='chart-sector'][data-chart-ready] canvas");
        var table = await page.InnerTextAsync("table.totals");
        await page.GotoAsync("/Mrv/Dashboard");

        // By hand: 1 000 t × 1.9002988488 = 1 900.299 t (rounded at reporting to 1 kg).
        Assert.Contains(name, table, StringComparison.Ordinal);
        Assert.Contains("1,900.299", table, StringComparison.Ordinal);
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disclosure_YearOnlyOneSectorReported_LeavesTheOtherSectorsAGapInTheTrendNotZero()
    {
        server.RequireBrowser();
        await ApproveAsync("paper-a", 2034, 1_000m);
        using var anonymous = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/Disclosure?year=2034", Ct));
        var json = System.Text.RegularExpressions.Regex.Match(page, "<script type=\"application/json\" id=\"chart-trend\">(.*?)</script>").Groups[1].Value;
        var trend = JsonDocument.Parse(json).RootElement;
        var years = trend.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).ToList();
        var reported = years.IndexOf("2034");
        var demoYear = years.IndexOf("2017");
        var series = trend.GetProperty("series").EnumerateArray().ToList();

        // The demo approved every sector's 2017 report; 2034 has the paper company's alone.
        Assert.All(series, s => Assert.Equal(JsonValueKind.Number, s.GetProperty("data")[demoYear].ValueKind));
        Assert.Single(series, s => s.GetProperty("data")[reported].ValueKind == JsonValueKind.Number);
        Assert.Equal(series.Count - 1, series.Count(s => s.GetProperty("data")[reported].ValueKind == JsonValueKind.Null));
    }
}
