using Microsoft.Playwright;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>
/// The widest pages on a 1280 px screen and on a 390 px phone, in real Chromium: the page itself never scrolls sideways
/// (a wide table scrolls inside its own box), and a code, a date or a state in a table stays on one line.
/// </summary>
public sealed class PageLayoutTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    // Each page with a cell that must not break: an instrument or class code, a date, a trading state, a figure with its unit.
    private static readonly (string User, string Url, string? OneLine)[] Pages =
    [
        ("cement-a", "/Exchange", "#instruments td.mono"),
        ("cement-a", "/Exchange", "#instruments .instrument-state"),
        ("cement-a", "/Mrv/Edit?year=2018", null),
        ("cement-a", "/Registry/Account/GD-HOLD-CEMENT", "#holdings td.mono"),
        ("paper-a", "/Registry/Account/GD-HOLD-PAPER", "#history td.actor"),
        ("cement-a", "/Market", "#tickers td a.mono"),
        ("cement-a", "/Market/Statistics", "#statistics td.nowrap"),
        ("regulator", "/Registry/Issuances", "td.nowrap"),
        ("regulator", "/Audit", "td.nowrap"),
        ("regulator", "/Allocation/Plan?id=guangdong-2017&version=1", "td code"),
        ("regulator", "/Organisations", "#organisations td.mono"),
        ("regulator", "/Auctions/Detail/1", "td.num"),
        ("regulator", "/Energy/Calculators", "td.num"),
        ("regulator", "/Energy", "#barometer td .mono"),
        ("regulator", "/Energy/Targets", "#split td .nowrap"),
        ("regulator", "/Energy/Targets/KeyUsers", "#progress td.monitoring a"),
        ("regulator", "/Energy/Targets/Statistics", "#statistics td .nowrap"),
        ("regulator", "/Energy/Monitoring/Unit?id=1", "#em-meters td.mono"),
        ("regulator", "/Energy/Monitoring/Register", "#emr-units li .nowrap"),
        ("regulator", "/Energy/Cards", "#cards td.small .nowrap"),
        ("regulator", "/Organisations/Import", null),
        ("regulator", "/Exchange/Auctions", "#allowance-auctions td.nowrap"),
        ("citizen-gz", "/Inclusion/Me", "table.daily td.coins"),
    ];

    private const string SidewaysScroll = "() => document.scrollingElement.scrollWidth - window.innerWidth";

    // The number of lines a cell's text takes: the distinct tops of its text's boxes.
    private const string LinesOf = """
        el => { const r = document.createRange(); r.selectNodeContents(el);
                return new Set([...r.getClientRects()].filter(b => b.width > 0).map(b => Math.round(b.top))).size; }
        """;

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task WidestPages_AtScreenWidth_DoNotScrollSidewaysAndKeepCodesOnOneLine(int width)
    {
        var problems = new List<string>();
        foreach (var group in Pages.GroupBy(p => p.User))
        {
            var page = await server.SignInAsync(group.Key, width);
            foreach (var (_, url, oneLine) in group)
            {
                await page.GotoAsync(url);
                var overflow = await page.EvaluateAsync<int>(SidewaysScroll);
                if (overflow > 0)
                {
                    problems.Add($"{url} at {width} px scrolls {overflow} px sideways");
                }
                if (oneLine is null)
                {
                    continue;
                }
                var cell = page.Locator(oneLine).First;
                if (await cell.CountAsync() == 0)
                {
                    problems.Add($"{url} has no {oneLine}");
                    continue;
                }
                var lines = await cell.EvaluateAsync<int>(LinesOf);
                if (lines != 1)
                {
                    problems.Add($"{url} at {width} px breaks {oneLine} '{await cell.InnerTextAsync()}' over {lines} lines");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task AuditLog_OnAWideScreen_FitsItsTable_SoEveryChangeIsReadWithoutScrollingSideways()
    {
        var page = await server.SignInAsync("regulator", 1280);
        await page.GotoAsync("/Audit");

        // A long subject (energy-unit:91441800MA5CY1002B) wraps in its cell rather than pushing the change column out of view.
        var widths = await page.EvalOnSelectorAsync<int[]>(".table-wrap", "w => [w.scrollWidth, w.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"the audit log's table is {widths[0]} px wide in a {widths[1]} px frame");
    }

    [Fact]
    public async Task CarbonInclusionPages_OnAPhone_KeepTheConsentBoxBesideItsLabelAndEachTilesLabelAboveItsFigure()
    {
        server.RequireBrowser();
        await using var context = await server.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var anonymous = await context.NewPageAsync();
        await anonymous.GotoAsync("/Inclusion/SignUp");
        var box = await anonymous.Locator("#signup-agree").BoundingBoxAsync();
        var label = await anonymous.Locator("label.check").BoundingBoxAsync();
        var signUpOverflow = await anonymous.EvaluateAsync<int>(SidewaysScroll);
        // The consent notice in English, whose words are longer: every column read without scrolling the table sideways.
        await anonymous.GotoAsync("/lang/en?returnUrl=%2FInclusion%2FSignUp");
        var noticeHidden = await anonymous.Locator("#notice .table-wrap").EvaluateAsync<int>("w => w.scrollWidth - w.clientWidth");
        var kept = await anonymous.InnerTextAsync("#notice-actions");

        var citizen = await server.SignInAsync("citizen-gz", 390);
        await citizen.GotoAsync("/Inclusion/Me");
        var tile = citizen.Locator(".tiles .tile").First;
        var caption = await tile.Locator("span").First.BoundingBoxAsync();
        var figure = await tile.Locator("strong").First.BoundingBoxAsync();
        var meOverflow = await citizen.EvaluateAsync<int>(SidewaysScroll);

        // The box sits at the start of its label's first line, not alone on a line above it.
        Assert.True(box!.Y - label!.Y < 12, $"the consent box is {box.Y - label.Y} px below its label's top");
        Assert.True(box.X - label.X < 4, $"the consent box is {box.X - label.X} px into its label");
        Assert.True(figure!.Y >= caption!.Y + caption.Height - 1, "a tile's figure runs on after its label instead of under it");
        Assert.Equal(0, signUpOverflow);
        Assert.True(noticeHidden == 0, $"the consent notice's table hides {noticeHidden} px of its columns in English on a 390 px phone");
        Assert.Contains("How long: 400 days", kept, StringComparison.Ordinal);
        Assert.Equal(0, meOverflow);
    }

    [Fact]
    public async Task CitizensOwnPage_OnAPhone_KeepsTheCoinsColumnInViewOnOneLineWhileTheDaysScrollInTheirBox()
    {
        var citizen = await server.SignInAsync("citizen-gz", 390);
        await citizen.GotoAsync("/Inclusion/Me");
        var header = await citizen.Locator("table.daily th.coins").First.BoundingBoxAsync();
        var coins = citizen.Locator("table.daily td.coins").First;
        var cell = await coins.BoundingBoxAsync();
        var lines = await coins.EvaluateAsync<int>(LinesOf);
        var wrap = citizen.Locator("table.daily").First.Locator("xpath=..");
        var box = await wrap.BoundingBoxAsync();
        var pageOverflow = await citizen.EvaluateAsync<int>(SidewaysScroll);

        Assert.Equal("碳币", (await citizen.Locator("table.daily th.coins").First.InnerTextAsync()).Trim());
        Assert.True(cell!.X >= 0 && cell.X + cell.Width <= 390, $"the coins cell spans {cell.X}–{cell.X + cell.Width} px of a 390 px screen");
        Assert.True(cell.X + cell.Width <= box!.X + box.Width + 1, "the coins cell lies outside the table's box");
        Assert.True(header!.X + header.Width <= 390, "the coins header is off the screen");
        Assert.Equal(1, lines);
        Assert.Equal(0, pageOverflow);
    }

    [Fact]
    public async Task CitizensOwnPage_OnA390PxPhone_FitsEveryColumnOfTheDailyAndTheRecentTables_InBothLanguages_SoNoneHidesOrScrolls()
    {
        // citizen-sz's rows carry the longest sources of the demo and its days' cap notes.
        var citizen = await server.SignInAsync("citizen-sz", 390);
        await citizen.GotoAsync("/Inclusion/Me");
        var wrap = citizen.Locator("table.daily").First.Locator("xpath=..");
        var recent = citizen.Locator("#recent").Locator("xpath=..");

        var hidden = await wrap.EvaluateAsync<int>("w => w.scrollWidth - w.clientWidth");
        var recentHidden = await recent.EvaluateAsync<int>("w => w.scrollWidth - w.clientWidth");
        var count = (await citizen.Locator("table.daily th").Nth(2).InnerTextAsync()).Trim();
        // In English, whose headers are wider.
        await citizen.GotoAsync("/lang/en?returnUrl=%2FInclusion%2FMe");
        var englishHidden = await wrap.EvaluateAsync<int>("w => w.scrollWidth - w.clientWidth");
        var englishRecentHidden = await recent.EvaluateAsync<int>("w => w.scrollWidth - w.clientWidth");

        Assert.Equal(0, hidden);
        Assert.Equal("次数", count);
        Assert.True(englishHidden == 0, $"the daily table hides {englishHidden} px of its columns under the coins in English");
        Assert.True(englishRecentHidden == 0, $"the recent actions' table hides {englishRecentHidden} px of its columns in English");
        Assert.True(await citizen.Locator("#recent tr.counted").CountAsync() > 0, "citizen-sz has no recent actions counted");
        Assert.True(recentHidden == 0, $"the recent actions' table hides {recentHidden} px of its columns on a 390 px phone");
    }

    [Fact]
    public async Task ApiTokensPage_OnA390PxPhone_ShowsEachTokensExpiryAndRevokeLinkWithoutScrolling_InBothLanguages()
    {
        var company = await server.SignInAsync("cement-a", 390);
        await company.GotoAsync("/Account/Tokens");
        await company.FillAsync("input[name=Name]", "nightly export");
        await company.ClickAsync("form.filters button[type=submit]");
        await company.Locator("#new-token").WaitForAsync();
        var wrap = company.Locator("table.tokens").Locator("xpath=..");
        var hidden = await wrap.EvaluateAsync<int>("w => w.scrollWidth - w.clientWidth");
        var revoke = await company.Locator("table.tokens tr[data-token] button.link").First.BoundingBoxAsync();
        await company.GotoAsync("/lang/en?returnUrl=%2FAccount%2FTokens");
        var englishHidden = await wrap.EvaluateAsync<int>("w => w.scrollWidth - w.clientWidth");
        var created = await company.Locator("table.tokens tr[data-token] .created").First.InnerTextAsync();

        Assert.True(hidden == 0, $"the tokens' table hides {hidden} px of its columns on a 390 px phone");
        Assert.True(englishHidden == 0, $"the tokens' table hides {englishHidden} px of its columns in English");
        Assert.True(revoke!.X + revoke.Width <= 390, $"the revoke link ends at {revoke.X + revoke.Width} px of a 390 px screen");
        Assert.StartsWith("Created 20", created, StringComparison.Ordinal);
    }

    // Each checkbox whose label wraps it, stretched across the label or on a line above the label's text; each text box, list or
    // button of the given forms wider than the 520 px a stacked form allows; each button in a table whose words break.
    private const string FormProblems = """
        forms => {
          const problems = [];
          for (const box of document.querySelectorAll('main label > input[type=checkbox]')) {
            const b = box.getBoundingClientRect();
            const text = [...box.parentElement.childNodes].find(n => n !== box && n.textContent.trim() !== '');
            const r = document.createRange(); if (text) r.selectNodeContents(text);
            const first = text ? [...r.getClientRects()].find(x => x.width > 0) : null;
            if (b.width > 30) problems.push(`checkbox ${box.name} stretched ${Math.round(b.width)} px across its label`);
            if (first && first.top >= b.bottom - 1) problems.push(`checkbox ${box.name} stands on a line above its label's text`);
          }
          for (const f of forms) {
            const form = document.querySelector(f);
            if (!form) { problems.push(`no ${f}`); continue; }
            for (const field of form.querySelectorAll('input:not([type=hidden], [type=checkbox]), select, textarea, button')) {
              const w = field.getBoundingClientRect().width;
              if (w > 521) problems.push(`${f} ${field.name || field.id}: ${Math.round(w)} px wide`);
            }
          }
          for (const button of document.querySelectorAll('main td button')) {
            const r = document.createRange(); r.selectNodeContents(button);
            if (new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top))).size > 1) problems.push(`button '${button.innerText}' breaks in its cell`);
          }
          return problems;
        }
        """;

    [Fact]
    public async Task FormsOnAWideScreen_KeepCheckboxesBesideTheirLabels_FieldsAtAReadableWidth_AndTableButtonsOnOneLine()
    {
        var problems = new List<string>();
        foreach (var (user, url, forms) in new (string, string, string[])[]
        {
            ("regulator", "/Inclusion/Partners", ["#issue form"]),
            ("regulator", "/Allocation", ["#year-form"]),
            ("regulator", "/Inclusion/Requests", ["#lookup"]),
            ("paper-a", "/Offsets/Submit", []),
            ("exchange", "/Exchange/Operator", ["#end-of-day", "#closes-day"]),
            ("cement-a", "/Mrv", ["#open-year"]),
            ("citizen-gz", "/Inclusion/Me", ["#record-form"]),
            ("citizen-gz", "/Inclusion/Privacy", ["#erase form"]),
        })
        {
            var page = await server.SignInAsync(user, 1280);
            await page.GotoAsync(url);
            problems.AddRange((await page.EvaluateAsync<string[]>(FormProblems, forms)).Select(p => $"{url}: {p}"));
        }

        Assert.Empty(problems);
    }
}
