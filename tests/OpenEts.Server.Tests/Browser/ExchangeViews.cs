using Microsoft.Playwright;

namespace OpenEts.Server.Tests.Browser;

/// <summary>What several exchange browser tests do the same way, through the pages as a member would.</summary>
internal static class ExchangeViews
{
    /// <summary>The steel company's unified social credit code without its check character.</summary>
    public const string SteelCode = "91440200MA5CY1003";

    /// <summary>
    /// The member on <paramref name="page"/> opens a client account for the steel company on /Exchange/Clients, unless it
    /// has one already (an earlier test on the same server), and the steel company's representative on
    /// <paramref name="steel"/> confirms the member's mandate on /Exchange; returns its number.
    /// </summary>
    public static async Task<string> OpenSteelClientAsync(IPage page, IPage steel)
    {
        await page.GotoAsync("/Exchange/Clients");
        if (await page.Locator("#clients tr.client").CountAsync() > 0)
        {
            return (await page.GetAttributeAsync("#clients tr.client", "data-account"))!;
        }
        await page.FillAsync("#client-code", SteelCode + Domain.Organisations.CreditCode.CheckCharacter(SteelCode));
        await page.FillAsync("#client-holding", "GD-HOLD-STEEL");
        await page.ClickAsync("#client-open");
        await page.WaitForSelectorAsync("#done");
        var account = (await page.GetAttributeAsync("#clients tr.client", "data-account"))!;
        await ConfirmMandateAsync(steel);
        return account;
    }

    /// <summary>The client's representative on <paramref name="client"/> confirms the mandate waiting for it on /Exchange.</summary>
    public static async Task ConfirmMandateAsync(IPage client)
    {
        await client.GotoAsync("/Exchange");
        await client.ClickAsync("#mandate-confirm");
        await client.WaitForSelectorAsync("#done");
    }

    /// <summary>
    /// On /Exchange/Blocks (already open on <paramref name="page"/>), proposes to sell 100 000 t of GDEA-2017 at 16.09 to
    /// <paramref name="counterparty"/>, for <paramref name="client"/> when given; returns the block trade's number.
    /// </summary>
    public static async Task<string> ProposeBlockSaleAsync(IPage page, string counterparty, string? client = null)
    {
        if (client is not null)
        {
            await page.SelectOptionAsync("#block-account", client);
        }
        await page.SelectOptionAsync("#block-instrument", "GDEA-2017");
        await page.SelectOptionAsync("#block-side", "sell");
        await page.FillAsync("#block-counterparty", counterparty);
        await page.FillAsync("#block-price", "16.09");
        await page.FillAsync("#block-quantity", "100000");
        await page.ClickAsync("#block-propose");
        await page.WaitForSelectorAsync("#done");
        return (await page.GetAttributeAsync("#blocks tr.block", "data-block"))!;
    }
}
