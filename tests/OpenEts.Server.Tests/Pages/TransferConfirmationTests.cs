using System.Net;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

public sealed class TransferConfirmationTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    [Fact]
    public async Task Issue_8_ProposingATransfer_ShowsAConfirmationOnTheAccountPage()
    {
        var session = await PageSession.SignInAsync(server, "power-a");
        var posted = await session.PostAsync(RegistryForms.Transfer(), PageSession.NewKey());
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);

        using var client = await server.SignedInAsync("power-a");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(posted.Location!.Split('#')[0], UriKind.Relative),
            TestContext.Current.CancellationToken));
        using var other = await server.SignedInAsync("power-b");
        var seenByOther = WebUtility.HtmlDecode(await other.GetStringAsync(new Uri(posted.Location!.Split('#')[0], UriKind.Relative),
            TestContext.Current.CancellationToken));

        Assert.Contains("已提交转移申请 #", page, StringComparison.Ordinal);
        Assert.Contains("1 吨 GDEA-2017 转入 GD-HOLD-CEMENT", page, StringComparison.Ordinal);
        Assert.DoesNotContain("已提交转移申请", seenByOther, StringComparison.Ordinal);
    }
}
