using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(OpenEts.Server.Tests.Infrastructure.SharedChromiumLifetime))]

namespace OpenEts.Server.Tests.Infrastructure;

/// <summary>
/// The server on a real loopback port, and Debian's Chromium driven by Playwright (no browser download). Without
/// Chromium the browser tests skip — except under CI or ./test.sh, where they fail. Every test class has a server of its
/// own; they share the run's one Chromium, each page in a browser context of its own (its own cookies and storage).
/// </summary>
public class BrowserServer : ServerFactory, IAsyncLifetime
{
    // Every context opened on this server, closed before it stops: a page left open holds connections (live market data
    // streams above all) that the server's stop would otherwise have to cut.
    private readonly System.Collections.Concurrent.ConcurrentBag<IBrowserContext> _contexts = [];
    private bool _started;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("OPENETS_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>The test run's one Chromium (<see cref="SharedChromium"/>); each test's pages live in contexts of their own.</summary>
    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }
        UseLoopbackKestrel();
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Browser = await SharedChromium.GetAsync(ChromiumPath);
        _started = true;
        await WarmUpAsync();
    }

    // The server's first page pays for its first requests (and, in the run's first server, Chromium's font cache: the CJK
    // fonts are large); pay that once here, with room for a slow machine, so that no test's own timeout absorbs it.
    private async Task WarmUpAsync()
    {
        await using var context = await NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login", new PageGotoOptions { Timeout = 180_000 });
    }

    /// <summary>
    /// A new browser context whose waits allow for a loaded 2-core CI machine, where a dozen test servers and
    /// Chromiums start at once and a page (a sign-in hashes its password) can take longer than Playwright's default
    /// 30 s. A longer limit costs nothing when the page comes; a test that fails still fails, only later.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await Browser.NewContextAsync(options);
        _contexts.Add(context);
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(120_000);
        return context;
    }

    /// <summary>
    /// A new browser context (Chinese, <paramref name="width"/> px wide) signed in as <paramref name="user"/>, on a blank
    /// page: the test goes to the page it is about. The sign-in is the login form's own (its antiforgery token, the
    /// password check, the journaled sign-in), posted over HTTP, and its cookie handed to the context: a browser sign-in
    /// cost three page loads in a fresh context, about a second and a half each time, and the browser tests sign in some
    /// three hundred times. The login page itself is tested in the browser where it is the subject
    /// (<see cref="Browser.UserPagesTests"/>, <see cref="Browser.CitizenPrivacyPagesTests"/>).
    /// </summary>
    public async Task<IPage> SignInAsync(string user, int width = 1280)
    {
        RequireBrowser();
        var cookies = await SignInCookiesAsync(user);
        var context = await NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        await context.AddCookiesAsync(cookies);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// <see cref="SignInAsync"/>, then the home page: for a test that follows a user from where a sign-in lands, through
    /// the navigation.
    /// </summary>
    public async Task<IPage> SignInAtHomeAsync(string user, int width = 1280)
    {
        var page = await SignInAsync(user, width);
        await page.GotoAsync("/");
        return page;
    }

    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });

    // The login form over HTTP: its page (the antiforgery cookie and token), then the post; a sign-in answers with a
    // redirect and the sign-in cookie. Anything else (a wrong password, a second step, a forced password change) fails
    // here naming what the server said.
    private async Task<Cookie[]> SignInCookiesAsync(string user)
    {
        var ct = TestContext.Current.CancellationToken;
        using var form = await Http.GetAsync(new Uri(BaseUrl + "/Account/Login"), ct);
        var html = await form.Content.ReadAsStringAsync(ct);
        var token = AntiforgeryToken(html);
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUrl + "/Account/Login"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = user, ["Password"] = Password, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", SetCookies(form).Select(c => $"{c.Name}={c.Value}")));
        using var answer = await Http.SendAsync(post, ct);
        var signedIn = SetCookies(answer).Where(c => c.Name.StartsWith("openets.auth", StringComparison.Ordinal)).ToArray();
        if (answer.StatusCode != System.Net.HttpStatusCode.Redirect || answer.Headers.Location?.OriginalString != "/" || signedIn.Length == 0)
        {
            Assert.Fail($"{user} was not signed in: the login form answered {(int)answer.StatusCode} {answer.Headers.Location}\n{await answer.Content.ReadAsStringAsync(ct)}");
        }
        return signedIn;
    }

    private Cookie[] SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(value => value.Split(';')[0].Split('=', 2))
                .Select(pair => new Cookie
                {
                    Name = pair[0], Value = pair[1], Url = BaseUrl, HttpOnly = true, SameSite = SameSiteAttribute.Strict,
                })
                .ToArray()
            : [];

    /// <summary>
    /// Waits until the page's address matches <paramref name="match"/> (after a form's redirect) and its document has
    /// loaded, by asking the page every 50 ms. Playwright's own wait for a URL twice missed a navigation that had already
    /// happened and held its test for the whole timeout. A page that never gets there fails naming the page it is on.
    /// </summary>
    public static async Task WaitForUrlAsync(IPage page, Func<string, bool> match)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (match(page.Url) && await page.EvaluateAsync<bool>("() => document.readyState === 'complete'"))
                {
                    return;
                }
            }
            catch (PlaywrightException)
            {
                // The page was between documents: ask again.
            }
            if (waited.Elapsed > TimeSpan.FromSeconds(120))
            {
                Assert.Fail($"the browser did not reach the expected page; it is on {page.Url}:\n{await page.InnerTextAsync("body")}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Skips (locally) or fails (CI, ./test.sh) when Chromium is missing.</summary>
    public void RequireBrowser()
    {
        if (_started)
        {
            return;
        }
        var required = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OPENETS_REQUIRE_INFRA"));
        if (required)
        {
            Assert.Fail($"Chromium is required here (CI or ./test.sh) but {ChromiumPath} does not exist");
        }
        Assert.Skip($"no Chromium at {ChromiumPath}: install Debian's chromium or run ./test.sh");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("urls", "http://127.0.0.1:0");
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            try
            {
                await context.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // Already closed, or the browser went away: nothing left open on this server either way.
            }
        }
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// One Chromium for the whole test run, launched by the first browser test that needs it and closed when the run ends
/// (<see cref="SharedChromiumLifetime"/>). A launch and its first page (the CJK font cache) cost seconds; paying them once
/// rather than once per test class is most of the browser tests' fixed cost. A browser that has gone away is launched
/// again.
/// </summary>
public static class SharedChromium
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static async Task<IBrowser> GetAsync(string chromiumPath)
    {
        await Gate.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--no-first-run", "--disable-sync", "--disable-quic", DisabledFeatures],
            });
            return _browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    // Chromium's new headless mode opens every browser context's window with its omnibox popup preloaded: a WebUI renderer
    // of its own per window, which took a sixth of the browser tests' CPU. Chromium reads only the last --disable-features,
    // so this one repeats the list Playwright 1.64 passes and adds the two popups.
    private const string DisabledFeatures = "--disable-features=AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,"
        + "DialMediaRouteProvider,GlobalMediaControls,HttpsUpgrades,LensOverlay,MediaRouter,PaintHolding,ThirdPartyStoragePartitioning,"
        + "BlockOriginHeaderModificationOnRedirect,AvoidCorsURLLoaderRestartOnRedirect,Translate,AutoDeElevate,OptimizationHints,"
        + "NetworkTimeServiceQuerying,AimEnabled,msForceBrowserSignIn,msEdgeUpdateLaunchServicesPreferredVersion,"
        + "WebUIOmniboxPopup,WebUIOmniboxAimPopup";

    internal static async Task CloseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_browser is not null)
            {
                await _browser.DisposeAsync();
                _browser = null;
            }
            _playwright?.Dispose();
            _playwright = null;
        }
        finally
        {
            Gate.Release();
        }
    }
}

/// <summary>Closes the shared Chromium (and Playwright's driver) when the test run ends.</summary>
public sealed class SharedChromiumLifetime : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await SharedChromium.CloseAsync();
}
