using System.Net;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// A registry page form whose hidden idempotency key was tampered with (a control character, 200 characters, blank or
/// missing) runs nothing and is shown again with a fresh key and a request to submit again; submitting again runs it once.
/// </summary>
public sealed class RegistryPageKeyTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string SubmitAgain = "表单已过期，请重新提交。";

    private static readonly string[] KindNames = ["control", "long", "blank", "missing"];

    public static TheoryData<string> Kinds => [.. KindNames];

    public static TheoryData<string, string> AccountForms => Cross(["approve", "reject"]);

    public static TheoryData<string, string> SurrenderForms => Cross(["surrender", "cancel"]);

    public static TheoryData<string, string> IssueForms => Cross(["issue", "allocate"]);

    public static TheoryData<string, string> AdminForms => Cross(["open", "state", "addrep", "removerep", "correct"]);

    private static TheoryData<string, string> Cross(string[] forms)
    {
        var data = new TheoryData<string, string>();
        foreach (var form in forms)
        {
            foreach (var kind in KindNames)
            {
                data.Add(form, kind);
            }
        }
        return data;
    }

    private static string? Forged(string kind) => kind switch
    {
        "control" => "web-\u0001forged",
        "long" => new string('k', 200),
        "blank" => "",
        _ => null,
    };

    // Posts the form with the forged key, then again with the key the page offers in its place.
    private async Task ForgedThenAgainAsync(PageForm form, string kind)
    {
        // A surrender for 2017 needs the year's compliance rules (the demo's plan, approved).
        await server.ApproveDemoPlanAsync();
        var session = await PageSession.SignInAsync(server, form.User);
        var before = await PageSession.RegistryStateAsync(server);

        var forged = await session.PostAsync(form, Forged(kind));
        var afterForged = await PageSession.RegistryStateAsync(server);
        var fresh = forged.Hidden(form.KeyField);
        var again = await session.PostAsync(form, fresh);
        var afterAgain = await PageSession.RegistryStateAsync(server);

        Assert.Equal(HttpStatusCode.OK, forged.Status);
        Assert.Contains(SubmitAgain, forged.Body, StringComparison.Ordinal);
        Assert.Equal(before, afterForged);
        Assert.NotNull(fresh);
        Assert.StartsWith("web-", fresh, StringComparison.Ordinal);
        Assert.NotEqual(Forged(kind), fresh);
        Assert.True(again.Status is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{again.Status}");
        Assert.DoesNotContain(SubmitAgain, again.Body, StringComparison.Ordinal);
        Assert.Equal(before.Events + 1, afterAgain.Events);
    }

    private async Task<long> ProposeAsync()
    {
        var session = await PageSession.SignInAsync(server, "power-a");
        var posted = await session.PostAsync(RegistryForms.Transfer(), PageSession.NewKey());
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var query = posted.Location![(posted.Location!.IndexOf("proposed=", StringComparison.Ordinal) + "proposed=".Length)..];
        return long.Parse(query.Split('#')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> OpenAccountAsync(string prefix, string kind)
    {
        var number = $"GD-INV-{prefix}-{kind}".ToUpperInvariant();
        var session = await PageSession.SignInAsync(server, "regulator");
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostAsync(RegistryForms.Open(number), PageSession.NewKey())).Status);
        return number;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public Task Issue_7_Transfer_WithForgedKey_AsksToSubmitAgainAndRunsNothing(string kind) =>
        ForgedThenAgainAsync(RegistryForms.Transfer(), kind);

    [Theory]
    [MemberData(nameof(AccountForms))]
    public async Task Issue_7_Account_WithForgedKey_AsksToSubmitAgainAndDecidesNothing(string form, string kind)
    {
        var proposal = await ProposeAsync();

        await ForgedThenAgainAsync(form == "approve" ? RegistryForms.Approve(proposal) : RegistryForms.Reject(proposal), kind);
    }

    [Theory]
    [MemberData(nameof(SurrenderForms))]
    public Task Issue_7_Surrender_WithForgedKey_AsksToSubmitAgainAndRunsNothing(string form, string kind) =>
        ForgedThenAgainAsync(form == "surrender" ? RegistryForms.Surrender() : RegistryForms.Cancel(), kind);

    [Theory]
    [MemberData(nameof(IssueForms))]
    public Task Issue_7_Issue_WithForgedKey_AsksToSubmitAgainAndRunsNothing(string form, string kind) =>
        ForgedThenAgainAsync(form == "issue" ? RegistryForms.Issue() : RegistryForms.Allocate(), kind);

    [Theory]
    [MemberData(nameof(AdminForms))]
    public async Task Issue_7_Admin_WithForgedKey_AsksToSubmitAgainAndRunsNothing(string form, string kind)
    {
        var page = form switch
        {
            "open" => RegistryForms.Open($"GD-INV-O-{kind}".ToUpperInvariant()),
            "state" => RegistryForms.State(await OpenAccountAsync("S", kind)),
            "addrep" => RegistryForms.AddRepresentative(await OpenAccountAsync("A", kind), "power-a"),
            "removerep" => await RemovableAsync(kind),
            _ => RegistryForms.Correct(),
        };

        await ForgedThenAgainAsync(page, kind);
    }

    // An account with three representatives, so that one may be removed.
    private async Task<PageForm> RemovableAsync(string kind)
    {
        var account = await OpenAccountAsync("R", kind);
        var session = await PageSession.SignInAsync(server, "regulator");
        var added = await session.PostAsync(RegistryForms.AddRepresentative(account, "power-a"), PageSession.NewKey());
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        return RegistryForms.RemoveRepresentative(account, "power-a");
    }
}
