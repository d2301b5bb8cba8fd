using System.Globalization;
using OpenEts.Application.Identity;
using OpenEts.Application.Inclusion;
using OpenEts.Cli.Tests.Registry;
using OpenEts.Domain.Inclusion;
using OpenEts.Storage;

namespace OpenEts.Cli.Tests.Inclusion;

public sealed class InclusionQueueCommandTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(RegistryDatabase db, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await EtsCommand.RunAsync(["inclusion", .. args, "--db", db.Database], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Queue_ShownToAnOverseerAndDrainedByTheRegulator_RecordsItsBatchesOnce()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        await QueueAsync(db.Database);

        var shown = await RunAsync(db, "queue", "--as", "auditor");
        var byCitizen = await RunAsync(db, "queue", "--as", "citizen");
        var drainedByAuditor = await RunAsync(db, "queue", "--drain", "--as", "auditor");
        var drained = await RunAsync(db, "queue", "--drain", "--as", "regulator");
        var after = await RunAsync(db, "queue", "--as", "regulator");
        await using var store = await SqlStore.OpenAsync(db.Database, TestContext.Current.CancellationToken);
        var citizen = await store.ReadAsync(s => s.Users.FindByNameAsync("citizen"), TestContext.Current.CancellationToken);
        var recent = await store.ReadAsync(s => s.Inclusion.RecentEventsAsync(citizen!.Id, 100), TestContext.Current.CancellationToken);

        Assert.True(shown.Exit == 0, shown.Err);
        Assert.Contains("2 batches, 3 actions waiting to be recorded", shown.Out, StringComparison.Ordinal);
        Assert.Equal(1, byCitizen.Exit);
        Assert.Contains("rule Role", byCitizen.Err, StringComparison.Ordinal);
        Assert.Equal(1, drainedByAuditor.Exit);
        Assert.Contains("rule Role", drainedByAuditor.Err, StringComparison.Ordinal);
        Assert.True(drained.Exit == 0, drained.Err);
        // The partner's two rides are recorded; the batch of a partner that is gone is refused whole.
        Assert.Contains("done: 2 actions recorded, 1 batch refused as a whole, 0 batches left", drained.Out, StringComparison.Ordinal);
        Assert.Contains("0 batches, 0 actions waiting", after.Out, StringComparison.Ordinal);
        Assert.Equal(["cli-q1", "cli-q2"], recent.Where(e => e.EventId.StartsWith("cli-q", StringComparison.Ordinal)).Select(e => e.EventId).Order());
    }

    // A partner's batch of two bus rides, and one of a partner that no longer exists, queued as a server would.
    private static async Task QueueAsync(string database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await SqlStore.OpenAsync(database, ct);
        var partner = await store.WriteAsync(s => s.Inclusion.InsertPartnerAsync(new InclusionPartner(0, "深圳巴士（测试）",
            new PartnerScope("shenzhen-tanpuhui", [Behaviour.Bus]), "oetsp_cliq", PartnerKey.Hash("oetsp_cliqueuetestkey234567abcdefghij"),
            DateTimeOffset.UtcNow, "regulator", null)), ct);
        RecordActions Batch(params string[] ids)
        {
            var forms = ids.Select((id, i) => new RecordActions.ActionForm(id, "bus-9", "bus",
                DateTimeOffset.UtcNow.AddHours(-3 + i).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture), 10m, 25m, null, "citizen")).ToList();
            Assert.True(RecordActions.TryParse(new RecordActions.Form("shenzhen-tanpuhui", forms), InclusionProgrammes.Shipped, out var command, out _));
            return command;
        }
        using var queue = new InclusionQueue(store, TimeProvider.System);
        await queue.AppendAsync(partner.Id, "shenzhen-tanpuhui", Batch("cli-q1", "cli-q2").Items, ct);
        await queue.AppendAsync(partner.Id + 1_000, "shenzhen-tanpuhui", Batch("cli-gone").Items, ct);
    }
}
