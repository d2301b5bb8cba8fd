using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Application.Storage;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

public sealed class OrganisationApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_AsRegulatorWithValidCode_AddsItAndJournalsIt()
    {
        using var client = await server.SignedInAsync("regulator");

        using var created = await client.PostAsJsonAsync("/api/v1/organisations",
            new { code = "91350100M000100Y43", name = "闽江示范石化有限公司", sector = "石化", region = "福州市" }, Ct);
        var fetched = await client.GetFromJsonAsync<JsonElement>("/api/v1/organisations/91350100M000100Y43", Ct);
        var audit = await client.GetFromJsonAsync<JsonElement>("/api/v1/audit?subject=91350100M000100Y43", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("petrochemical", fetched.GetProperty("sector").GetString());
        var entry = audit.GetProperty("entries")[0];
        Assert.Equal("entity.created", entry.GetProperty("kind").GetString());
        Assert.Equal("regulator", entry.GetProperty("actor").GetString());
        Assert.Contains("闽江示范石化有限公司", entry.GetProperty("payload").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithBadCheckCharacter_ReturnsProblemNamingFieldAndRule()
    {
        using var client = await server.SignedInAsync("regulator");

        using var response = await client.PostAsJsonAsync("/api/v1/organisations",
            new { code = "91350100M000100Y44", name = "X", sector = "power", region = "广州市" }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("校验码不正确", problem.GetProperty("errors").GetProperty("code")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("BadCheckCharacter", problem.GetProperty("rules")[0].GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/organisations/91350100M000100Y44", Ct)).StatusCode);
    }

    [Fact]
    public async Task Issue_7_Post_WithBadCheckCharacter_InEnglish_SaysSoInEnglish()
    {
        using var client = await server.SignedInAsync("regulator");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");

        using var response = await client.PostAsJsonAsync("/api/v1/organisations",
            new { code = "91350100M000100Y44", name = "X", sector = "power", region = "广州市" }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Contains("check character", problem.GetProperty("errors").GetProperty("code")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("The request has invalid fields", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Post_WithACodeAlreadyOnTheList_Returns409NamingTheCodeAndTheRule()
    {
        using var client = await server.SignedInAsync("regulator");

        using var response = await client.PostAsJsonAsync("/api/v1/organisations",
            new { code = "91440101MA5CY10016", name = "重复测试", sector = "power", region = "广州市" }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/v1/organisations/91440101MA5CY10016", Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(("code", "CodeAlreadyListed"), (problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString()));
        Assert.Equal("统一社会信用代码：名单中已有使用该代码的企业。", problem.GetProperty("detail").GetString());
        Assert.NotEqual("重复测试", listed.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Put_ChangingTheCodeToOneAlreadyOnTheList_Returns409()
    {
        using var client = await server.SignedInAsync("regulator");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");

        using var response = await client.PutAsJsonAsync("/api/v1/organisations/91440600MA5CY1004T",
            new { code = "91440101MA5CY10016", name = "佛山示范纸业有限公司", sector = "paper", region = "佛山市" }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("CodeAlreadyListed", problem.GetProperty("rule").GetString());
        Assert.Contains("already on the list", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_8_Put_AsRegulator_HistoryListsTheChangedFieldBeforeAndAfter()
    {
        using var client = await server.SignedInAsync("regulator");

        using var response = await client.PutAsJsonAsync("/api/v1/organisations/91440600MA5CY1004T",
            new { code = "91440600MA5CY1004T", name = "佛山示范纸业有限公司", sector = "paper", region = "佛山市", status = "left" }, Ct);
        var history = await client.GetFromJsonAsync<JsonElement>("/api/v1/organisations/91440600MA5CY1004T/history", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = Assert.Single(history[0].GetProperty("changes").EnumerateArray());
        Assert.Equal("status", status.GetProperty("field").GetString());
        Assert.Equal("covered", status.GetProperty("before").GetString());
        Assert.Equal("left", status.GetProperty("after").GetString());
    }

    [Fact]
    public async Task History_ReadByAnotherCompany_ShowsTheListsChangesButNotTheCompanysCashOrTrading()
    {
        // The demo's cement company deposited cash and traded on the exchange, both journalled under its code.
        using var powerA = await server.SignedInAsync("power-a");

        var history = await powerA.GetFromJsonAsync<JsonElement>("/api/v1/organisations/91441800MA5CY1002B/history", Ct);
        var journalled = await server.Services.GetRequiredService<IStore>().ReadAsync(
            s => s.Journal.PageAsync(new JournalFilter(Subject: "91441800MA5CY1002B"), 0, 200), Ct);

        Assert.Contains(journalled, e => e.Kind.StartsWith("cash.", StringComparison.Ordinal));
        var kinds = history.EnumerateArray().Select(e => e.GetProperty("kind").GetString()!).ToList();
        Assert.Contains("entity.created", kinds);
        Assert.All(kinds, k => Assert.StartsWith("entity.", k, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_AsCompanyRepresentative_IsForbidden()
    {
        using var client = await server.SignedInAsync("power-a");

        using var response = await client.PostAsJsonAsync("/api/v1/organisations",
            new { code = "91110000802100433B", name = "X", sector = "power", region = "北京市" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Import_WithOneBadRow_ReportsRowAndColumnAndSavesNothing()
    {
        using var client = await server.SignedInAsync("regulator");
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/v1/organisations", Ct)).GetArrayLength();
        const string csv = "统一社会信用代码,企业名称,行业,地区,状态\n"
            + "91110000802100433B,京华示范电力,电力,北京市,纳入\n"
            + "91110000802100433C,坏代码公司,电力,北京市,纳入\n"
            + "91440101MA5CY10016,珠江示范发电有限公司,电力,广州市,纳入\n";

        using var response = await client.PostAsync("/api/v1/organisations/import", Upload(csv, "list.csv"), Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var after = (await client.GetFromJsonAsync<JsonElement>("/api/v1/organisations", Ct)).GetArrayLength();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var row = problem.GetProperty("rows")[0];
        Assert.Equal(3, row.GetProperty("row").GetInt32());
        Assert.Equal("A", row.GetProperty("column").GetString());
        Assert.Equal("BadCheckCharacter", row.GetProperty("rule").GetString());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Import_WithAnUnknownMarket_NamesTheRowAndTheJurisdictionFieldAndSavesNothing()
    {
        using var client = await server.SignedInAsync("regulator");
        const string csv = "统一社会信用代码,企业名称,行业,地区,状态,所属碳市场\n"
            + "91110000802100433B,京华示范电力,电力,北京市,纳入,BJ\n"
            + "91440101MA5CY10016,珠江示范发电有限公司,电力,广州市,纳入,广州\n";

        using var response = await client.PostAsync("/api/v1/organisations/import", Upload(csv, "list.csv"), Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var missing = await client.GetAsync("/api/v1/organisations/91110000802100433B", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var row = Assert.Single(problem.GetProperty("rows").EnumerateArray());
        Assert.Equal((3, "F", "jurisdiction", "UnknownValue"), (row.GetProperty("row").GetInt32(), row.GetProperty("column").GetString(),
            row.GetProperty("field").GetString(), row.GetProperty("rule").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Import_UnknownMarketOnARepeatedCode_NamesTheValueTheChoicesAndTheRepeatInOnePass()
    {
        using var client = await server.SignedInAsync("regulator");
        const string csv = "统一社会信用代码,企业名称,行业,地区,状态,所属碳市场\n"
            + "91110000802100433B,京华示范电力,电力,北京市,纳入,BJ\n"
            + "91110000802100433B,京华示范电力二厂,电力,北京市,纳入,广东X\n";

        using var response = await client.PostAsync("/api/v1/organisations/import", Upload(csv, "list.csv"), Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var rows = problem.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([(3, "jurisdiction", "UnknownValue"), (3, "code", "Duplicate")],
            rows.Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("field").GetString(), r.GetProperty("rule").GetString())));
        var market = rows[0].GetProperty("message").GetString();
        Assert.Contains("“广东X”", market, StringComparison.Ordinal);
        Assert.Contains("GD 广东试点", market, StringComparison.Ordinal);
        Assert.Contains("HB 湖北试点", market, StringComparison.Ordinal);
        Assert.Contains("第 2 行", rows[1].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_WithAnotherMarket_RecordsItListsItAndJournalsTheChange()
    {
        using var client = await server.SignedInAsync("regulator");
        using var added = await client.PostAsJsonAsync("/api/v1/organisations",
            new { code = "91350100M000200Y4" + Check("91350100M000200Y4"), name = "闽江示范水泥", sector = "cement", region = "福州市", jurisdiction = "fj" }, Ct);
        var code = (await added.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString();

        using var moved = await client.PutAsJsonAsync($"/api/v1/organisations/{code}",
            new { code, name = "闽江示范水泥", sector = "cement", region = "福州市", jurisdiction = "CN" }, Ct);
        var national = await client.GetFromJsonAsync<JsonElement>("/api/v1/organisations?jurisdiction=CN", Ct);
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{code}/history", Ct);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("CN", (await moved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("jurisdiction").GetString());
        Assert.Equal([code], national.EnumerateArray().Select(o => o.GetProperty("code").GetString()));
        var change = Assert.Single(history[0].GetProperty("changes").EnumerateArray());
        Assert.Equal(("jurisdiction", "FJ", "CN"),
            (change.GetProperty("field").GetString(), change.GetProperty("before").GetString(), change.GetProperty("after").GetString()));
    }

    [Fact]
    public async Task Import_XlsxWithNewAndExistingRows_AddsAndUpdates()
    {
        using var client = await server.SignedInAsync("regulator");
        using var xlsx = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(xlsx, new[]
        {
            new Dictionary<string, object> { ["统一社会信用代码"] = "91330100MA2H00001X".Remove(17) + Check("91330100MA2H00001"), ["企业名称"] = "钱塘示范造纸", ["行业"] = "造纸", ["地区"] = "杭州市", ["状态"] = "新建项目" },
            new Dictionary<string, object> { ["统一社会信用代码"] = "91440200MA5CY1003" + Check("91440200MA5CY1003"), ["企业名称"] = "韶关示范钢铁有限公司", ["行业"] = "钢铁", ["地区"] = "韶关市武江区", ["状态"] = "纳入" },
        });

        using var response = await client.PostAsync("/api/v1/organisations/import", Upload(xlsx.ToArray(), "list.xlsx"), Ct);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, result.GetProperty("added").GetInt32());
        Assert.Equal(1, result.GetProperty("updated").GetInt32());
    }

    [Fact]
    public async Task Import_NotASpreadsheet_SaysWhichKindsAreAccepted()
    {
        using var client = await server.SignedInAsync("regulator");

        using var response = await client.PostAsync("/api/v1/organisations/import", Upload("hello", "list.txt"), Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(".xlsx", problem.GetProperty("rows")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("Unreadable", problem.GetProperty("rows")[0].GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Import_GbkCsv_SaysTheFileMustBeSavedAsUtf8()
    {
        using var client = await server.SignedInAsync("regulator");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        // What Chinese Excel writes for "CSV (逗号分隔)": GBK, whose bytes are not UTF-8.
        var gbk = Encoding.GetEncoding("GBK").GetBytes("统一社会信用代码,企业名称,行业,地区,状态\n"
            + "91110000802100433B,京华示范电力,电力,北京市,纳入\n");

        using var response = await client.PostAsync("/api/v1/organisations/import", Upload(gbk, "list.csv"), Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var row = Assert.Single(problem.GetProperty("rows").EnumerateArray());
        Assert.Equal(("file", "NotUtf8"), (row.GetProperty("field").GetString(), row.GetProperty("rule").GetString()));
        Assert.Contains("不是 UTF-8 编码", row.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8", row.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ReturnsAWorkbookThatImportsBackUnchanged()
    {
        using var client = await server.SignedInAsync("regulator");

        var bytes = await client.GetByteArrayAsync("/api/v1/organisations/export.xlsx", Ct);
        using var response = await client.PostAsync("/api/v1/organisations/import", Upload(bytes, "back.xlsx"), Ct);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, result.GetProperty("added").GetInt32());
        Assert.Equal(0, result.GetProperty("updated").GetInt32());
        Assert.True(result.GetProperty("unchanged").GetInt32() >= 5);
    }

    private static string Check(string first17) => OpenEts.Domain.Organisations.CreditCode.CheckCharacter(first17).ToString();

    private static MultipartFormDataContent Upload(string text, string name) => Upload(Encoding.UTF8.GetBytes(text), name);

    private static MultipartFormDataContent Upload(byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", name } };
    }
}
