using System.Globalization;
using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Server.Tests.Inclusion;

/// <summary>
/// Carbon inclusion through the queue in the platform's own database (<c>--inclusion-queue</c>): partners' batches stored
/// and answered queued, a worker recording them through RecordActions and deleting them after. Every event must count
/// exactly once — through repeats, and through a worker that dies between a recording's commit and the delete.
/// </summary>
public sealed class InclusionQueueTests
{
    [Fact]
    public async Task PartnerActions_QueuedWithRepeats_AreAnsweredQueuedAndEachEventCountsOnce()
    {
        await using var world = await InclusionStreamWorld.CreateAsync(citizens: 50, nats: false);
        using var queue = new InclusionQueue(world.Store, TimeProvider.System);
        var partners = new PartnerActionsHandler(world.Store, world.Handler, queue);

        var first = await QueuedAsync(partners, world.Batch(0, 2_000));
        var overlapping = await QueuedAsync(partners, world.Batch(1_000, 2_000));
        var depth = await queue.DepthAsync(TestContext.Current.CancellationToken);
        var countedBefore = await world.CountAsync();
        var worker = world.QueueWorker(queue, take: 1_500);
        var drained = 0L;
        int once;
        while ((once = await worker.DrainOnceAsync(TestContext.Current.CancellationToken)) > 0)
        {
            drained += once;
        }

        Assert.Equal((2_000, 2_000), (first, overlapping));
        Assert.Equal((2L, 4_000L), depth);
        Assert.Equal((0L, 0L), countedBefore);
        Assert.Equal(4_000, drained);
        Assert.Equal((3_000L, 3_000L), await world.CountAsync());
        Assert.Equal((0L, 0L), await queue.DepthAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Worker_DyingAfterItsCommitBeforeTheDelete_NextWorkerCountsEveryEventOnce()
    {
        const int Events = 4_000;
        await using var world = await InclusionStreamWorld.CreateAsync(citizens: 40, nats: false);
        using var queue = new InclusionQueue(world.Store, TimeProvider.System);
        for (var from = 0; from < Events; from += 500)
        {
            Assert.DoesNotContain(true, await queue.AppendAsync(world.PartnerId, InclusionStreamWorld.Programme, world.Batch(from, 500).Items,
                TestContext.Current.CancellationToken));
        }

        // Commits: a claim, its recording, its delete, the next claim and recording — and the process is gone before that
        // one's delete. Its claim (a second) must run out before another worker takes the batch.
        var dying = new DyingStore(world.Store, commitsBeforeDeath: 5, () => ValueTask.CompletedTask);
        await Assert.ThrowsAsync<IOException>(() => world.QueueWorker(queue, take: 500, dying, lease: TimeSpan.FromSeconds(1))
            .RunAsync(TestContext.Current.CancellationToken));
        var (countedAtDeath, _) = await world.CountAsync();
        var (batchesLeft, _) = await queue.DepthAsync(TestContext.Current.CancellationToken);
        var successor = world.QueueWorker(queue, take: 500);
        var whileClaimed = await successor.DrainOnceAsync(TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(1.2), TestContext.Current.CancellationToken);
        while (await successor.DrainOnceAsync(TestContext.Current.CancellationToken) > 0)
        {
        }

        Assert.Equal(1_000, countedAtDeath);
        Assert.Equal(7, batchesLeft);
        // While the dead worker's claim held, the successor left that batch alone and took the next one.
        Assert.Equal(500, whileClaimed);
        Assert.Equal(((long)Events, (long)Events), await world.CountAsync());
        // The batch the dead worker recorded came again and counted nothing the second time.
        Assert.Equal(Events - 500, successor.Applied);
        Assert.Equal((0L, 0L), await queue.DepthAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Worker_BatchOfAPartnerThatIsGone_IsDeletedAndReportedNotRetried()
    {
        await using var world = await InclusionStreamWorld.CreateAsync(citizens: 50, nats: false);
        using var queue = new InclusionQueue(world.Store, TimeProvider.System);
        await queue.AppendAsync(world.PartnerId + 99, InclusionStreamWorld.Programme, world.Batch(0, 20).Items, TestContext.Current.CancellationToken);
        await queue.AppendAsync(world.PartnerId, InclusionStreamWorld.Programme, world.Batch(20, 30).Items, TestContext.Current.CancellationToken);
        var worker = world.QueueWorker(queue, take: 1_000);
        var refused = new List<(long Partner, int Actions, string Rule)>();
        worker.Refused += (batch, rule) => refused.Add((batch.PartnerId, batch.Actions, rule));

        await worker.DrainOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal([(world.PartnerId + 99, 20, "UnknownPartner")], refused);
        Assert.Equal((30L, 30L), await world.CountAsync());
        Assert.Equal((0L, 0L), await queue.DepthAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PartnerBatch_WhenTheQueueWouldPassItsLimit_IsRefusedWholeAndNothingIsStored()
    {
        await using var world = await InclusionStreamWorld.CreateAsync(citizens: 50, nats: false);
        using var queue = new InclusionQueue(world.Store, TimeProvider.System) { MaxActions = 100 };
        var partners = new PartnerActionsHandler(world.Store, world.Handler, queue);

        var fits = await QueuedAsync(partners, world.Batch(0, 80));
        var refused = await partners.HandleAsync(InclusionStreamWorld.PartnerKeyText, world.Batch(80, 30), TestContext.Current.CancellationToken);
        var depth = await queue.DepthAsync(TestContext.Current.CancellationToken);
        await world.QueueWorker(queue, take: 1_000).DrainOnceAsync(TestContext.Current.CancellationToken);
        var afterDrain = await QueuedAsync(partners, world.Batch(80, 30));

        Assert.Equal(80, fits);
        Assert.Equal(PartnerActionsHandler.QueueFull, Assert.IsType<InclusionCommandOutcome.Refused>(refused).Rule);
        Assert.Equal((1L, 80L), depth);
        Assert.Equal(30, afterDrain);
    }

    // The queue's worker records through RecordActions as the request does: a household's one reading a day, whatever the
    // meter, against the mean of its own previous 7 days (Shenzhen 2022, cards A1), never the average an action declares.
    [Fact]
    public async Task Worker_HouseholdReadingsOfAWeekAndASecondMeter_CountOneReadingADayAgainstTheHouseholdsOwnWeek()
    {
        await using var world = await InclusionStreamWorld.CreateAsync(citizens: 1, nats: false);
        using var queue = new InclusionQueue(world.Store, TimeProvider.System);
        var utility = await world.Store.WriteAsync(s => s.Inclusion.InsertPartnerAsync(new InclusionPartner(0, "供电局（测试）",
            new PartnerScope(InclusionStreamWorld.Programme, [Behaviour.Electricity]), "oetsp_util", PartnerKey.Hash("oetsp_utilitytestkey"),
            DateTimeOffset.UtcNow, "regulator", null)), TestContext.Current.CancellationToken);
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date;
        RecordActions.ActionForm Reading(string id, string meter, int daysAgo, decimal kWh, decimal? declared = null) =>
            new(id, meter, "electricity", today.AddDays(-daysAgo).AddHours(12).ToString("yyyy-MM-dd'T'HH:mm:ss'+08:00'", CultureInfo.InvariantCulture),
                kWh, OwnAverage: declared, User: "c0");
        // A week of 5 kWh a day (each above the city's 2.7 kWh with less than a week behind it: nothing saved), then 4 kWh
        // declaring a week of 50, and a second meter's reading the same day.
        Assert.True(RecordActions.TryParse(new RecordActions.Form(InclusionStreamWorld.Programme,
            [.. Enumerable.Range(2, 7).Reverse().Select(d => Reading($"r{d}", "meter-1", d, 5m)),
                Reading("r1", "meter-1", 1, 4m, declared: 50m), Reading("x1", "meter-2", 1, 1m)]),
            InclusionProgrammes.Shipped, out var batch, out _));
        await queue.AppendAsync(utility.Id, InclusionStreamWorld.Programme, batch.Items, TestContext.Current.CancellationToken);

        while (await world.QueueWorker(queue, take: 100).DrainOnceAsync(TestContext.Current.CancellationToken) > 0)
        {
        }

        var wallet = await world.Store.ReadAsync(async s => await s.Inclusion.WalletAsync((await s.Users.FindByNameAsync("c0"))!.Id, InclusionStreamWorld.Programme),
            TestContext.Current.CancellationToken);
        // (5 − 4) kWh × 570.3 g/kWh: the week's own mean, not the 50 declared; the second meter counted nothing.
        Assert.Equal((8L, 570.3m), (wallet!.Actions, wallet.Reduction.Grams));
    }

    private static async Task<int> QueuedAsync(PartnerActionsHandler partners, RecordActions batch)
    {
        var outcome = await partners.HandleAsync(InclusionStreamWorld.PartnerKeyText, batch, TestContext.Current.CancellationToken);
        var items = ((RecordedActions)Assert.IsType<InclusionCommandOutcome.Completed>(outcome).Result).Items;
        return items.Count(i => i.Status == ActionStatus.Queued);
    }
}
