using System.Text.Json;
using Microsoft.Playwright;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Browser;

/// <summary>
/// Every page each kind of user reaches from the home page, checked in real Chromium by axe-core (the accessibility rules
/// engine, vendored by scripts/vendor-axe) against WCAG 2.1 A and AA and axe's best practices: every form control has a
/// name a screen reader reads, text has the contrast to be read, a table too wide for its frame can be scrolled from the
/// keyboard, headings go in order. A failure names each rule, page and element, so a page added or changed without these
/// shows up here.
/// </summary>
public sealed class AccessibilityTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private static readonly Lazy<string> Axe = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Browser", "Axe", "axe.min.js")));

    // At most this many pages a user: the crawl reaches each kind of page well within it (the regulator, who reaches the
    // most, about 65), so a page added to a user's reach is checked, not left beyond the limit.
    private const int PagesPerUser = 100;

    [Theory]
    [InlineData("visitor", 1280, "zh")]
    [InlineData("visitor", 1280, "en")]
    [InlineData("regulator", 1280, "zh")]
    [InlineData("power-a", 1280, "zh")]
    [InlineData("verifier", 1280, "zh")]
    [InlineData("exchange", 1280, "zh")]
    [InlineData("citizen-gz", 390, "zh")]
    public async Task EveryPageAUserReaches_PassesTheAccessibilityRules(string user, int width, string language)
    {
        var page = user == "visitor" ? await VisitorAsync(width) : await server.SignInAsync(user, width);
        if (language == "en")
        {
            await page.GotoAsync("/lang/en?returnUrl=%2F");
            Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        }

        var (visited, violations, unreached) = await CrawlAsync(page);

        Assert.True(visited.Count >= 3, $"{user} reached only {string.Join(", ", visited)}");
        Assert.True(unreached.Count == 0, $"the crawl stopped at {PagesPerUser} pages with these kinds of page unchecked: {string.Join(", ", unreached)}");
        Assert.True(violations.Count == 0,
            $"{violations.Count} accessibility violation(s) on the {visited.Count} pages {user} reached:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task ATableTooWideForItsFrame_TakesKeyboardFocus_AndAFittingOneDoesNot()
    {
        var narrow = await server.SignInAsync("regulator", 390);
        await narrow.GotoAsync("/Users");
        Assert.Equal("0", await narrow.GetAttributeAsync(".table-wrap", "tabindex"));
        Assert.Equal("region", await narrow.GetAttributeAsync(".table-wrap", "role"));
        Assert.False(string.IsNullOrWhiteSpace(await narrow.GetAttributeAsync(".table-wrap", "aria-label")));

        // Widened until the table fits: the frame no longer stops the keyboard.
        await narrow.SetViewportSizeAsync(2400, 900);
        await narrow.WaitForFunctionAsync("() => !document.querySelector('.table-wrap').hasAttribute('tabindex')");
        Assert.Null(await narrow.GetAttributeAsync(".table-wrap", "role"));
    }

    [Fact]
    public async Task TheKeyboardsFirstStop_SkipsTheNavigation()
    {
        var page = await server.SignInAsync("regulator");
        await page.GotoAsync("/Registry");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal("跳到正文", (await page.InnerTextAsync("#skip-link")).Trim());
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('skip-link').getBoundingClientRect().top >= 0"), "the focused skip link is off the screen");

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("content", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        // The next stop is the page's own first link or control, not the navigation's.
        await page.Keyboard.PressAsync("Tab");
        Assert.False(await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('header')"), "the tab after the skip went back into the navigation");
    }

    private async Task<IPage> VisitorAsync(int width)
    {
        var context = await server.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        return page;
    }

    // Breadth first from the home page over the links on each page, one address a kind of page (the first met: a path with
    // its numbered segments, /Organisations/Detail/12 or /Market/Instrument/GDEA-2017, taken as one kind, and any query),
    // skipping sign-out, the language switch, the API, downloads and files; axe-core, injected into every page the
    // context opens, runs on each page once it has loaded.
    private static async Task<(List<string> Visited, List<string> Violations, List<string> Unreached)> CrawlAsync(IPage page)
    {
        await page.Context.AddInitScriptAsync(Axe.Value);
        var queue = new Queue<string>(["/"]);
        var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var visited = new List<string>();
        var violations = new List<string>();
        while (queue.Count > 0 && visited.Count < PagesPerUser)
        {
            var address = queue.Dequeue();
            if (!paths.Add(Kind(address)))
            {
                continue;
            }
            var response = await page.GotoAsync(address);
            if (response is null || !response.Ok || !(response.Headers.GetValueOrDefault("content-type") ?? "").StartsWith("text/html", StringComparison.Ordinal))
            {
                continue;
            }
            visited.Add(address);
            foreach (var link in await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll(\"a[href^='/']\"), a => a.getAttribute('href'))"))
            {
                if (Crawlable(link) && !paths.Contains(Kind(link)))
                {
                    queue.Enqueue(link);
                }
            }
            var found = await page.EvaluateAsync<string>(
                """
                async () => JSON.stringify((await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] }))
                    .violations.flatMap(v => v.nodes.map(n => `${v.impact} ${v.id} (${v.help}) :: ${n.target.join(' ')} :: ${n.html.slice(0, 160)}`)))
                """);
            violations.AddRange(JsonSerializer.Deserialize<string[]>(found)!.Select(v => $"{address} :: {v}"));
        }
        return (visited, violations, queue.Select(Kind).Where(kind => !paths.Contains(kind)).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    // A link's kind of page: its path, each segment that names a thing rather than a page as {n}. A page's own name is
    // PascalCase without digits (Registry, TwoFactor); an id, a year, an account number (GD-HOLD-PAPER) or a user's name
    // (power-a) is not, so that /Registry/Account/GD-HOLD-PAPER and /Users/Detail/power-a are one kind each.
    private static string Kind(string link) =>
        string.Join('/', link.Split('?')[0].Split('/').Select(segment => segment.Length == 0 || IsPageName(segment) ? segment : "{n}"));

    private static bool IsPageName(string segment) =>
        char.IsAsciiLetterUpper(segment[0]) && segment.Any(char.IsAsciiLetterLower) && !segment.Any(char.IsAsciiDigit);

    private static bool Crawlable(string link)
    {
        var path = link.Split('?')[0];
        return !path.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWith("/lang", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWith("/api", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWith("/openapi", StringComparison.OrdinalIgnoreCase)
            && !link.Contains("handler=", StringComparison.OrdinalIgnoreCase)
            && !Path.HasExtension(path);
    }
}
