using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;
using OpenEts.Server.Tests.Pages;

namespace OpenEts.Server.Tests.Mrv;

/// <summary>
/// MRV takes reporting years from 2005 to 2100, named <c>year</c>, wherever a year is typed: a deadline, a monitoring
/// plan, a live calculation, a report's form. A year outside them is refused naming the field and the range, and nothing
/// is stored (a deadline for 9999 and a monitoring plan for 99999 were once saved).
/// </summary>
public sealed class MrvReportingYearTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("regulator", "/api/v1/mrv/deadlines", 9999)]
    [InlineData("paper-a", "/api/v1/mrv/plans", 99999)]
    [InlineData("cement-a", "/api/v1/mrv/calc", 1)]
    public async Task Write_AYearOutsideTheReportingYears_Is400NamingTheYearAndItsRange(string user, string address, int year)
    {
        using var client = await server.SignedInAsync(user);
        object body = address.EndsWith("deadlines", StringComparison.Ordinal)
            ? new { jurisdiction = "guangdong", year, reportsDue = "2019-03-15", verificationDue = "2019-05-05" }
            : address.EndsWith("plans", StringComparison.Ordinal)
            ? new { year, sources = Array.Empty<object>() }
            : new { year, lines = Array.Empty<object>() };

        using var response = await client.PostAsJsonAsync(address, body, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var regulator = await server.SignedInAsync("regulator");
        var deadlines = await regulator.GetStringAsync(new Uri("/api/v1/mrv/deadlines", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("year", problem.GetProperty("field").GetString());
        Assert.Equal("Range", problem.GetProperty("rule").GetString());
        Assert.Equal("报告年度：须在 2005 至 2100 之间。", problem.GetProperty("errors").GetProperty("year")[0].GetString());
        Assert.DoesNotContain("9999", deadlines, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadlines_SetWithoutAYear_NamesTheYearBesideItsBoxAndSavesNothing()
    {
        var session = await PageSession.SignInAsync(server, "regulator");
        var form = new PageForm("Deadlines", "regulator", "/Mrv/Deadlines", "unused",
            [new("Jurisdiction", "guangdong"), new("Year", ""), new("ReportsDue", "2031-03-15"), new("VerificationDue", "2031-05-05")]);

        var posted = await session.PostAsync(form, key: null);
        using var regulator = await server.SignedInAsync("regulator");
        var deadlines = await regulator.GetStringAsync(new Uri("/api/v1/mrv/deadlines", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        // Beside the year's box, in the page's words, rather than "complianceYear is required" in the banner alone.
        Assert.Matches("id=\"deadline-year\"[^>]*/></label>\\s*<span class=\"field-error\">报告年度：", posted.Body);
        Assert.DoesNotContain("complianceYear", posted.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("2031-03-15", deadlines, StringComparison.Ordinal);
    }
}
