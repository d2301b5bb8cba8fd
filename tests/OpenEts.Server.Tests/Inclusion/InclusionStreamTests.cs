using OpenEts.Application.Inclusion;
using OpenEts.Application.Storage;
using OpenEts.Streaming.Inclusion;

namespace OpenEts.Server.Tests.Inclusion;

/// <summary>
/// Carbon inclusion through NATS JetStream: partners' batches appended to the stream, quantification workers applying
/// them through RecordActions and acknowledging after the commit, against a real nats-server. Every event must count
/// exactly once — through repeats inside the stream's duplicate window, repeats past it, and a worker killed mid-stream.
/// </summary>
public sealed class InclusionStreamTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task PartnerActions_RepeatedInAndPastTheDuplicateWindow_CountEachEventOnce()
    {
        await using var world = await InclusionStreamWorld.CreateAsync(citizens: 50);
        await using var publisher = await world.Nats.ConnectAsync();
        var options = new InclusionStreamOptions { Shards = 8, DuplicateWindow = TimeSpan.FromSeconds(1) };
        var partners = new PartnerActionsHandler(world.Store, world.Handler, new JetStreamInclusionLog(InclusionStreamWorld.Stream(publisher, options)));

        var first = await AnswersAsync(partners, world.Batch(0, 2_000));
        var again = await AnswersAsync(partners, world.Batch(0, 2_000));
        var overlapping = await AnswersAsync(partners, world.Batch(1_000, 2_000));
        await using var consumer = await world.Nats.ConnectAsync();
        var worker = world.Worker(InclusionStreamWorld.Stream(consumer, options));
        using var stop = new CancellationTokenSource();
        var running = worker.RunAsync(stop.Token);
        await WaitDrainedAsync(world, consumer, options, expected: 3_000);
        await Task.Delay(options.DuplicateWindow * 2, TestContext.Current.CancellationToken);
        var past = await AnswersAsync(partners, world.Batch(0, 500));
        await WaitDrainedAsync(world, consumer, options, expected: 3_000);
        await stop.CancelAsync();
        await running;

        Assert.Equal(2_000, first.Queued);
        // The same batch sent again within the window: its messages are the same, stored once, every action a duplicate.
        Assert.Equal((2_000, 0), (again.Duplicates, again.Queued));
        // A batch that repeats half of the first: only a message holding the same actions as one sent before is a
        // duplicate (never one of the 1 000 new actions); the rest is taken in and the store's key stops its repeats.
        Assert.Equal(2_000, overlapping.Duplicates + overlapping.Queued);
        Assert.InRange(overlapping.Duplicates, 0, 1_000);
        Assert.Equal(500, past.Queued);
        Assert.Equal((3_000L, 3_000L), await world.CountAsync());
        Assert.Equal(2_000 + overlapping.Queued + 500, worker.Applied);
    }

    [Fact]
    public async Task Worker_MessagesOfOneActionWrittenBefore_AreRecordedBesideTodays()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await InclusionStreamWorld.CreateAsync(citizens: 50);
        await using var publisher = await world.Nats.ConnectAsync();
        var options = new InclusionStreamOptions { Shards = 8 };
        var stream = InclusionStreamWorld.Stream(publisher, options);
        await stream.EnsureAsync(ct);
        // Two rides as the stream held them before its messages carried a shard's actions together: one JSON object each.
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        foreach (var (id, user) in new[] { ("old-1", "c1"), ("old-2", "c2") })
        {
            await PublishAsync(stream, user, OneActionJson(world.PartnerId, id, user, at), ct);
        }
        var partners = new PartnerActionsHandler(world.Store, world.Handler, new JetStreamInclusionLog(stream));
        Assert.Equal((100, 0), await AnswersAsync(partners, world.Batch(0, 100)));
        var worker = await RunUntilDrainedAsync(world, options, expected: 102);

        Assert.Equal((102L, 102L), await world.CountAsync());
        Assert.Equal(102, worker.Applied);
    }

    [Fact]
    public async Task Worker_AMessageThatIsNoPartnersAndOneOfAnUnknownPartner_AreEnded_AndTheActionsAfterThemCount()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await InclusionStreamWorld.CreateAsync(citizens: 50);
        await using var publisher = await world.Nats.ConnectAsync();
        var options = new InclusionStreamOptions { Shards = 8 };
        var stream = InclusionStreamWorld.Stream(publisher, options);
        await stream.EnsureAsync(ct);
        foreach (var body in new[] { "not a partner's actions", OneActionJson(987654, "ghost-1", "c1", DateTimeOffset.UtcNow.AddHours(-2)) })
        {
            await PublishAsync(stream, "c1", body, ct);
        }
        var partners = new PartnerActionsHandler(world.Store, world.Handler, new JetStreamInclusionLog(stream));
        Assert.Equal((100, 0), await AnswersAsync(partners, world.Batch(0, 100)));
        // Drained: nothing left to deliver and nothing unacknowledged, so neither message waits to be delivered again.
        var worker = await RunUntilDrainedAsync(world, options, expected: 100);

        Assert.Equal((100L, 100L), await world.CountAsync());
        Assert.Equal(100, worker.Applied);
    }

    [Fact]
    public async Task Worker_KilledAfterCommitBeforeItsAcks_NextWorkerCountsEveryEventOnce()
    {
        const int Events = 4_000;
        await using var world = await InclusionStreamWorld.CreateAsync(citizens: 40);
        var options = new InclusionStreamOptions { Shards = 8, Batch = 500, AckWait = TimeSpan.FromSeconds(3) };
        await using (var publisher = await world.Nats.ConnectAsync())
        {
            var log = new JetStreamInclusionLog(InclusionStreamWorld.Stream(publisher, options));
            var batch = world.Batch(0, Events);
            Assert.DoesNotContain(true, await log.AppendAsync(world.PartnerId, InclusionStreamWorld.Programme, batch.Items, TestContext.Current.CancellationToken));
        }

        var doomed = await world.Nats.ConnectAsync();
        var dying = new DyingStore(world.Store, commitsBeforeDeath: 3, () => doomed.DisposeAsync());
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
        {
            deadline.CancelAfter(Patience);
            await Assert.ThrowsAsync<IOException>(() => world.Worker(InclusionStreamWorld.Stream(doomed, options), dying).RunAsync(deadline.Token));
        }
        var (countedAtDeath, _) = await world.CountAsync();
        var successor = await RunUntilDrainedAsync(world, options, expected: Events);

        Assert.InRange(countedAtDeath, 1, Events - 1);
        Assert.Equal(((long)Events, (long)Events), await world.CountAsync());
        // The last batch the dead worker committed came again, unacknowledged, and counted nothing the second time.
        Assert.True(successor.Applied > Events - countedAtDeath, $"{successor.Applied} applied after death at {countedAtDeath}");
    }

    // One action as a message of its own, as the stream held them before a message carried a shard's actions together.
    private static string OneActionJson(long partner, string eventId, string user, DateTimeOffset at) =>
        $$"""{"p":{{partner}},"g":"{{InclusionStreamWorld.Programme}}","e":"{{eventId}}","s":"gate-9","b":"metro","t":"{{
            at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)}}","q":5,"m":30,"o":null,"u":"{{user}}"}""";

    // A message body published as it is on the user's shard.
    private static async Task PublishAsync(InclusionStream stream, string user, string body, CancellationToken ct) =>
        await stream.JetStream.PublishAsync(stream.Options.SubjectOf(InclusionSubjects.ShardOf(user, stream.Options.Shards)),
            System.Text.Encoding.UTF8.GetBytes(body), cancellationToken: ct);

    // A worker on a connection of its own, run until the stream is drained into the expected count, then stopped.
    private static async Task<InclusionStreamWorker> RunUntilDrainedAsync(InclusionStreamWorld world, InclusionStreamOptions options, long expected)
    {
        await using var consumer = await world.Nats.ConnectAsync();
        var worker = world.Worker(InclusionStreamWorld.Stream(consumer, options));
        using var stop = new CancellationTokenSource();
        var running = worker.RunAsync(stop.Token);
        await WaitDrainedAsync(world, consumer, options, expected);
        await stop.CancelAsync();
        await running;
        return worker;
    }

    private static async Task<(int Queued, int Duplicates)> AnswersAsync(PartnerActionsHandler partners, RecordActions batch)
    {
        var outcome = await partners.HandleAsync(InclusionStreamWorld.PartnerKeyText, batch, TestContext.Current.CancellationToken);
        var items = ((RecordedActions)Assert.IsType<InclusionCommandOutcome.Completed>(outcome).Result).Items;
        return (items.Count(i => i.Status == ActionStatus.Queued), items.Count(i => i.Status == ActionStatus.Duplicate));
    }

    // Until the wallets hold the expected count and the consumer has nothing left to deliver or to be acknowledged.
    private static async Task WaitDrainedAsync(InclusionStreamWorld world, NATS.Client.Core.NatsConnection connection, InclusionStreamOptions options,
        long expected)
    {
        var js = Infrastructure.NatsServer.JetStream(connection);
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var (counted, _) = await world.CountAsync();
            var (pending, unacknowledged) = (-1L, -1L);
            try
            {
                var info = (await js.GetConsumerAsync(options.Stream, options.Durable, TestContext.Current.CancellationToken)).Info;
                (pending, unacknowledged) = (Convert.ToInt64(info.NumPending), Convert.ToInt64(info.NumAckPending));
            }
            catch (NATS.Client.JetStream.NatsJSApiException)
            {
                // The worker has not created its consumer yet.
            }
            if (counted >= expected && pending == 0 && unacknowledged == 0)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"not drained: {counted} of {expected} counted, {pending} pending, {unacknowledged} unacknowledged");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
