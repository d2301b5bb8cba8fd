using System.Net;
using System.Text.Json;
using OpenEts.Application.Mrv;
using OpenEts.Application.Mrv.Files;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Mrv;

/// <summary>An approved report leaves the platform as an .xlsx that reads back to the same figures, and as a printable page with its derivation.</summary>
public sealed class MrvExportTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The demo's approved 2017 report of the company user's organisation.
    private static async Task<(long Id, decimal Approved)> ApprovedAsync(HttpClient company)
    {
        var rows = JsonDocument.Parse(await company.GetStringAsync("/api/v1/mrv/reports?year=2017", Ct)).RootElement;
        var row = Assert.Single(rows.EnumerateArray());
        return (row.GetProperty("id").GetInt64(), row.GetProperty("approvedTonnes").GetDecimal());
    }

    [Fact]
    public async Task Export_ApprovedReport_IsAnXlsxThatReadsBackToTheApprovedTotal()
    {
        using var power = await server.SignedInAsync("power-a");
        var (id, approved) = await ApprovedAsync(power);

        using var response = await power.GetAsync($"/Mrv/Report/{id}?handler=Export", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var read = ReportWorkbook.Read(bytes, "export.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2017-approved.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        Assert.True(read.Report is not null, string.Join("; ", read.Errors.Select(e => e.ToString())));
        Assert.Equal(approved, MrvReview.Check(read.Report!, plan: null).ReportedTotal);
    }

    [Fact]
    public async Task Print_ApprovedReport_ShowsTheApprovedTotalAndTheDerivationDownToItsDefaults()
    {
        using var power = await server.SignedInAsync("power-a");
        var (id, approved) = await ApprovedAsync(power);

        var html = await power.GetStringAsync($"/Mrv/Print/{id}", Ct);

        Assert.Contains(approved.ToString("N3", System.Globalization.CultureInfo.GetCultureInfo("zh-CN")), html, StringComparison.Ordinal);
        Assert.Contains("id=\"print-derivation\"", html, StringComparison.Ordinal);
        Assert.Contains("E = AD × EF", html, StringComparison.Ordinal);
        Assert.Contains("推导过程", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAndPrint_OfAnotherCompanysReport_AreNotFound()
    {
        using var power = await server.SignedInAsync("power-a");
        using var steel = await server.SignedInAsync("steel-a");
        var (id, _) = await ApprovedAsync(power);

        using var export = await steel.GetAsync($"/Mrv/Report/{id}?handler=Export", Ct);
        using var print = await steel.GetAsync($"/Mrv/Print/{id}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, print.StatusCode);
    }
}
