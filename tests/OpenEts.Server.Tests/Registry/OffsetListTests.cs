using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Registry;

/// <summary>Offsets over HTTP: issuance with a buffer, retirement, class attributes, and the public lists anyone may read.</summary>
public sealed class OffsetListTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Key() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task PublicRetirements_WithoutSignIn_ListTheDemoRetirementWithDisplayedSerials()
    {
        using var anyone = server.CreateClient();

        using var response = await anyone.GetAsync("/api/v1/registry/public/retirements?page=1", Ct);
        var rows = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var demo = rows.EnumerateArray().Single(r => r.GetProperty("beneficiary").GetString() == "南粤示范航空有限公司");
        Assert.Equal("CCER-000404-2017-1-1000", demo.GetProperty("serials").GetString());
        Assert.Equal("solar", demo.GetProperty("attributes").GetProperty("category").GetString());
        Assert.Equal("JX", demo.GetProperty("attributes").GetProperty("hostProvince").GetString());
        Assert.True(int.Parse(response.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }

    [Fact]
    public async Task Retire_ThroughTheApi_ShowsFirstOnThePublicPage()
    {
        using var steel = await server.SignedInAsync("steel-a");
        using var anyone = server.CreateClient();

        using var retired = await steel.PostAsJsonAsync("/api/v1/registry/retirements", new
        {
            from = "GD-HOLD-STEEL", @class = "CCER-000303-2012", quantity = 25, beneficiary = "韶关马拉松", purpose = "赛事碳中和",
            idempotencyKey = Key(),
        }, Ct);
        var page = await anyone.GetStringAsync("/Registry/Retirements", Ct);

        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.Contains("韶关马拉松", page, StringComparison.Ordinal);
        Assert.Contains("CCER-000303-2012-1-25", page, StringComparison.Ordinal);
        var list = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/registry/public/retirements", Ct);
        Assert.Equal("韶关马拉松", list[0].GetProperty("beneficiary").GetString());
    }

    [Fact]
    public async Task IssueOffsets_WithAPercentBuffer_CreditsOwnerAndBufferAndIsListedPublicly()
    {
        using var regulator = await server.SignedInAsync("regulator");
        using var anyone = server.CreateClient();

        using var defined = await regulator.PostAsJsonAsync("/api/v1/registry/offset-classes", new
        {
            @class = "CCER-007007-2021", title = "Test landfill gas", category = "methane", hostProvince = "GD", idempotencyKey = Key(),
        }, Ct);
        using var issued = await regulator.PostAsJsonAsync("/api/v1/registry/offset-issuances", new
        {
            @class = "CCER-007007-2021", quantity = 999, owner = "GD-HOLD-PAPER", buffer = "GD-BUFFER", bufferPercent = 10m,
            reference = "MR-7", idempotencyKey = Key(),
        }, Ct);
        var list = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/registry/public/issuances", Ct);

        Assert.Equal(HttpStatusCode.OK, defined.StatusCode);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var row = list.EnumerateArray().Single(r => r.GetProperty("class").GetString() == "CCER-007007-2021");
        // 10 % of 999 is 99.9, withheld as 100 (rounded up); the owner gets 899.
        Assert.Equal("CCER-007007-2021-1-899", row.GetProperty("ownerSerials").GetString());
        Assert.Equal(100, row.GetProperty("bufferQuantity").GetInt64());
        Assert.Equal("佛山示范纸业有限公司", row.GetProperty("owner").GetString());
    }

    [Fact]
    public async Task IssueOffsets_ByACompany_IsForbidden()
    {
        using var power = await server.SignedInAsync("power-a");

        using var response = await power.PostAsJsonAsync("/api/v1/registry/offset-issuances", new
        {
            @class = "CCER-000101-2016", quantity = 10, owner = "GD-HOLD-POWER", idempotencyKey = Key(),
        }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("CCER-000202-2015", "hydropower", "SC", false, true)]
    [InlineData("CCER-000303-2012", "methane", "SX", true, true)]
    public async Task Attributes_OfADemoClass_AreWhatComplianceReads(string unitClass, string category, string province, bool preCdm, bool defined)
    {
        using var anyone = server.CreateClient();

        var a = await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/registry/classes/{unitClass}/attributes", Ct);

        Assert.Equal((category, province, preCdm, defined), (a.GetProperty("category").GetString(), a.GetProperty("hostProvince").GetString(),
            a.GetProperty("preCdm").GetBoolean(), a.GetProperty("defined").GetBoolean()));
    }

    [Fact]
    public async Task Attributes_OfALegacyClass_AreNotDefined()
    {
        using var anyone = server.CreateClient();

        var a = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/registry/classes/CCER/attributes", Ct);

        Assert.False(a.GetProperty("defined").GetBoolean());
        Assert.Equal(JsonValueKind.Null, a.GetProperty("hostProvince").ValueKind);
    }

    [Fact]
    public async Task IssuancesCsv_WithoutSignIn_HasChineseHeaderAndEveryDemoIssuance()
    {
        using var anyone = server.CreateClient();

        var bytes = await anyone.GetByteArrayAsync("/api/v1/registry/public/issuances.csv", Ct);
        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("序号,签发时间,单位类别", lines[0], StringComparison.Ordinal);
        foreach (var demo in new[] { "FFCER-FJ0001-2016", "PHCER-GD0001-2017", "CCER-000202-2015" })
        {
            Assert.Contains(lines, l => l.Contains("," + demo + ",", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task RetirementsXlsx_WithoutSignIn_ListsTheDemoRetirementWithItsSerialsBeneficiaryAndPurpose()
    {
        using var anyone = server.CreateClient();

        var bytes = await anyone.GetByteArrayAsync("/api/v1/registry/public/retirements.xlsx", Ct);
        using var copy = new MemoryStream(bytes);
        var sheet = Application.Files.TabularFile.Read(copy, "retirements.xlsx");

        Assert.Null(sheet.Error);
        // DemoRegistry.Retirement: the aviation company retires 1 000 t of its PV CCER.
        Assert.Contains(sheet.Rows, r => r.Cells.Contains("CCER-000404-2017-1-1000") && r.Cells.Contains("南粤示范航空有限公司")
            && r.Cells.Contains("2017 年地面运营碳中和（演示）"));
    }
}
