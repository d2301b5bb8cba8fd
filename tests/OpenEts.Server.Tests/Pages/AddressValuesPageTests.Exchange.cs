using System.Text.RegularExpressions;

namespace OpenEts.Server.Tests.Pages;

public sealed partial class AddressValuesPageTests
{
    [Fact]
    public async Task Exchange_AClientAccountThatIsNoNumber_IsNamedAsTyped_AndTheOwnAccountIsShown()
    {
        var page = await PageAsync("power-a", "/Exchange?client=abc");

        Named(ExchangeBanner(page), "abc", "自营账户");
        // Labelled as the address means it, a client account, not the client form's credit code.
        Assert.Contains("<li>客户账户：“abc”不是数字", ExchangeBanner(page), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Exchange")]
    [InlineData("/Exchange/Blocks")]
    [InlineData("/Exchange/Listings")]
    public async Task Exchange_AClientAccountThatIsNotTheMembers_IsNamedAsTyped_AndTheOwnAccountIsShown(string path)
    {
        // Account 2 is another company's own trading account, 999 none: neither is power-a's client.
        var other = await PageAsync("power-a", path + "?client=2");
        var none = await PageAsync("power-a", path + "?client=999");
        var own = await PageAsync("power-a", path);

        Named(ExchangeBanner(other), "2", "自营账户");
        Named(ExchangeBanner(none), "999", "自营账户");
        Assert.Contains("<li>客户账户：“999”不是您可查看的交易账户", ExchangeBanner(none), StringComparison.Ordinal);
        // What is listed is the organisation's own, not an empty list under its number.
        Assert.Equal(Listed(own), Listed(other));
        Assert.DoesNotContain("id=\"no-trading-account\"", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeReport_ADayOrAccountThatDoesNotRead_IsNamedAsTyped_WithWhatIsShown()
    {
        var day = await PageAsync("power-a", "/Exchange/Report?day=2026-13-01");
        var account = await PageAsync("power-a", "/Exchange/Report?account=abc");

        var dayError = Regex.Match(day, "<div class=\"alert bad\" role=\"alert\" id=\"report-day-error\">(.*?)</div>").Groups[1].Value;
        Named(dayError, "2026-13-01", "无");
        // The day's box keeps the text as typed (a date box would show it empty), marked and pointing at its message.
        Assert.Contains("type=\"text\" name=\"day\" id=\"report-day\" value=\"2026-13-01\" class=\"invalid\" aria-invalid=\"true\" aria-describedby=\"report-day-error\"", day, StringComparison.Ordinal);
        // A company chooses no account (it has one), so the account is named in the banner; its own report is shown.
        Named(Banner(account), "abc", "自营账户");
        Assert.Contains("id=\"report-trades\"", account, StringComparison.Ordinal);
        var chosen = await PageAsync("regulator", "/Exchange/Report?account=abc");
        Named(FieldError(chosen, "report-account"), "abc", "无");
        KeptAsChoice(chosen, "abc");
    }

    [Fact]
    public async Task ExchangeReport_AnAccountThatIsNotTheMembers_IsNamedAsTyped_AndTheOwnReportIsShown()
    {
        var other = await PageAsync("power-a", "/Exchange/Report?account=2");
        var chosen = await PageAsync("regulator", "/Exchange/Report?account=999");

        Named(Banner(other), "2", "自营账户");
        Assert.Contains("id=\"report-trades\"", other, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"report-none\"", other, StringComparison.Ordinal);
        Named(FieldError(chosen, "report-account"), "999", "无");
        KeptAsChoice(chosen, "999");
    }

    private static string ExchangeBanner(string page) =>
        Regex.Match(page, "<div class=\"alert bad\" role=\"alert\" id=\"exchange-error\">.*?</div>", RegexOptions.Singleline).Value;

    // The orders, trades, block trades and listings a trading page lists, by their numbers.
    private static string[] Listed(string page) =>
        [.. Regex.Matches(page, "data-(?:order|block|listing|trade)=\"(\\d+)\"").Select(m => m.Value)];
}
