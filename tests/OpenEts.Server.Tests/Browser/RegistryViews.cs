using System.Globalization;
using Microsoft.Playwright;

namespace OpenEts.Server.Tests.Browser;

/// <summary>What the exchange's browser tests read back as a member sees it: GDEA-2017 held in a registry account, the cash balance.</summary>
internal static class RegistryViews
{
    public static async Task<long> HeldAsync(IPage page, string account)
    {
        await page.GotoAsync($"/Registry/Account/{account}");
        return long.Parse((await page.GetAttributeAsync("tr[id='holding-GDEA-2017'] td.total", "data-total"))!, CultureInfo.InvariantCulture);
    }

    public static async Task<decimal> BalanceAsync(IPage page)
    {
        await page.GotoAsync("/Cash");
        return decimal.Parse(await page.InnerTextAsync("#cash-balance"), NumberStyles.Number, CultureInfo.InvariantCulture);
    }
}
