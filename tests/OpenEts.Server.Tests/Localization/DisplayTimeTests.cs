using System.Net;
using OpenEts.Server.Localization;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Localization;

public sealed class DisplayTimeTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    [Fact]
    public void Issue_8_Show_ByDefault_WritesBeijingTimeAndSaysSo() =>
        Assert.Equal("2026-11-30 09:05:00 (UTC+8)", DisplayTime.Show(new DateTimeOffset(2026, 11, 30, 1, 5, 0, TimeSpan.Zero)));

    [Fact]
    public async Task Issue_8_AuditLog_ShowsTimesInBeijingTimeWithTheirLabel()
    {
        using var regulator = await server.SignedInAsync("regulator");

        var page = WebUtility.HtmlDecode(await regulator.GetStringAsync("/Audit", TestContext.Current.CancellationToken));

        Assert.Contains("(UTC+8)", page, StringComparison.Ordinal);
    }
}
