using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>The trader's order form opens on the market's allowance, not on whichever code sorts first.</summary>
public sealed class ExchangeOrderFormPageTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    [Fact]
    public async Task OrderForm_OnFirstOpening_HasTheAllowanceSelected_NotTheFirstOffsetClassInAlphabeticalOrder()
    {
        var page = await server.PageAsync("cement-a", "/Exchange");

        // The demo lists FFCER-FJ0001-2016 and FFCER-FJ0002-2016 before GDEA-2017; the form preselected the first.
        Assert.Contains("<option value=\"GDEA-2017\" selected=\"selected\">GDEA-2017</option>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"FFCER-FJ0001-2016\" selected=\"selected\">", page, StringComparison.Ordinal);
    }
}
