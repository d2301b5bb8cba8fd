using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Registry;

/// <summary>The registry's .xlsx and .csv exports of holdings and history, and who may download them.</summary>
public sealed class RegistryExportTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string Power = "GD-HOLD-POWER";
    private const string Cement = "GD-HOLD-CEMENT";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HoldingsXlsx_OpensWithMiniExcel_TotalsMatchJsonHoldings()
    {
        using var regulator = await server.SignedInAsync("regulator");
        var json = await regulator.GetFromJsonAsync<JsonElement>($"/api/v1/registry/accounts/{Power}/holdings", Ct);

        using var response = await regulator.GetAsync($"/api/v1/registry/accounts/{Power}/holdings.xlsx", Ct);
        using var sheet = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var rows = sheet.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var totals = rows.GroupBy(r => (string)r["单位类别"])
            .ToDictionary(g => g.Key, g => g.Sum(r => Convert.ToInt64(r["数量（吨）"], CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var holdings = json.GetProperty("holdings").EnumerateArray().ToList();
        Assert.NotEmpty(holdings);
        Assert.Equal(holdings.Count, totals.Count);
        foreach (var h in holdings)
        {
            Assert.Equal(h.GetProperty("quantity").GetInt64(), totals[h.GetProperty("class").GetString()!]);
        }
        Assert.All(rows, r => Assert.Equal(Power, r["账户"]));
    }

    [Fact]
    public async Task HoldingsCsv_HasBomChineseHeaderAndOneRowPerBlock()
    {
        using var powerA = await server.SignedInAsync("power-a");
        var json = await powerA.GetFromJsonAsync<JsonElement>($"/api/v1/registry/accounts/{Power}/holdings", Ct);

        using var response = await powerA.GetAsync($"/api/v1/registry/accounts/{Power}/holdings.csv", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("账户,单位类别,年度,起始序列号,终止序列号,数量（吨）,序列号", lines[0]);
        var blocks = json.GetProperty("holdings").EnumerateArray().Sum(h => h.GetProperty("blocks").GetArrayLength());
        Assert.Equal(blocks, lines.Length - 1);
        var total = json.GetProperty("holdings")[0].GetProperty("quantity").GetInt64();
        Assert.Equal(total, lines.Skip(1).Where(l => l.Split(',')[1] == "GDEA-2017")
            .Sum(l => long.Parse(l.Split(',')[5], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task HistoryExports_ListTheAccountsEvents()
    {
        using var powerA = await server.SignedInAsync("power-a");
        var json = await powerA.GetFromJsonAsync<JsonElement>($"/api/v1/registry/accounts/{Power}/history", Ct);

        using var csv = await powerA.GetAsync($"/api/v1/registry/accounts/{Power}/history.csv", Ct);
        var text = (await csv.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        using var xlsx = await powerA.GetAsync($"/api/v1/registry/accounts/{Power}/history.xlsx", Ct);
        using var sheet = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct));
        var rows = sheet.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("日志序号,时间,操作人,事件类型,单位类别,转出账户,转入账户,数量（吨）,序列号区段,转移申请编号", lines[0], StringComparison.Ordinal);
        Assert.Equal(json.GetArrayLength(), lines.Length - 1);
        Assert.Equal(json.GetArrayLength(), rows.Count);
        // 事件类型 named in Chinese as the account's page does (it held the journal's code); the code in 事件代码 for scripts.
        Assert.Contains(rows, r => (string)r["事件类型"] == "分配" && (string)r["事件代码"] == "registry.units.allocated"
            && (string)r["转入账户"] == Power);
        Assert.DoesNotContain(rows, r => ((string)r["事件类型"]).StartsWith("registry.", StringComparison.Ordinal));
    }

    // The demo's events were stored at +08:00 and live ones at UTC: the 时间 column mixed both (2026-12-04 10:10:30 +08:00
    // over 2026-12-07 14:17:57 +00:00). Every row is now in the platform's zone, Beijing time by default, as the pages are.
    [Fact]
    public async Task HistoryExport_ARequestMadeNowBesideTheDemosEvents_EveryTimeInBeijingTime()
    {
        using var powerA = await server.SignedInAsync("power-a");
        using var proposed = await powerA.PostAsJsonAsync("/api/v1/registry/transfers",
            new { from = Power, to = Cement, @class = "GDEA-2017", quantity = 1, idempotencyKey = "export-zone-" + Guid.NewGuid().ToString("N") }, Ct);
        Assert.True(proposed.IsSuccessStatusCode, await proposed.Content.ReadAsStringAsync(Ct));

        using var csv = await powerA.GetAsync($"/api/v1/registry/accounts/{Power}/history.csv", Ct);
        var times = (await csv.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Select(l => l.Split(',')[1]).ToList();

        Assert.True(times.Count > 1);
        Assert.All(times, t => Assert.EndsWith(" +08:00", t, StringComparison.Ordinal));
    }

    // A transfer proposed and waiting for its second representative was listed with its quantity in 数量（吨）, so a sum of
    // the column counted units that had not moved. The column now holds what moved; the proposal is listed with its status
    // and its quantity apart, and counts once approved.
    [Fact]
    public async Task HistoryExport_ATransferAwaitingApproval_IsNotInTheQuantityColumnUntilApproved()
    {
        using var powerA = await server.SignedInAsync("power-a");
        using var powerB = await server.SignedInAsync("power-b");
        var before = await StatementAsync(powerA);

        using var proposed = await powerA.PostAsJsonAsync("/api/v1/registry/transfers",
            new { from = Power, to = Cement, @class = "GDEA-2017", quantity = 7, idempotencyKey = "export-pending-" + Guid.NewGuid().ToString("N") }, Ct);
        var proposal = (await proposed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("proposal").GetInt64();
        var pending = await StatementAsync(powerA);
        using var approved = await powerB.PostAsJsonAsync($"/api/v1/registry/transfers/{proposal}/approve",
            new { idempotencyKey = "export-approve-" + Guid.NewGuid().ToString("N") }, Ct);
        var after = await StatementAsync(powerA);
        var holdings = (await powerA.GetFromJsonAsync<JsonElement>($"/api/v1/registry/accounts/{Power}/holdings", Ct))
            .GetProperty("holdings").EnumerateArray().Sum(h => h.GetProperty("quantity").GetInt64());

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(before.Sum, pending.Sum);
        var row = pending.Rows.Single(r => r["转移申请编号"] == proposal.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(("", "待审批，未转移", "7"), (row["数量（吨）"], row["状态"], row["申请数量（吨，未转移）"]));
        Assert.Equal(before.Sum + 7, after.Sum);
        Assert.Equal(holdings, after.In - after.Out);
    }

    // The history's CSV: its rows by header, the sum of 数量（吨）, and what it brought into and took out of the account.
    private static async Task<(List<Dictionary<string, string>> Rows, long Sum, long In, long Out)> StatementAsync(HttpClient client)
    {
        var text = (await client.GetStringAsync($"/api/v1/registry/accounts/{Power}/history.csv", Ct)).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
        long Quantity(Dictionary<string, string> r) => r["数量（吨）"].Length == 0 ? 0 : long.Parse(r["数量（吨）"], CultureInfo.InvariantCulture);
        return (rows, rows.Sum(Quantity), rows.Where(r => r["转入账户"] == Power).Sum(Quantity), rows.Where(r => r["转出账户"] == Power).Sum(Quantity));
    }

    [Theory]
    [InlineData("holdings.xlsx")]
    [InlineData("holdings.csv")]
    [InlineData("history.xlsx")]
    [InlineData("history.csv")]
    public async Task Export_OfAnotherCompanysAccount_IsForbidden(string file)
    {
        using var cementA = await server.SignedInAsync("cement-a");

        using var other = await cementA.GetAsync($"/api/v1/registry/accounts/{Power}/{file}", Ct);
        using var own = await cementA.GetAsync($"/api/v1/registry/accounts/{Cement}/{file}", Ct);
        using var unknown = await cementA.GetAsync($"/api/v1/registry/accounts/GD-NOPE/{file}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
