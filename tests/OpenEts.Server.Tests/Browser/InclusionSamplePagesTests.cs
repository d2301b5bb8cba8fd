using Microsoft.Playwright;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>
/// From a citizen's reading to PHCER in real Chromium: a citizen records a rooftop PV day, the programme operator
/// aggregates the day into a PHCER monitoring report, the verifier draws and checks the sample before verifying on it,
/// the regulator issues, and the audit trail follows the tonne back to the sampled event.
/// </summary>
public sealed class InclusionSamplePagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task Aggregation_VerifierChecksTheSampleBeforeVerifying_PhcerIssuedAndTracedToTheEvent()
    {
        // Five days of 400 kWh (the most one day's reading may be), days before the demo's three weeks: 2 000 kWh in all.
        var first = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date.AddDays(-26);
        string Day(int d) => first.AddDays(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var citizen = await server.SignInAsync("citizen-gz");
        for (var d = 0; d < 5; d++)
        {
            await citizen.GotoAsync("/Inclusion/Me");
            await citizen.SelectOptionAsync("#record-programme", "guangdong-tanpuhui");
            await citizen.SelectOptionAsync("#record-behaviour", "solar-pv");
            await citizen.FillAsync("#record-quantity", "400");
            await citizen.FillAsync("#record-at", Day(d) + "T12:00");
            await citizen.ClickAsync("#record-submit");
            await citizen.WaitForSelectorAsync("#recorded");
            // 400 kWh × 570.3 g/kWh = 228 120 g.
            Assert.Equal("228120", (await citizen.InnerTextAsync("#recorded-grams")).Replace(",", "", StringComparison.Ordinal));
        }

        var owner = await server.SignInAsync("cement-a");
        await owner.GotoAsync($"/Inclusion/Aggregate?Programme=guangdong-tanpuhui&PeriodStart={Day(0)}&PeriodEnd={Day(4)}");
        await owner.ClickAsync("#aggregate-submit");
        await owner.WaitForSelectorAsync("#filed");

        var verifier = await server.SignInAsync("verifier");
        await verifier.GotoAsync("/Inclusion/Aggregate?Programme=guangdong-tanpuhui");
        await verifier.Locator("#aggregations a.to-sample").Last.ClickAsync();
        await verifier.ClickAsync("#draw-submit");
        await verifier.WaitForSelectorAsync("#events");
        var trailUrl = await verifier.GetAttributeAsync("#to-trail", "href");
        // Five events in the period: the sample is the whole population (n = ⌈384.16 / (1 + 383.16 / 5)⌉ = 5).
        Assert.Equal("5", await verifier.InnerTextAsync("#population"));
        Assert.Equal("5", await verifier.InnerTextAsync("#size"));
        Assert.StartsWith("c", await verifier.InnerTextAsync("#event-1 td:nth-child(5)"), StringComparison.Ordinal);
        Assert.DoesNotContain("citizen-gz", await verifier.InnerTextAsync("#events"), StringComparison.Ordinal);

        // Verifying before the sample is checked is refused; then the event is confirmed and the aggregation verified.
        await verifier.FillAsync("#opinion", "抽样核查");
        await verifier.ClickAsync("#verify-submit");
        await verifier.WaitForSelectorAsync("#incl-error");
        await verifier.CheckAsync("#finding-1-confirmed");
        await verifier.FillAsync("#reason-1", "与电网企业上网电量结算单一致");
        await verifier.ClickAsync("#confirm-rest");
        await verifier.WaitForSelectorAsync("#findings-saved");
        Assert.Equal("属实", await verifier.InnerTextAsync("#event-1 .state"));
        Assert.Equal("5 / 5", await verifier.InnerTextAsync("#checked"));
        await verifier.FillAsync("#opinion", "样本全部属实，按申报量核证");
        await verifier.ClickAsync("#verify-submit");
        await verifier.WaitForSelectorAsync("#verified");
        Assert.Equal("1140.6", await verifier.InnerTextAsync("#verified-kg"));

        var regulator = await server.SignInAsync("regulator");
        await regulator.GotoAsync(trailUrl!);
        await regulator.ClickAsync("#to-project");
        await regulator.Locator("#reports .issue").Last.ClickAsync();
        await regulator.WaitForSelectorAsync("#done");
        await regulator.GotoAsync(trailUrl!);

        Assert.Equal("Issued", await regulator.InnerTextAsync("#trail-status"));
        // 1.140 t claimed, verified and issued as 1 whole PHCER.
        Assert.Equal("1 t", await regulator.InnerTextAsync("#trail-issued"));
        Assert.Contains("PHCER-GD0001-", await regulator.InnerTextAsync("#trail-issuances"), StringComparison.Ordinal);
        Assert.Equal("1,140.6", await regulator.InnerTextAsync("#trail-daily-kg"));
        Assert.Contains("5 / 5", await regulator.InnerTextAsync("#trail-sample"), StringComparison.Ordinal);
    }
}
