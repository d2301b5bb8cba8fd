using Microsoft.Extensions.DependencyInjection;
using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.DualControl.Monitoring;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser.Monitoring;

/// <summary>Online monitoring in real Chromium: a company's unit under 90 % completeness is flagged on the regulator's dashboard.</summary>
public sealed class EnergyMonitoringPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RegulatorDashboard_CompanyUnitUnderNinetyPercent_IsFlagged()
    {
        server.RequireBrowser();
        var store = server.Services.GetRequiredService<IStore>();
        var handler = server.Services.GetRequiredService<MonitoringCommandHandler>();
        var paper = (await store.ReadAsync(s => s.Users.FindByNameAsync("paper-a"), Ct))!;
        var company = new Actor(paper.Id, paper.UserName, paper.Role, paper.OrganisationId);
        var yesterday = QualityRules.BeijingDay(server.Clock.GetUtcNow()).AddDays(-1);
        // The paper mill is monitored from the day before yesterday: 48 hourly slots; its access system sends 43 (89.58 %, shown 89.5 %: rounded down).
        var unit = (MonitoredUnit)((MonitoringCommandOutcome.Completed)await handler.HandleAsync(Actor.System,
            new RegisterMonitoredUnit(paper.OrganisationId!.Value, null, yesterday.AddDays(-1)), Ct)).Result;
        await handler.HandleAsync(Actor.System, new RegisterMeterPoint(unit.Id, "FS-E01", "纸机电表", EnergyKind.Electricity, "kWh", MeterCadence.Hourly, null), Ct);
        var forms = Enumerable.Range(0, 43).Select(h => new IngestReadings.ReadingForm($"fs-{h}", "FS-E01",
            QualityRules.StartOfDay(yesterday.AddDays(-1)).AddHours(h).ToString("O"), 3_200m)).ToList();
        Assert.True(IngestReadings.TryParse(new IngestReadings.Form("fs-batch-1", forms), out var batch, out _));
        Assert.IsType<MonitoringCommandOutcome.Completed>(await handler.HandleAsync(company, batch, Ct));

        var regulator = await server.SignInAsync("regulator");
        await regulator.GotoAsync("/Energy/Monitoring");
        var row = regulator.Locator($"#em-units tr[data-unit='{unit.Id}']");

        Assert.Equal("true", await row.GetAttributeAsync("data-flagged"));
        Assert.Equal("89.5 %", await row.Locator(".completeness").InnerTextAsync());
        Assert.Contains("完整率低于 90%", await row.Locator(".flags").InnerTextAsync(), StringComparison.Ordinal);
        await regulator.WaitForSelectorAsync(".chart[data-chart-ready]");
        await row.Locator("a").ClickAsync();
        await regulator.WaitForSelectorAsync(".chart[data-chart='chart-em-completeness'][data-chart-ready]");
        Assert.Contains("89.5 %", await regulator.InnerTextAsync("#em-unit-completeness"), StringComparison.Ordinal);
        // The chart's figures as a table under it, opened from its summary: each day's completeness beside the 90 % threshold.
        await regulator.Locator("details.chart-data:has(#em-completeness-figures) summary").ClickAsync();
        var firstDay = regulator.Locator("#em-completeness-figures tbody tr").First;
        Assert.True(await firstDay.IsVisibleAsync());
        Assert.Equal("90", (await firstDay.Locator("td").Last.InnerTextAsync()).Trim());
    }
}
