using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using OpenEts.Domain.Journal;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Reliability;

/// <summary>
/// A journal entry that does not replay no longer stops the server: it starts read-only, every write answers 503 naming
/// the entry, reads still work from the entries before it, the verify API and page name the break, /healthz is degraded.
/// Runs the real process on a database whose journal was changed behind its back (hashes recomputed, as an attacker or
/// a bad restore would leave it).
/// </summary>
public sealed partial class ReadOnlyJournalTests
{
    private const string Power = "GD-HOLD-POWER";
    private const string Cement = "GD-HOLD-CEMENT";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task Issue_8_TransferWithAChangedQuantity_StartsReadOnlyNamingTheEntry() =>
        AssertReadOnlyAsync(payload => LastPattern().Replace(payload, m =>
            "\"last\":" + (long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 50_000_000).ToString(CultureInfo.InvariantCulture), 1));

    [Fact]
    public Task Issue_8_EntryThatDoesNotParse_StartsReadOnlyNamingTheEntry() =>
        AssertReadOnlyAsync(payload => payload[..^1] + ",\"blocks\":");

    private static async Task AssertReadOnlyAsync(Func<string, string> corrupt)
    {
        var folder = Directory.CreateTempSubdirectory("openets-readonly-").FullName;
        var database = Path.Combine(folder, "openets.db");
        DemoTemplate.CopyTo(folder);
        string powerA, powerB, auditor;
        long executed, powerBefore;
        await using (var first = await ServerProcess.StartAsync(database, folder, Ct))
        {
            powerA = await first.CreateTokenAsync("power-a", ServerFactory.Password, Ct);
            powerB = await first.CreateTokenAsync("power-b", ServerFactory.Password, Ct);
            auditor = await first.CreateTokenAsync("auditor", ServerFactory.Password, Ct);
            using var a = first.Client(powerA);
            using var b = first.Client(powerB);
            powerBefore = await HeldAsync(a);
            using var proposed = await a.PostAsJsonAsync("/api/v1/registry/transfers",
                new { from = Power, to = Cement, @class = "GDEA-2017", quantity = 10, idempotencyKey = Key() }, Ct);
            var proposal = (await proposed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("proposal").GetInt64();
            using var approved = await b.PostAsJsonAsync($"/api/v1/registry/transfers/{proposal}/approve", new { idempotencyKey = Key() }, Ct);
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
            // A later write, so that the broken entry is not the journal's last.
            using var later = await a.PostAsJsonAsync("/api/v1/registry/transfers",
                new { from = Power, to = Cement, @class = "GDEA-2017", quantity = 3, idempotencyKey = Key() }, Ct);
            Assert.Equal(HttpStatusCode.OK, later.StatusCode);
            first.Kill();
        }
        executed = RewriteJournal(database, "registry.transfer.executed", corrupt);

        await using var second = await ServerProcess.StartAsync(database, folder, Ct);
        using var proposer = second.Client(powerA);
        using var audit = second.Client(auditor);

        using var refused = await proposer.PostAsJsonAsync("/api/v1/registry/transfers",
            new { from = Power, to = Cement, @class = "GDEA-2017", quantity = 1, idempotencyKey = Key() }, Ct);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var organisation = await audit.PostAsJsonAsync("/api/v1/organisations",
            new { code = "91440101MA5CY0009X", name = "X", sector = "power", region = "广州市" }, Ct);
        var check = await audit.GetFromJsonAsync<JsonElement>("/api/v1/registry/verify", Ct);
        using var anonymous = new HttpClient { BaseAddress = second.BaseAddress };
        var health = await anonymous.GetStringAsync(new Uri("/healthz", UriKind.Relative), Ct);
        var (pageStatus, page) = await PostPageAsync(second.BaseAddress);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(executed, problem.GetProperty("entry").GetInt64());
        Assert.Contains($"{executed}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("JournalDoesNotReplay", problem.GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, organisation.StatusCode);
        Assert.Equal(powerBefore, await HeldAsync(proposer));
        Assert.Equal(executed, check.GetProperty("replayFailedAt").GetInt64());
        Assert.True(check.GetProperty("chainIntact").GetBoolean(), check.ToString());
        Assert.Contains($"degraded: read-only, journal entry {executed} does not replay", health, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pageStatus);
        Assert.Matches($"id=\"read-only\"[^<]*{executed}", page);
    }

    private static string Key() => "ro-" + Guid.NewGuid().ToString("N");

    private static async Task<long> HeldAsync(HttpClient client)
    {
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/registry/accounts/{Power}/holdings", Ct);
        return view.GetProperty("holdings").EnumerateArray().Sum(h => h.GetProperty("quantity").GetInt64());
    }

    // A page form as a browser sends it: signed in, with the page's antiforgery token.
    private static async Task<(HttpStatusCode, string)> PostPageAsync(Uri server)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = server };
        using var login = await ServerFactory.PostLoginAsync(browser, "power-a", ServerFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var form = await browser.GetStringAsync(new Uri("/Registry/Transfer", UriKind.Relative), Ct);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenPattern().Match(form).Groups[1].Value,
        });
        using var response = await browser.PostAsync(new Uri("/Registry/Transfer", UriKind.Relative), content, Ct);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }

    // Changes the payload of the newest entry of `kind` and recomputes every later hash, so that the hash chain verifies
    // and only the replay can tell. Returns the changed entry's sequence number.
    private static long RewriteJournal(string database, string kind, Func<string, string> corrupt)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        var entries = new List<JournalEntry>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT seq, at, actor, kind, subject, payload, prev_hash, hash FROM journal ORDER BY seq";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                entries.Add(new JournalEntry(reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                    reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7)));
            }
        }
        var target = entries.Last(e => e.Kind == kind).Sequence;
        using var write = connection.CreateCommand();
        write.CommandText = "DROP TRIGGER IF EXISTS tr_journal_no_update";
        write.ExecuteNonQuery();
        var previous = entries.Single(e => e.Sequence == target - 1).Hash;
        foreach (var e in entries.Where(e => e.Sequence >= target))
        {
            var payload = e.Sequence == target ? corrupt(e.Payload) : e.Payload;
            Assert.True(e.Sequence != target || payload != e.Payload, "the corruption changed nothing");
            var hash = JournalEntry.ComputeHash(e.Sequence, e.At, e.Actor, e.Kind, e.Subject, payload, previous);
            write.CommandText = "UPDATE journal SET payload = $payload, prev_hash = $prev, hash = $hash WHERE seq = $seq";
            write.Parameters.Clear();
            write.Parameters.AddWithValue("$payload", payload);
            write.Parameters.AddWithValue("$prev", previous);
            write.Parameters.AddWithValue("$hash", hash);
            write.Parameters.AddWithValue("$seq", e.Sequence);
            Assert.Equal(1, write.ExecuteNonQuery());
            previous = hash;
        }
        return target;
    }

    [GeneratedRegex("\"last\":(\\d+)")]
    private static partial Regex LastPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
