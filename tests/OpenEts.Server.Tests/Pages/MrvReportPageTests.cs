using System.Net;
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

    [GeneratedRegex("href=\"/Mrv/Report/(\\d+)\"")]
    private static partial Regex ReportLink();
}
