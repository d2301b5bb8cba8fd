using System.Net;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// The registry's surrender form applies the compliance year's rules, as /Compliance/Own does: a unit the rules refuse
/// is refused there with the rule next to its field, and nothing moves (a hydropower CCER surrendered here was once
/// moved to GD-SURRENDER and never counted).
/// </summary>
public sealed class RegistrySurrenderPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string Hydro = "CCER-000202-2015";

    [Fact]
    public async Task Surrender_HydropowerCcerForCompliance_ShowsTheRuleNextToTheClassAndMovesNothing()
    {
        await server.ApproveDemoPlanAsync();
        var form = RegistryForms.Surrender() with { User = "steel-a" };
        form = form.With("SurrenderInput.From", RegistryForms.Steel).With("SurrenderInput.Class", Hydro).With("SurrenderInput.Quantity", "1000");
        var session = await PageSession.SignInAsync(server, form.User);
        var before = await PageSession.RegistryStateAsync(server);

        var posted = await session.PostAsync(form, PageSession.NewKey());
        var after = await PageSession.RegistryStateAsync(server);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Matches("id=\"surrender-class-error\">[^<]*该项目类别（如水电）的减排量不得用于抵销", WebUtility.HtmlDecode(posted.Body));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task SurrenderForm_ForAnEntityThatStillOwes_OffersTheYearItOwesFor()
    {
        await server.ApproveDemoPlanAsync();
        using var steel = await server.SignedInAsync("steel-a");

        var page = await steel.GetStringAsync(new Uri("/Registry/Surrender", UriKind.Relative), TestContext.Current.CancellationToken);

        // The demo's one year with an obligation is 2017 (the approved plan's), whatever the calendar year.
        Assert.Contains("id=\"surrender-year\" type=\"number\" min=\"2000\" max=\"2099\" step=\"1\" inputmode=\"numeric\" value=\"2017\"", page,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Surrender_AllowancesForCompliance_MovesThemAndGoesToTheAccount()
    {
        await server.ApproveDemoPlanAsync();
        var form = RegistryForms.Surrender() with { User = "steel-a" };
        form = form.With("SurrenderInput.From", RegistryForms.Steel).With("SurrenderInput.Quantity", "1000");
        var session = await PageSession.SignInAsync(server, form.User);
        var before = await PageSession.RegistryStateAsync(server);

        var posted = await session.PostAsync(form, PageSession.NewKey());
        var after = await PageSession.RegistryStateAsync(server);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal($"/Registry/Account/{RegistryForms.Steel}?done=surrendered", posted.Location);
        Assert.Equal(before.Events + 1, after.Events);
    }

    [Fact]
    public async Task Cancel_WithoutReason_ShowsThatTheReasonIsRequiredAndMovesNothing()
    {
        var form = RegistryForms.Cancel().With("CancelInput.Reason", "   ");
        var session = await PageSession.SignInAsync(server, form.User);
        var before = await PageSession.RegistryStateAsync(server);

        var posted = await session.PostAsync(form, PageSession.NewKey());
        var after = await PageSession.RegistryStateAsync(server);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Matches("id=\"cancel-reason-error\">[^<]*须填写原因", posted.Body);
        Assert.Equal(before, after);
    }
}
