using System.Net;
using OpenEts.Server.Tests.Api;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Allocation;

/// <summary>
/// The regulator records special circumstances (art. 14–15) on the allocation page before the true-up: a stoppage is
/// listed with its reference, a month count out of range is shown next to its field, and a company may not record one.
/// </summary>
public sealed class AllocationCircumstancePagesTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string Cement = "91441800MA5CY1002B";

    private static Dictionary<string, string> Form(string kind, string months, string reference) => new()
    {
        ["jurisdiction"] = "guangdong", ["year"] = "2017", ["Circumstance.Organisation"] = Cement, ["Circumstance.Kind"] = kind,
        ["Circumstance.Months"] = months, ["Circumstance.Reference"] = reference,
    };

    [Fact]
    public async Task Circumstance_RecordedByTheRegulator_IsListedAndBadMonthsOrACompanyAreRefused()
    {
        using var regulator = await CookieBrowser.SignInAsync(server, "regulator");
        using var company = await CookieBrowser.SignInAsync(server, "cement-a");
        // A circumstance adjusts an allocation under an approved plan: the demo seeds Guangdong 2017's as a draft.
        using var unapproved = await regulator.PostFormAsync("/Allocation", "/Allocation?handler=Circumstance", Form("Stoppage", "7", "未批准（演示）"));
        var unapprovedHtml = await unapproved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var approve = await regulator.PostFormAsync("/Allocation", "/Allocation?handler=Approve",
            new Dictionary<string, string> { ["plan"] = "guangdong-2017", ["version"] = "1" });

        using var recorded = await regulator.PostFormAsync("/Allocation", "/Allocation?handler=Circumstance", Form("Stoppage", "7", "停产备案（演示）"));
        using var bad = await regulator.PostFormAsync("/Allocation", "/Allocation?handler=Circumstance", Form("Closure", "13", "关停（演示）"));
        var badHtml = await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var forbidden = await company.PostFormAsync("/Allocation", "/Allocation?handler=Circumstance", Form("Stoppage", "8", "own"));
        var forbiddenHtml = await forbidden.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var page = await regulator.GetStringAsync("/Allocation?jurisdiction=guangdong&year=2017");

        Assert.Contains("id=\"alloc-error\"", unapprovedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("未批准（演示）", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Contains($"data-code=\"{Cement}\" data-kind=\"Stoppage\"", page, StringComparison.Ordinal);
        Assert.Contains("停产备案（演示）", page, StringComparison.Ordinal);
        Assert.Contains("id=\"circ-months-error\"", badHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-kind=\"Closure\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"alloc-error\"", forbiddenHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("own</td>", page, StringComparison.Ordinal);
    }
}
