using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>
/// The plan editor in real Chromium, as README item 11 has the regulator use it: the demo plan's first flagged figure
/// (<c>$.history</c>) takes no input, and a figure after it is changed with its source and saved.
/// </summary>
public sealed class AllocationPlanPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string Plan = "/Allocation/Plan?id=guangdong-2017&version=1";

    private static string Row(string path) => $"#flags tr.flag-row[data-path='{path}']";

    [Fact]
    public async Task Editor_BenchmarkAfterARowWithoutInputs_IsSavedToTheDraft()
    {
        server.RequireBrowser();
        var regulator = await server.SignInAsync("regulator");
        var clinker = Row("$.sectors[1].products[0].benchmark");

        await regulator.GotoAsync(Plan);
        var firstRowInputs = await regulator.Locator("#flags tr.flag-row").First.Locator("input").CountAsync();
        await regulator.FillAsync($"{clinker} input.new-value", "0.85");
        await regulator.FillAsync($"{clinker} input.new-source", "粤发改气候〔2017〕演示 1号");
        await regulator.ClickAsync("#save-plan");
        await regulator.WaitForSelectorAsync("#done");
        var product = await regulator.InnerTextAsync("tr.product[data-product='cement/clinker']");
        var stillFlagged = await regulator.Locator(clinker).CountAsync();

        Assert.Equal(0, firstRowInputs);
        Assert.Contains("0.85", product, StringComparison.Ordinal);
        Assert.Contains("粤发改气候〔2017〕演示 1号", product, StringComparison.Ordinal);
        Assert.Equal(0, stillFlagged);
    }

    [Fact]
    public async Task Editor_NewValueWithoutSource_KeepsTheTypedValueAndNamesTheRuleNextToTheRow()
    {
        server.RequireBrowser();
        var regulator = await server.SignInAsync("regulator");
        var paper = Row("$.sectors[4].products[0].benchmark");

        await regulator.GotoAsync(Plan);
        await regulator.FillAsync($"{paper} input.new-value", "1.05");
        await regulator.ClickAsync("#save-plan");
        await regulator.WaitForSelectorAsync("#plan-error");
        var error = await regulator.InnerTextAsync($"{paper} .field-error");
        var kept = await regulator.InputValueAsync($"{paper} input.new-value");
        await regulator.GotoAsync(Plan);
        var unchanged = await regulator.InnerTextAsync("tr.product[data-product='paper/ordinary']");

        Assert.Contains("须注明数值的来源", error, StringComparison.Ordinal);
        Assert.Equal("1.05", kept);
        Assert.Contains("1.1", unchanged, StringComparison.Ordinal);
    }
}
