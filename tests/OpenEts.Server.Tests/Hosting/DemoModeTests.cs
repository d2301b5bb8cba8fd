using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Hosting;

/// <summary>The demo market and its public sign-ins appear only on a demo, never on a database named without --demo.</summary>
public sealed class DemoModeTests
{
    private sealed class NamedDatabase : WebApplicationFactory<Program>
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("openets-real-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("db", Path.Combine(_folder, "real.db"));
            builder.UseEnvironment("Testing");
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Issue_8_ANamedDatabaseWithoutDemo_HasNoDemoUsersAndListsNoDemoSignIns()
    {
        using var server = new NamedDatabase();
        using var client = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var landing = await client.GetStringAsync("/", Ct);
        using var login = await ServerFactory.PostLoginAsync(client, "regulator", ServerFactory.Password);

        Assert.DoesNotContain("demo-signins", landing, StringComparison.Ordinal);
        Assert.DoesNotContain(ServerFactory.Password, landing, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task ADemo_ListsTheDemoSignIns()
    {
        using var server = new ServerFactory();
        using var client = server.CreateClient();

        var landing = await client.GetStringAsync("/", Ct);

        Assert.Contains("demo-signins", landing, StringComparison.Ordinal);
    }
}
