using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// A report's page answers someone whose role may not assign a verifier or verify with that, before anything about the
/// form: a company posting the regulator's (empty) assignment form is told its role cannot do this.
/// </summary>
public sealed partial class MrvReportPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Assign")]
    [InlineData("Verify")]
    public async Task Report_CompanyPostingTheRegulatorsOrVerifiersForm_IsToldItsRoleCannotDoThis(string handler)
    {
        using var company = await server.SignedInAsync("cement-a");
        var list = await company.GetStringAsync("/Mrv", Ct);
        var report = ReportLink().Match(list).Groups[1].Value;
        var session = await PageSession.SignInAsync(server, "cement-a");
        var form = new PageForm(handler, "cement-a", $"/Mrv/Report/{report}?handler={handler}", "key", []);

        var posted = await session.PostAsync(form, key: null);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains("您的角色不能执行此操作。", posted.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("请更正以下错误", posted.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assign_RefusedForAConflictOfInterest_ShowsTheVerifierAndTheDeclarationAsChosen()
    {
        using var paper = await server.SignedInAsync("paper-a");
        using var saved = await paper.PostAsJsonAsync("/api/v1/mrv/reports", new
        {
            year = 2021,
            lines = new object[] { new { id = "L1", kind = "fuelCombustion", material = "raw-coal", amount = 5m, unit = "tonne" } },
            outputs = new object[] { new { kind = "paper", amount = 2000m, unit = "t", detail = "coated" } },
        }, Ct);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync(Ct));
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("report").GetInt64();
        using var submitted = await paper.PostAsync(new Uri($"/api/v1/mrv/reports/{id}/submit", UriKind.Relative), null, Ct);
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync(Ct));
        var regulator = await PageSession.SignInAsync(server, "regulator");
        using var reader = await server.SignedInAsync("regulator");
        var page = await reader.GetStringAsync(new Uri($"/Mrv/Report/{id}", UriKind.Relative), Ct);
        // The last body offered, so that the first one (the default) cannot pass for the choice kept.
        var body = Regex.Matches(Regex.Match(page, "<select name=\"Assign.Verifier\".*?</select>", RegexOptions.Singleline).Value,
            "<option value=\"([^\"]+)\"").Last().Groups[1].Value;
        var assign = new PageForm("Assign", "regulator", $"/Mrv/Report/{id}?handler=Assign", "unused",
            [new("Assign.Verifier", body), new("Assign.ConflictOfInterest", "conflicted")]);

        var refused = await regulator.PostAsync(assign, key: null);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Matches($"<option value=\"{Regex.Escape(body)}\" selected=\"selected\">", refused.Body);
        Assert.Contains("<option value=\"conflicted\" selected=\"selected\">", refused.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("?done=assigned", refused.Location ?? "", StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"/Mrv/Report/(\\d+)\"")]
    private static partial Regex ReportLink();
}
