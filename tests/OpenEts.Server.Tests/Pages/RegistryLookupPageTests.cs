using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// What the registry's forms offer and what its serial lookup answers: a transfer offers only the classes the user's
/// accounts hold, and a lookup of a class that does not exist, or of a serial that is not a number, says so.
/// </summary>
public sealed partial class RegistryLookupPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Transfer_Form_OffersOnlyTheClassesTheAccountHolds()
    {
        var cement = AccountNumber.From("GD-HOLD-CEMENT");
        var held = await server.Services.GetRequiredService<RegistryService>().QueryAsync((l, _) =>
            l.HoldingsOf(cement).Where(h => h.Total.Value > 0).Select(h => h.Class.ToString()).Order(StringComparer.Ordinal).ToList(), Ct);
        using var client = await server.SignedInAsync("cement-a");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Registry/Transfer", Ct));
        var select = ClassSelect().Match(page).Groups[1].Value;
        var offered = OptionValue().Matches(select).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();

        Assert.Contains("GDEA-2017", held);
        Assert.Equal(held, offered);
        Assert.DoesNotContain("CCER-000202-2015", offered);
    }

    [Fact]
    public async Task Serial_ClassThatDoesNotExist_SaysTheClassIsUnknown()
    {
        using var client = await server.SignedInAsync("regulator");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Registry/Serial?class=NOPE&serial=1", Ct));

        Assert.Contains("id=\"serial-unknown-class\">单位类别 NOPE 不存在", page, StringComparison.Ordinal);
        Assert.DoesNotContain("请输入单位类别", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serial_NotANumber_SaysTheSerialIsNotValid()
    {
        using var client = await server.SignedInAsync("regulator");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Registry/Serial?class=GDEA-2017&serial=abc", Ct));

        Assert.Contains("id=\"serial-bad-serial\">序列号 abc 无效：须为 ≥ 1 的整数。", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("<select name=\"Input.Class\" id=\"class\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex ClassSelect();

    [GeneratedRegex("<option value=\"([^\"]+)\"")]
    private static partial Regex OptionValue();
}
