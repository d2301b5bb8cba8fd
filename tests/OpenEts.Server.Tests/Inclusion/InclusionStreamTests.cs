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
        Assert.Equal((1_000, 1_000), (overlapping.Duplicates, overlapping.Queued));
        Assert.Equal(500, past.Queued);
        Assert.Equal((3_000L, 3_000L), await world.CountAsync());
        Assert.Equal(3_500, worker.Applied);
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
        await using var consumer = await world.Nats.ConnectAsync();
        var successor = world.Worker(InclusionStreamWorld.Stream(consumer, options));
        using var stop = new CancellationTokenSource();
        var running = successor.RunAsync(stop.Token);
        await WaitDrainedAsync(world, consumer, options, expected: Events);
        await stop.CancelAsync();
        await running;

        Assert.InRange(countedAtDeath, 1, Events - 1);
        Assert.Equal(((long)Events, (long)Events), await world.CountAsync());
        // The last batch the dead worker committed came again, unacknowledged, and counted nothing the second time.
        Assert.True(successor.Applied > Events - countedAtDeath, $"{successor.Applied} applied after death at {countedAtDeath}");
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
