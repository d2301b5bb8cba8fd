using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Application.Compliance;
using OpenEts.Application.Registry;
using OpenEts.Domain.Compliance;
using OpenEts.Domain.Registry;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// The home page's workbench (待办事项): after sign-in each user sees what waits for them, with the figures and the page
/// where they act — a transfer for the second representative to approve, a plan for the regulator to approve, a report
/// queue for the verifier — and nothing once it is done.
/// </summary>
public sealed partial class WorkbenchPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<(string Kind, string Link, string Text)>> WorkAsync(string user)
    {
        using var client = await server.SignedInAsync(user);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/", Ct));
        Assert.Contains("id=\"workbench\"", page, StringComparison.Ordinal);
        return [.. Item().Matches(page).Select(m => (m.Groups[1].Value, m.Groups[2].Value,
            Regex.Replace(Tag().Replace(m.Groups[3].Value, " "), @"\s+", " ").Trim()))];
    }

    [Fact]
    public async Task ProposedTransfer_ShowsOnTheSecondRepresentativesWorkbench_UntilApproved()
    {
        var registry = server.Services.GetRequiredService<RegistryService>();
        var now = server.Clock.GetUtcNow();
        var proposed = await registry.ExecuteAsync(now, l => l.ProposeTransfer(UserId.From("power-a"), now, IdempotencyKey.From("workbench-sale"),
            AccountNumber.From("GD-HOLD-POWER"), AccountNumber.From("GD-HOLD-CEMENT"), UnitClass.Parse("GDEA-2017"), 1_200, now.AddDays(7)), Ct);
        var proposal = Assert.IsType<TransferProposed>(Assert.IsType<RegistryOutcome.Completed>(proposed).Event).Proposal;

        var second = Assert.Single(await WorkAsync("power-b"), i => i.Kind == "TransfersToDecide");
        var own = Assert.Single(await WorkAsync("power-a"), i => i.Kind == "TransfersProposed");
        Assert.Equal("/Registry/Account/GD-HOLD-POWER", second.Link);
        Assert.Equal("待您审批的转出申请 1 笔，共 1,200 吨", second.Text);
        Assert.Equal("您发起的转出申请 1 笔（共 1,200 吨）待另一名授权代表审批", own.Text);
        Assert.DoesNotContain(await WorkAsync("cement-a"), i => i.Kind.StartsWith("Transfers", StringComparison.Ordinal));

        Assert.IsType<RegistryOutcome.Completed>(await registry.ExecuteAsync(now,
            l => l.ApproveTransfer(UserId.From("power-b"), now, IdempotencyKey.From("workbench-sale-ok"), proposal), Ct));

        Assert.DoesNotContain(await WorkAsync("power-b"), i => i.Kind.StartsWith("Transfers", StringComparison.Ordinal));
        Assert.DoesNotContain(await WorkAsync("power-a"), i => i.Kind.StartsWith("Transfers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verifier_SeesTheOffsetsQueue_AndTheExchangeNothing()
    {
        var verifier = await WorkAsync("verifier");
        var exchange = await WorkAsync("exchange");

        var queue = Assert.Single(verifier, i => i.Kind == "ProjectsToAct");
        Assert.Equal("/Offsets", queue.Link);
        Assert.Matches(@"^待处理的抵销项目或监测报告 [1-9]\d* 项$", queue.Text);
        Assert.Empty(exchange);
        using var client = await server.SignedInAsync("exchange");
        Assert.Contains("id=\"work-none\">暂无待办事项。", WebUtility.HtmlDecode(await client.GetStringAsync("/", Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompliancePages_BeforeAnyPlanIsApproved_SayWhyThereIsNoList()
    {
        using var visitor = server.CreateClient();
        using var company = await server.SignedInAsync("power-a");
        using var regulator = await server.SignedInAsync("regulator");

        var list = WebUtility.HtmlDecode(await visitor.GetStringAsync("/Compliance", Ct));
        var own = WebUtility.HtmlDecode(await company.GetStringAsync("/Compliance/Own", Ct));
        var overview = WebUtility.HtmlDecode(await regulator.GetStringAsync("/Compliance/Overview", Ct));

        const string none = "id=\"compliance-none\">尚无任何年度经批准的配额分配方案，因此还没有履约规则。";
        Assert.Contains(none, list, StringComparison.Ordinal);
        Assert.Contains(none, own, StringComparison.Ordinal);
        Assert.Contains(none, overview, StringComparison.Ordinal);
        Assert.Contains("id=\"compliance-to-allocation\" href=\"/Allocation\">前往配额分配审批方案", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoveredCompanyWithoutAReport_IsChasedOnTheRegulatorsWorkbenchAndTheMrvPage()
    {
        Assert.DoesNotContain(await WorkAsync("regulator"), i => i.Kind == "ReportsUnsubmitted");
        var store = server.Services.GetRequiredService<OpenEts.Application.Storage.IStore>();
        var user = await store.ReadAsync(s => s.Users.FindByNameAsync("regulator"), Ct);
        var regulator = new OpenEts.Application.Identity.Actor(user!.Id, user.UserName, user.Role, user.OrganisationId);
        var first17 = "91440300MA5CY1009";
        var code = first17 + OpenEts.Domain.Organisations.CreditCode.CheckCharacter(first17);
        var added = await server.Services.GetRequiredService<OpenEts.Application.Organisations.OrganisationService>().AddAsync(regulator,
            new OpenEts.Domain.Organisations.OrganisationDraft(code, "深圳示范化工有限公司", "cement", "深圳市", "NewEntrant"), server.Clock.GetUtcNow(), Ct);
        Assert.IsType<OpenEts.Application.Organisations.OrganisationOutcome.Saved>(added);

        var item = Assert.Single(await WorkAsync("regulator"), i => i.Kind == "ReportsUnsubmitted");
        using var client = await server.SignedInAsync("regulator");
        var mrv = WebUtility.HtmlDecode(await client.GetStringAsync("/Mrv", Ct));

        Assert.Equal(("/Mrv#unsubmitted", "尚未提交 2017 年度排放报告的企业 1 家 已逾期（截止 2018-03-15）"), (item.Link, item.Text));
        Assert.Contains("id=\"unsubmitted\">尚未提交 2017 年度报告的企业（催报）</h2>", mrv, StringComparison.Ordinal);
        Assert.Contains($"<tr><td>深圳示范化工有限公司</td><td class=\"mono\">{code}</td><td class=\"nowrap\">未开始填报</td></tr>", mrv, StringComparison.Ordinal);
        Assert.Contains("逾期未提交", mrv, StringComparison.Ordinal);
    }

    [GeneratedRegex("<li class=\"[^\"]*\" data-kind=\"([A-Za-z]+)\">\\s*<a href=\"([^\"]+)\">(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex Item();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}

/// <summary>
/// The workbench once the demo's 2017 plan is approved: the plan leaves the regulator's list, the regulator sees how many
/// entities still owe units and how many tonnes in all, and a company sees what it still owes, each with the surrender
/// deadline the plan sets, marked overdue once it has passed.
/// </summary>
public sealed partial class WorkbenchAfterPlanPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApprovedPlan_LeavesTheRegulatorTheEntitiesShort_AndTheCompanyWhatItOwes()
    {
        using (var before = await server.SignedInAsync("regulator"))
        {
            var page = WebUtility.HtmlDecode(await before.GetStringAsync("/", Ct));
            Assert.Matches("data-kind=\"PlansToApprove\">\\s*<a href=\"/Allocation\">待批准的配额分配方案 1 份</a>", page);
        }

        await server.ApproveDemoPlanAsync();

        var compliance = server.Services.GetRequiredService<ComplianceQueries>();
        var (jurisdiction, year) = Assert.Single(await compliance.YearsAsync(Ct));
        Assert.Equal(2017, year);
        var list = await compliance.ListAsync(jurisdiction, year, Ct);
        Assert.NotNull(list);
        var shortRows = list.Rows.Where(r => r.Standing.Status == ComplianceStatus.Short).ToList();
        var power = list.Rows.Single(r => r.Name.Contains("发电", StringComparison.Ordinal)).Standing;
        var due = list.Rules.SurrenderDeadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var state = power.PastDeadline ? $"已逾期（截止 {due}）" : $"截止 {due}";
        Assert.NotEmpty(shortRows);

        using var regulator = await server.SignedInAsync("regulator");
        var regulatorPage = WebUtility.HtmlDecode(await regulator.GetStringAsync("/", Ct));
        using var company = await server.SignedInAsync("power-a");
        var companyPage = WebUtility.HtmlDecode(await company.GetStringAsync("/", Ct));

        Assert.DoesNotContain("PlansToApprove", regulatorPage, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture,
            $"<a href=\"/Compliance/Overview\">2017 年度尚未足额清缴的企业 {shortRows.Count} 家，共差 {shortRows.Sum(r => r.Standing.Remaining):N0} 吨</a>"),
            regulatorPage, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"<a href=\"/Compliance/Own\">2017 年度尚需清缴 {power.Remaining:N0} 吨</a>"),
            companyPage, StringComparison.Ordinal);
        Assert.Contains(state, companyPage, StringComparison.Ordinal);

        // The overview's province-wide offsets line: the cap with its flag when the rule's source is unconfirmed, never
        // the page's own code.
        var overview = WebUtility.HtmlDecode(await regulator.GetStringAsync("/Compliance/Overview", Ct));
        var cap = list.Rules.Offsets.ProvinceTotalCap!.Value;
        var flag = list.Rules.IsUnconfirmed("offsets.provinceTotalCap") ? "（未确认）" : "";
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"<span>/ {cap:N0} t{flag}</span>"), overview, StringComparison.Ordinal);
        Assert.DoesNotContain("@CompliancePage", overview, StringComparison.Ordinal);

        var listed = WebUtility.HtmlDecode(await company.GetStringAsync("/Compliance", Ct));
        var earlier = WebUtility.HtmlDecode(await company.GetStringAsync($"/Compliance/Own?jurisdiction={jurisdiction}&year=2016", Ct));
        Assert.Contains("data-year=\"2017\">广东试点 2017 年度</h2>", listed, StringComparison.Ordinal);
        Assert.Contains("id=\"compliance-none\">广东试点 2016 年度尚无经批准的配额分配方案（含履约规则）。", earlier, StringComparison.Ordinal);
    }
}
