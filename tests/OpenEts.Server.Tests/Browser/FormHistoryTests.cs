using Microsoft.Playwright;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>
/// A form that moves money or units, in real Chromium: after it is sent, the browser's Back button shows it empty, so
/// that sending it again is a new request the user fills in, not the last one repeated under a new idempotency key.
/// </summary>
public sealed class FormHistoryTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task Deposit_SentThenBack_ShowsTheFormEmpty()
    {
        var regulator = await server.SignInAsync("regulator");
        var steel = "91440200MA5CY1003" + Domain.Organisations.CreditCode.CheckCharacter("91440200MA5CY1003");
        await regulator.GotoAsync("/Cash");
        await regulator.FillAsync("#cash-organisation", steel);
        await regulator.FillAsync("#cash-amount", "5.00");
        await regulator.FillAsync("#cash-reference", "BANK-124");
        await regulator.ClickAsync("#cash-deposit");
        // The page the deposit leads to says it was done; waiting for what the user sees, not for the browser's load
        // state, which a loaded machine can report before the wait begins and so never again.
        await regulator.WaitForSelectorAsync("#done");
        Assert.Contains("done=deposited", regulator.Url);

        await regulator.GoBackAsync();
        await regulator.WaitForSelectorAsync("#cash-amount");

        Assert.Equal("", await regulator.InputValueAsync("#cash-amount"));
        Assert.Equal("", await regulator.InputValueAsync("#cash-reference"));
    }
}
