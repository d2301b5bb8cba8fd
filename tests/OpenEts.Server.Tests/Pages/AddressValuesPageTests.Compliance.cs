using System.Text.RegularExpressions;

namespace OpenEts.Server.Tests.Pages;

public sealed partial class AddressValuesPageTests
{
    [Fact]
    public async Task Compliance_AYearThatIsNoNumber_IsNamedAsTyped_AndTheYearShownIsSaid()
    {
        foreach (var (user, address) in new[] { ("regulator", "/Compliance"), ("regulator", "/Compliance/Overview"), ("power-a", "/Compliance/Own") })
        {
            var page = await PageAsync(user, address + "?year=abc");
            var plain = await PageAsync(user, address);

            Assert.Contains("报告年度：“abc”", Banner(page), StringComparison.Ordinal);
            Assert.Contains("现显示：", Banner(page), StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"address-error\"", plain, StringComparison.Ordinal);
        }
        // The list says which year it shows instead: the one the page opens on, or none when no year has rules yet.
        var list = await PageAsync("regulator", "/Compliance?year=abc");
        var year = Regex.Match(await PageAsync("regulator", "/Compliance"), "<h2 id=\"compliance-year\"[^>]*>(.*?)</h2>").Groups[1].Value;
        Assert.Contains("现显示：" + (year.Length > 0 ? year : "无"), Banner(list), StringComparison.Ordinal);
    }
}
