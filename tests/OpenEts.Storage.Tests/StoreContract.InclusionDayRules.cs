using OpenEts.Application.Inclusion;

namespace OpenEts.Storage.Tests;

// The rules that read what the platform holds beyond the action, across batches, on every database: a day's steps summed
// (at most 296 g a day, cards A3), Guangzhou metro's one trip an action (0.5155 kgCO2 a trip, §4.1), and a household's
// one electricity reading a day with its own 7-day average read from its earlier readings (Shenzhen 2022, cards A1).
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task Inclusion_ThreeWalksOf20000StepsOnADayInSeparateBatches_Earn296GAndSevenCoinsOnce()
    {
        await using var w = await InclusionWorldAsync();
        var regulator = await w.ActorOf("regulator");
        RecordActions.ActionForm Walk(string id, decimal steps, string source, string at = "2026-11-29T20:00:00+08:00") =>
            new(id, source, "walk", at, steps, User: "citizen");

        var walks = new List<ActionResult>();
        foreach (var (id, source) in new[] { ("w1", "phone"), ("w2", "watch"), ("w3", "phone") })
        {
            walks.Add(Assert.Single((await RecordAsync(w, regulator, Batch("fuzhou-lvbao", Walk(id, 20_000m, source)))).Items));
        }
        var again = await RecordAsync(w, regulator, Batch("fuzhou-lvbao", Walk("w1", 20_000m, "phone")));
        var small = await RecordAsync(w, regulator, Batch("fuzhou-lvbao", Walk("s1", 2500m, "phone", "2026-11-28T08:00:00+08:00"),
            Walk("s2", 2500m, "watch", "2026-11-28T12:00:00+08:00")));
        var late = await RecordAsync(w, regulator, Batch("fuzhou-lvbao", Walk("s3", 1000m, "phone", "2026-11-28T20:00:00+08:00")));

        // Fuzhou 2024 (in force): 2 000 steps → 1 碳币, at most 7 a day for walking [UNCONFIRMED]: the first 20 000 steps earn
        // 10, cut to 7 (3 cut); the day's next 40 000 earn 20, all cut; the reduction stops at 296 g for the day.
        Assert.Equal([296m, 0m, 0m], walks.Select(r => r.Reduction.Grams));
        Assert.Equal([(7L, 3L), (0L, 10L), (0L, 10L)], walks.Select(r => (r.Coins, r.CoinsCut)));
        Assert.All(walks, r => Assert.Equal("CoinCap", r.Rule));
        Assert.Equal(ActionStatus.Duplicate, Assert.Single(again.Items).Status);
        // Fuzhou 2024: 2 000 steps → 1 碳币, on the day's total: 2 500 + 2 500 + 1 000 steps = 6 000 = 3 coins, 120 g.
        Assert.Equal([(50m, 1L), (50m, 1L)], small.Items.Select(r => (r.Reduction.Grams, r.Coins)));
        Assert.Equal((20m, 1L), (Assert.Single(late.Items).Reduction.Grams, late.Items[0].Coins));
        var statement = await StatementOfAsync(w, "citizen");
        Assert.Equal(416m, statement.Reduction.Grams);
        Assert.Equal(10L, statement.Credited);
    }

    [Fact]
    public async Task Inclusion_GuangzhouMetroOfTenKm_IsRefusedOneTripPerActionNamingTheQuantity_AndOneTripOrNoneCounts515Point5G()
    {
        await using var w = await InclusionWorldAsync();
        var regulator = await w.ActorOf("regulator");

        var recorded = await RecordAsync(w, regulator, Batch("guangdong-tanpuhui",
            Ride("km", "metro", 10m) with { User = "citizen" },
            new RecordActions.ActionForm("none", "card-1", "metro", "2026-11-30T09:15:00+08:00", null, 1m, User: "citizen"),
            Ride("one", "metro", 1m, at: "2026-11-30T10:15:00+08:00") with { User = "citizen", Minutes = 0.2m }));

        Assert.Equal((ActionStatus.Refused, "OneTripPerAction", "quantity"), (recorded.Items[0].Status, recorded.Items[0].Rule, recorded.Items[0].Field));
        Assert.Contains("trips", recorded.Items[0].Message, StringComparison.Ordinal);
        Assert.Equal([515.5m, 515.5m], recorded.Items.Skip(1).Select(r => r.Reduction.Grams));
        Assert.Equal(1031m, (await StatementOfAsync(w, "citizen")).Reduction.Grams);
    }

    [Fact]
    public async Task Inclusion_ElectricityFromASecondMeterOrWithADeclaredAverage_CountsOneReadingADayAgainstTheHouseholdsOwnReadings()
    {
        await using var w = await InclusionWorldAsync();
        var regulator = await w.ActorOf("regulator");
        RecordActions.ActionForm Reading(string id, string meter, decimal kWh, int day, decimal? declared = null) =>
            new(id, meter, "electricity", $"2026-11-{day:00}T23:00:00+08:00", kWh, OwnAverage: declared, User: "citizen");

        // Six days of readings: too little history, so a day above the city's 2.7 kWh saves nothing, whatever is declared.
        await RecordAsync(w, regulator, Batch("shenzhen-tanpuhui", [.. Enumerable.Range(21, 6).Select(d => Reading($"r{d}", "meter-1", 5m, d))]));
        var early = await RecordAsync(w, regulator, Batch("shenzhen-tanpuhui", Reading("r27", "meter-1", 4m, 27, declared: 50m)));
        var second = await RecordAsync(w, regulator, Batch("shenzhen-tanpuhui", Reading("x27", "meter-2", 1m, 27)));
        // Now seven days (21–27) of readings: 5 × 6 + 4 = 34 kWh, a mean of 34/7; 3 kWh used saves 13/7 kWh × 570.3 g.
        var week = await RecordAsync(w, regulator, Batch("shenzhen-tanpuhui", Reading("r28", "meter-1", 3m, 28, declared: 0m)));

        Assert.Equal((ActionStatus.Counted, 0m), (Assert.Single(early.Items).Status, early.Items[0].Reduction.Grams));
        Assert.Equal((ActionStatus.Refused, "ActionCap"), (Assert.Single(second.Items).Status, second.Items[0].Rule));
        Assert.Equal(1059.128m, Assert.Single(week.Items).Reduction.Grams);
    }

    [Fact]
    public async Task Inclusion_ElectricityReadingForADayBeforeACountedReading_IsRefusedReadingOutOfOrderNamingTheLatestDay_AndAWeekEarlierCounts()
    {
        await using var w = await InclusionWorldAsync();
        var regulator = await w.ActorOf("regulator");
        RecordActions.ActionForm Reading(string id, decimal kWh, int day) =>
            new(id, "meter-1", "electricity", $"2026-11-{day:00}T23:00:00+08:00", kWh, User: "citizen");

        await RecordAsync(w, regulator, Batch("shenzhen-tanpuhui", Reading("r25", 2m, 25), Reading("r27", 2m, 27)));
        var before = await StatementOfAsync(w, "citizen");
        // The 26th lies in the 27th's week before, counted without it; the 17th in no counted reading's week (18th–24th).
        var late = await RecordAsync(w, regulator, Batch("shenzhen-tanpuhui", Reading("r26", 5m, 26), Reading("r17", 2m, 17)));
        var resent = await RecordAsync(w, regulator, Batch("shenzhen-tanpuhui", Reading("r26", 5m, 26)));
        var after = await StatementOfAsync(w, "citizen");

        Assert.Equal((ActionStatus.Refused, "ReadingOutOfOrder", "occurredAt"), (late.Items[0].Status, late.Items[0].Rule, late.Items[0].Field));
        Assert.Equal(["2026-11-27", "2026-11-26", "7"], late.Items[0].Figures);
        Assert.StartsWith("readings are recorded up to 2026-11-27", late.Items[0].Message, StringComparison.Ordinal);
        // The 17th: 2 kWh under the city's 2.7 kWh saves 0.7 × 570.3 g = 399.21 g, 3 coins (1 per 100 g).
        Assert.Equal((ActionStatus.Counted, 399.21m, 3L), (late.Items[1].Status, late.Items[1].Reduction.Grams, late.Items[1].Coins));
        Assert.Equal(ActionStatus.Duplicate, Assert.Single(resent.Items).Status);
        Assert.Equal((before.Credited + 3, before.Actions + 1), (after.Credited, after.Actions));
    }
}
