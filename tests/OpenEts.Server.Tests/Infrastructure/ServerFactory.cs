using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace OpenEts.Server.Tests.Infrastructure;

/// <summary>
/// The whole server on a fresh SQLite file with the demo market seeded: a copy of the run's <see cref="DemoTemplate"/>
/// unless the clock was moved before the start (the demo then seeds on the moved day itself).
/// </summary>
public class ServerFactory : WebApplicationFactory<Program>
{
    public const string Password = "openets-demo";

    // Every server of the run watches its files (wwwroot's file versions, its configuration files) with a watcher that
    // is not released when the server stops, and Linux allows a user 128 inotify instances: past that, every page's
    // layout failed with 500 for the rest of the run. Polling watchers hold none.
    static ServerFactory() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    private readonly string _folder = Directory.CreateTempSubdirectory("openets-server-").FullName;
    private readonly bool _fromTemplate;

    public ServerFactory()
        : this(fromTemplate: true)
    {
    }

    internal ServerFactory(bool fromTemplate) => _fromTemplate = fromTemplate;

    /// <summary>The folder of the server's SQLite database and its signing key.</summary>
    internal string Folder => _folder;

    /// <summary>Whether the folder is kept when the server is disposed (the template's is); by default it is deleted.</summary>
    internal bool KeepFolder { get; init; }

    /// <summary>The server's clock: the system's, until a test moves it forward.</summary>
    public ShiftedClock Clock { get; } = new();

    /// <summary>
    /// Serves over Kestrel on a free loopback port configured on Kestrel itself: <c>UseKestrel(0)</c> rewrites the server's
    /// addresses after the app has started Kestrel on its own thread, and throws when Kestrel bound first
    /// ("IServerAddressesFeature.Addresses cannot be modified after the server has started", dotnet/aspnetcore#67714).
    /// Kestrel lists the address it bound.
    /// </summary>
    protected void UseLoopbackKestrel() => UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (_fromTemplate && Clock.Offset == TimeSpan.Zero && !File.Exists(Path.Combine(_folder, "openets.db")))
        {
            DemoTemplate.CopyTo(_folder);
        }
        builder.UseSetting("db", Path.Combine(_folder, "openets.db"));
        // A named database is not a demo unless asked: the tests want the demo market.
        builder.UseSetting("demo", "true");
        builder.UseEnvironment("Testing");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>
    /// The regulator approves the demo's Guangdong 2017 plan (seeded as a draft), so that 2017 has compliance rules and a
    /// surrender for it can count; a plan already approved stays so.
    /// </summary>
    public async Task ApproveDemoPlanAsync()
    {
        var store = Services.GetRequiredService<OpenEts.Application.Storage.IStore>();
        var user = await store.ReadAsync(s => s.Users.FindByNameAsync("regulator"), TestContext.Current.CancellationToken);
        var regulator = new OpenEts.Application.Identity.Actor(user!.Id, user.UserName, user.Role, user.OrganisationId);
        var plans = new OpenEts.Application.Allocation.AllocationCommandHandler(store, Clock);
        await plans.HandleAsync(regulator, new OpenEts.Application.Allocation.ApprovePlan("guangdong-2017", 1), TestContext.Current.CancellationToken);
    }

    /// <summary>A client signed in through the login page as a demo user (cookie kept by the client).</summary>
    public async Task<HttpClient> SignedInAsync(string userName, string password = Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await PostLoginAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A page as a demo user sees it: answered 200, its HTML decoded.</summary>
    public async Task<string> PageAsync(string userName, string address)
    {
        using var client = await SignedInAsync(userName);
        using var response = await client.GetAsync(new Uri(address, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The antiforgery token of the first form on a page's HTML.</summary>
    public static string AntiforgeryToken(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken(form);
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (KeepFolder)
        {
            return;
        }
        DemoTemplate.Delete(_folder);
    }
}
