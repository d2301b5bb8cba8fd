using System.Net;
using System.Net.Http.Json;
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

    [Fact]
    public async Task ADemo_TheAuditLog_RunsForwardInTime_FromTheMembersJoiningToNow()
    {
        using var server = new ServerFactory();
        using var auditor = await server.SignedInAsync("auditor");

        var entries = new List<JournalEntryView>();
        for (var page = 1; ; page++)
        {
            var view = await auditor.GetFromJsonAsync<JournalPageView>($"/api/v1/audit?page={page}", Ct);
            entries.AddRange(view!.Entries);
            if (view.Entries.Count == 0 || entries.Count >= view.Total)
            {
                break;
            }
        }
        entries.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));

        Assert.True(entries.Count > 500, $"the demo's journal holds its whole history ({entries.Count} entries)");
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal("entity.created", entries[0].Kind);
        Assert.Equal(Application.Demo.DemoTimeline.MembersJoin, entries[0].At);
        var back = entries.Zip(entries.Skip(1)).Where(p => p.Second.At < p.First.At)
            .Select(p => $"{p.First.Sequence} {p.First.Kind} {p.First.At:u} → {p.Second.Sequence} {p.Second.Kind} {p.Second.At:u}").ToList();
        Assert.True(back.Count == 0, "entries dated before the one they follow:\n" + string.Join("\n", back));
        Assert.True(entries[^1].At <= server.Clock.GetUtcNow(), "nothing is dated after now");
        Assert.Contains(entries, e => e.Kind == "mrv.report.approved" && e.At.Year == 2018);
        Assert.Contains(entries, e => e.Kind == "offsets.project.submitted" && e.At.Year == 2009);
    }

    private sealed record JournalEntryView(long Sequence, DateTimeOffset At, string Kind);

    private sealed record JournalPageView(long Total, List<JournalEntryView> Entries);
}
