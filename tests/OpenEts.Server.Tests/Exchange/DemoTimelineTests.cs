using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Exchange;

// The demo's present-day history reads forward (DemoTimeline): accounts are opened and units issued before the FFCER
// trades of the five days before the demo's first start sell them, and nothing is dated after that start.
public sealed class DemoTimelineTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static readonly string[] Ffcer = ["FFCER-FJ0001-2016", "FFCER-FJ0002-2016"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task History_OfThePaperCompanysAccount_StartsAtItsOpeningAndSellsFfcerOnlyAfterItsIssuance()
    {
        using var paper = await server.SignedInAsync("paper-a");

        var history = await HistoryAsync(paper, "GD-HOLD-PAPER");

        Assert.Equal("registry.account.opened", Kind(history[0]));
        AssertReadsForward(history);
        foreach (var code in Ffcer)
        {
            var ofClass = history.Where(e => Text(e, "class") == code).ToList();
            var issued = At(Assert.Single(ofClass, e => Kind(e) == "registry.offsets.issued"));
            var sold = ofClass.Where(e => Text(e, "from") == "GD-HOLD-PAPER").ToList();
            Assert.NotEmpty(sold);
            Assert.All(sold, e => Assert.True(At(e) > issued, $"{code} left GD-HOLD-PAPER at {At(e):O}, before its issuance at {issued:O}"));
        }
    }

    [Theory]
    [InlineData("GD-HOLD-POWER")]
    [InlineData("GD-HOLD-CEMENT")]
    [InlineData("GD-HOLD-AVIATION")]
    [InlineData("GD-BUFFER")]
    [InlineData("GD-CLEARING")]
    [InlineData("GD-ISSUANCE")]
    public async Task History_OfADemoAccount_ReadsForwardFromItsOpening(string account)
    {
        using var regulator = await server.SignedInAsync("regulator");

        var history = await HistoryAsync(regulator, account);

        Assert.Contains(Kind(history[0]), (string[])["registry.account.opened", "registry.initialised"]);
        AssertReadsForward(history);
    }

    [Fact]
    public async Task Audit_AfterTheDemoSeeding_TheJournalsChainVerifies()
    {
        using var auditor = await server.SignedInAsync("auditor");

        var verified = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify", Ct);

        Assert.True(verified.GetProperty("intact").GetBoolean(), verified.ToString());
    }

    // Each event no earlier than the one before it (the first, the account's opening), none after now.
    private void AssertReadsForward(List<JsonElement> history)
    {
        var times = history.Select(At).ToList();
        Assert.Equal(times.Order(), times);
        Assert.All(times, t => Assert.InRange(t, times[0], server.Clock.GetUtcNow()));
    }

    private static async Task<List<JsonElement>> HistoryAsync(HttpClient client, string account) =>
        (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/registry/accounts/{account}/history", Ct))!;

    private static string? Kind(JsonElement e) => e.GetProperty("kind").GetString();

    private static DateTimeOffset At(JsonElement e) => e.GetProperty("at").GetDateTimeOffset();

    private static string? Text(JsonElement e, string name) =>
        e.GetProperty("event").TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
