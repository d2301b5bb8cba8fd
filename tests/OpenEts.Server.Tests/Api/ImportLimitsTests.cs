using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

/// <summary>The covered-entity import within its limits (docs/organisations.md): bombs, huge files, endless error lists.</summary>
public sealed class ImportLimitsTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>150 rows, each with one bad cell (a credit code of 5 characters).</summary>
    internal static string BadRows(int count)
    {
        var csv = new StringBuilder("统一社会信用代码,企业名称,行业,地区\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append("12345,示范企业,电力,广州市\n");
        }
        return csv.ToString();
    }

    /// <summary>A small .xlsx whose one sheet unpacks to about <paramref name="megabytes"/> MB.</summary>
    internal static byte[] Bomb(int megabytes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var workbook = zip.CreateEntry("xl/workbook.xml").Open())
            {
                workbook.Write("""<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>"""u8);
            }
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            sheet.Write("""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"""u8);
            var row = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<row><c t=\"inlineStr\"><is><t>A</t></is></c></row>", 20_000)));
            for (long written = 0; written < megabytes * 1024L * 1024; written += row.Length)
            {
                sheet.Write(row);
            }
            sheet.Write("</sheetData></worksheet>"u8);
        }
        return buffer.ToArray();
    }

    internal static MultipartFormDataContent Upload(byte[] bytes, string name, string field = "file")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, field, name } };
    }

    [Fact]
    public async Task Issue_8_Import_XlsxBomb_AnswersQuickly400NamingTheLimit()
    {
        using var client = await server.SignedInAsync("regulator");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var bomb = Bomb(210);
        var clock = Stopwatch.StartNew();

        using var response = await client.PostAsync("/api/v1/organisations/import", Upload(bomb, "bomb.xlsx"), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var problem = JsonDocument.Parse(body).RootElement;

        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is {bomb.Length} bytes");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var row = Assert.Single(problem.GetProperty("rows").EnumerateArray());
        Assert.Equal("SheetTooLarge", row.GetProperty("rule").GetString());
        Assert.Contains("50 MB", row.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(body.Length < 4096, $"the answer is {body.Length} characters");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Issue_8_Import_150BadRows_Lists100ErrorsAndCountsTheOther50()
    {
        using var client = await server.SignedInAsync("regulator");

        using var response = await client.PostAsync("/api/v1/organisations/import",
            Upload(Encoding.UTF8.GetBytes(BadRows(150)), "bad.csv"), Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(100, problem.GetProperty("rows").GetArrayLength());
        Assert.Equal(50, problem.GetProperty("moreErrors").GetInt32());
        Assert.Equal(101, problem.GetProperty("rows")[99].GetProperty("row").GetInt32());
    }

    [Fact]
    public async Task Issue_8_Import_FileOverTenMegabytes_IsRefusedUnread()
    {
        using var client = await server.SignedInAsync("regulator");
        var big = Encoding.UTF8.GetBytes(BadRows(1)).Concat(new byte[11 * 1024 * 1024]).ToArray();

        using var response = await client.PostAsync("/api/v1/organisations/import", Upload(big, "big.csv"), Ct);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{response.StatusCode}");
        Assert.Empty(await client.GetFromJsonAsync<JsonElement[]>("/api/v1/organisations?q=示范企业", Ct) ?? []);
    }
}
