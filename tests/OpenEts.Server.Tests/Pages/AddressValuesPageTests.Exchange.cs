using System.Text.RegularExpressions;

namespace OpenEts.Server.Tests.Pages;

public sealed partial class AddressValuesPageTests
{
    [Fact]
    public async Task Exchange_AClientAccountThatIsNoNumber_IsNamedAsTyped_AndTheOwnAccountIsShown()
    {
        var page = await PageAsync("power-a", "/Exchange?client=abc");

        var banner = Regex.Match(page, "<div class=\"alert bad\" role=\"alert\" id=\"exchange-error\">.*?</div>", RegexOptions.Singleline).Value;
        Named(banner, "abc", "自营账户");
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
}
