using OpenEts.Application.Allocation;
using OpenEts.Application.Compliance;
using OpenEts.Application.Demo;
using OpenEts.Application.Identity;
using OpenEts.Application.Mrv;
using OpenEts.Application.Offsets;
using OpenEts.Application.Organisations;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Compliance;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

// Compliance surrenders on every database, against the demo's approved 2017 emissions: a refused unit never moves,
// allowances plus offsets make an entity compliant, and concurrent surrenders never pass a cap together.
public abstract partial class StoreContract<TDb>
{
    // Before Guangdong's 2018-06-20 deadline, after the demo's 2017 reports were approved (2018-05-20).
    private static readonly DateTimeOffset SurrenderDay = new(2018, 6, 1, 2, 0, 0, TimeSpan.Zero);

    private sealed class CompliancePlatform(SqlStore store, RegistryService registry, ComplianceHandler handler, ComplianceQueries queries,
        Func<RegistryService, ComplianceQueries> queriesOver)
        : IAsyncDisposable
    {
        /// <summary>The compliance queries over another registry service of the same store (another ledger object).</summary>
        public ComplianceQueries QueriesOver(RegistryService other) => queriesOver(other);

        public SqlStore Store => store;

        public RegistryService Registry => registry;

        public ComplianceHandler Handler => handler;

        public ComplianceQueries Queries => queries;

        public async Task<Actor> ActorAsync(string name)
        {
            var user = await store.ReadAsync(s => s.Users.FindByNameAsync(name), Ct);
            return new Actor(user!.Id, user.UserName, user.Role, user.OrganisationId);
        }

        public Task<ComplianceOutcome> SurrenderAsync(Actor actor, string account, string unitClass, long quantity, string key) =>
            handler.HandleAsync(actor, new SurrenderForCompliance("GD", AccountNumber.From(account), UnitClass.Parse(unitClass),
                AllowanceCount.From(quantity), 2017, IdempotencyKey.From(key)), Ct);

        public Task<long> HeldAsync(string account, string unitClass) =>
            registry.QueryAsync((l, _) => l.QuantityHeld(AccountNumber.From(account), UnitClass.Parse(unitClass)).Value, Ct);

        public async ValueTask DisposeAsync()
        {
            registry.Dispose();
            await store.DisposeAsync();
        }
    }

    // The demo market, registry and approved 2017 reports, and the shipped Guangdong 2017 plan imported and approved
    // (its compliance section is the year's rules); adjust changes those rules for a test.
    private async Task<CompliancePlatform> CompliancePlatformAsync(Func<ComplianceRules, ComplianceRules>? adjust = null)
    {
        var store = await Db.CreateStoreAsync();
        await new DemoMarket(store, new FakeHashing()).SeedIfEmptyAsync(SurrenderDay.AddDays(-10), Ct);
        var registry = new RegistryService(store);
        await new DemoRegistry(registry).SeedIfEmptyAsync(SurrenderDay.AddDays(-10), Ct);
        await new DemoMrv(store).SeedIfEmptyAsync(Ct);
        var clock = new FixedClock(SurrenderDay);
        var registryQueries = new RegistryQueries(registry);
        var mrv = new MrvQueries(store);
        var offsets = new OffsetsQueries(store, registryQueries);
        var plans = new AllocationCommandHandler(store, clock);
        var regulator = await store.ReadAsync(s => s.Users.FindByNameAsync("regulator"), Ct);
        var officer = new Actor(regulator!.Id, regulator.UserName, regulator.Role, regulator.OrganisationId);
        Assert.IsType<AllocationCommandOutcome.Completed>(await plans.HandleAsync(officer, new ImportPlan(PlanJson.Shipped("guangdong-2017")), Ct));
        Assert.IsType<AllocationCommandOutcome.Completed>(await plans.HandleAsync(officer, new ApprovePlan("guangdong-2017", 1), Ct));
        var organisations = new OrganisationService(store);
        var rulebook = new ComplianceRulebook(new AllocationQueries(store, mrv, organisations));
        if (adjust is not null)
        {
            rulebook = new ComplianceRulebook([("GD", 2017, adjust((await rulebook.RulesAsync("GD", 2017, Ct))!))]);
        }
        return new CompliancePlatform(store, registry,
            new ComplianceHandler(registry, registryQueries, mrv, offsets, organisations, rulebook, store, clock),
            new ComplianceQueries(registryQueries, mrv, offsets, organisations, rulebook, store, clock),
            other => new ComplianceQueries(new RegistryQueries(other), mrv, offsets, organisations, rulebook, store, clock));
    }

    [Fact]
    public async Task Compliance_ListAndOwed_ReadBetweenSurrenders_AgreeWithAFreshReplayOfTheYear()
    {
        await using var p = await CompliancePlatformAsync();
        var power = await p.ActorAsync("power-a");
        var steel = await p.ActorAsync("steel-a");

        var first = await p.Queries.ListAsync("GD", 2017, Ct);
        await p.SurrenderAsync(power, "GD-HOLD-POWER", "GDEA-2017", 3_000_000, "kept-allowances");
        var second = await p.Queries.ListAsync("GD", 2017, Ct);
        // A surrender straight into the registry, past the compliance handler: the kept year records it too.
        Assert.IsType<RegistryOutcome.Completed>(await p.Registry.ExecuteAsync(SurrenderDay, l => l.Surrender(RegistryService.UserOf("steel-a"),
            SurrenderDay, IdempotencyKey.From("kept-steel"), AccountNumber.From("GD-HOLD-STEEL"), UnitClass.Parse("GDEA-2017"), 1_000_000, 2017), Ct));
        var third = await p.Queries.ListAsync("GD", 2017, Ct);
        var steelOwed = await p.Queries.OwedAsync(steel, Ct);
        using var other = new RegistryService(p.Store);
        var replayed = await p.QueriesOver(other).ListAsync("GD", 2017, Ct);

        Standing Of(ComplianceList? list, string name) =>
            list!.Rows.Single(r => r.Name == name).Standing is var s ? new(s.Status, s.Surrendered, s.Remaining) : default;
        Assert.Equal(new Standing(ComplianceStatus.Short, 0, 3_049_980), Of(first, "珠江示范发电有限公司"));
        Assert.Equal(new Standing(ComplianceStatus.Short, 3_000_000, 49_980), Of(second, "珠江示范发电有限公司"));
        // Steel owes 2 048 060 units (Compliance_OwnPage_…): 1 048 060 after the million surrendered past the handler.
        var steelRow = third!.Rows.Single(r => r.Standing.Surrendered == 1_000_000).Standing;
        Assert.Equal((ComplianceStatus.Short, 1_048_060L), (steelRow.Status, steelRow.Remaining));
        Assert.Equal(1_048_060L, steelOwed!.Standing.Remaining);
        Assert.Equal(replayed!.Rows.Select(r => (r.Name, r.Standing)), third.Rows.Select(r => (r.Name, r.Standing)));
        Assert.Equal(replayed.ProvinceOffsets, third.ProvinceOffsets);
    }

    private readonly record struct Standing(ComplianceStatus Status, long Surrendered, long Remaining);

    // docs/registry.md: a regulator's correction moves units back out of the surrender account; they then count for
    // nobody's compliance until surrendered again, and the serials count once (the public list, before: still counted).
    [Fact]
    public async Task Compliance_UnitsCorrectedBackOutOfTheSurrenderAccount_NoLongerCount_AndCountOnceWhenSurrenderedAgain()
    {
        await using var p = await CompliancePlatformAsync();
        var power = await p.ActorAsync("power-a");
        var before = await p.HeldAsync("GD-SURRENDER", "GDEA-2017");
        await p.SurrenderAsync(power, "GD-HOLD-POWER", "GDEA-2017", 3_000_000, "corrected-1");
        Assert.IsType<RegistryOutcome.Completed>(await p.Registry.ExecuteAsync(SurrenderDay, l => l.Correct(RegistryService.UserOf("regulator"),
            SurrenderDay, IdempotencyKey.From("corrected-back"), AccountNumber.From("GD-SURRENDER"), AccountNumber.From("GD-HOLD-POWER"),
            UnitClass.Parse("GDEA-2017"), 1_000_000, "surrender entered in error"), Ct));

        var corrected = await p.Queries.ListAsync("GD", 2017, Ct);
        Assert.IsType<ComplianceOutcome.Completed>(await p.SurrenderAsync(power, "GD-HOLD-POWER", "GDEA-2017", 1_000_000, "corrected-2"));
        var again = await p.Queries.ListAsync("GD", 2017, Ct);
        using var other = new RegistryService(p.Store);
        var replayed = await p.QueriesOver(other).ListAsync("GD", 2017, Ct);

        Standing Of(ComplianceList? list) =>
            list!.Rows.Single(r => r.Name == "珠江示范发电有限公司").Standing is var s ? new(s.Status, s.Surrendered, s.Remaining) : default;
        Assert.Equal(new Standing(ComplianceStatus.Short, 2_000_000, 1_049_980), Of(corrected));
        Assert.Equal(new Standing(ComplianceStatus.Short, 3_000_000, 49_980), Of(again));
        Assert.Equal(Of(again), Of(replayed));
        Assert.Equal(before + 3_000_000L, await p.HeldAsync("GD-SURRENDER", "GDEA-2017"));
    }

    // A surrender counts for the entity it was made for: adding a representative of another entity to the account later
    // (whose name sorts first) no longer moves the power company's surrender to that entity on the public list.
    [Fact]
    public async Task Compliance_ARepresentativeOfAnotherEntityAddedAfterASurrender_LeavesTheSurrenderWithItsEntity()
    {
        await using var p = await CompliancePlatformAsync();
        var power = await p.ActorAsync("power-a");
        Assert.IsType<ComplianceOutcome.Completed>(await p.SurrenderAsync(power, "GD-HOLD-POWER", "GDEA-2017", 3_000_000, "kept-entity"));
        var before = await p.Queries.ListAsync("GD", 2017, Ct);

        Assert.IsType<RegistryOutcome.Completed>(await p.Registry.ExecuteAsync(SurrenderDay, l => l.AddRepresentative(
            RegistryService.UserOf("regulator"), SurrenderDay, IdempotencyKey.From("cement-for-power"), AccountNumber.From("GD-HOLD-POWER"),
            RegistryService.UserOf("cement-a")), Ct));
        var after = await p.Queries.ListAsync("GD", 2017, Ct);
        using var other = new RegistryService(p.Store);
        var replayed = await p.QueriesOver(other).ListAsync("GD", 2017, Ct);

        var power2017 = before!.Rows.Single(r => r.Name == "珠江示范发电有限公司").Standing;
        Assert.Equal((ComplianceStatus.Short, 3_000_000L, 49_980L), (power2017.Status, power2017.Surrendered, power2017.Remaining));
        Assert.Equal(before.Rows.Select(r => (r.Name, r.Standing)), after!.Rows.Select(r => (r.Name, r.Standing)));
        Assert.Equal(before.Rows.Select(r => (r.Name, r.Standing)), replayed!.Rows.Select(r => (r.Name, r.Standing)));
    }

    [Fact]
    public async Task Compliance_OwnPage_ReadBetweenSurrenders_ListsEachWithItsRuleAsAFreshReplayDoes()
    {
        await using var p = await CompliancePlatformAsync();
        var steel = await p.ActorAsync("steel-a");

        var before = await p.Queries.OwnAsync(steel, "GD", 2017, Ct);
        await p.SurrenderAsync(steel, "GD-HOLD-STEEL", "GDEA-2017", 1_000_000, "own-allowances");
        var between = await p.Queries.OwnAsync(steel, "GD", 2017, Ct);
        // Hydropower CCER surrendered straight into the registry, past the compliance handler: the page lists it with
        // the rule that keeps it from counting, as a replay of the whole year does.
        Assert.IsType<RegistryOutcome.Completed>(await p.Registry.ExecuteAsync(SurrenderDay, l => l.Surrender(RegistryService.UserOf("steel-a"),
            SurrenderDay, IdempotencyKey.From("own-hydro"), AccountNumber.From("GD-HOLD-STEEL"), UnitClass.Parse("CCER-000202-2015"), 1_000, 2017), Ct));
        var after = await p.Queries.OwnAsync(steel, "GD", 2017, Ct);
        using var other = new RegistryService(p.Store);
        var replayed = await p.QueriesOver(other).OwnAsync(steel, "GD", 2017, Ct);

        Assert.Empty(before!.Surrenders);
        Assert.Equal((1_000_000L, (ComplianceRule?)null), (Assert.Single(between!.Surrenders).Quantity, between.Surrenders[0].NotCounted?.Rule));
        Assert.Equal([(1_000_000L, null), (1_000L, ComplianceRule.ExcludedCategory)],
            after!.Surrenders.Select(s => (s.Quantity, s.NotCounted?.Rule)));
        Assert.Equal((ComplianceStatus.Short, 1_000_000L, 1_048_060L),
            (after.Row.Standing.Status, after.Row.Standing.Surrendered, after.Row.Standing.Remaining));
        Assert.Equal(replayed!.Row.Standing, after.Row.Standing);
        Assert.Equal(replayed.Surrenders.Select(s => (s.From, s.Attributes.Class, s.Quantity, s.At, s.NotCounted?.Rule)),
            after.Surrenders.Select(s => (s.From, s.Attributes.Class, s.Quantity, s.At, s.NotCounted?.Rule)));
        Assert.Equal(replayed.Holdings.Select(h => (h.Account, h.Attributes.Class, h.Held, h.Refusal?.Rule, h.Surrenderable)),
            after.Holdings.Select(h => (h.Account, h.Attributes.Class, h.Held, h.Refusal?.Rule, h.Surrenderable)));
        // The million allowances left may all still count: the entity owes more than it holds.
        Assert.Equal((1_000_000L, 1_000_000L), after.Holdings.Single(h => h.Attributes.Class.ToString() == "GDEA-2017") is var g ? (g.Held, g.Surrenderable) : default);
    }

    [Fact]
    public async Task Compliance_HydropowerCcer_RefusedWithTheRuleAndNothingMovesOrIsJournalled()
    {
        await using var p = await CompliancePlatformAsync();
        var steel = await p.ActorAsync("steel-a");
        var journal = await p.Store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter()), Ct);

        var outcome = await p.SurrenderAsync(steel, "GD-HOLD-STEEL", "CCER-000202-2015", 1_000, "hydro");

        var refused = Assert.IsType<ComplianceOutcome.Refused>(outcome);
        Assert.Equal(("Compliance.ExcludedCategory", "class"), (refused.Rule, refused.Field));
        Assert.Equal(80_000, await p.HeldAsync("GD-HOLD-STEEL", "CCER-000202-2015"));
        Assert.Equal(journal, await p.Store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter()), Ct));
    }

    [Fact]
    public async Task Compliance_FromAnotherEntitysAccount_IsRefusedAsNotTheirsBeforeAnyRuleOfTheYear()
    {
        await using var p = await CompliancePlatformAsync();
        var steel = await p.ActorAsync("steel-a");
        var held = await p.HeldAsync("GD-HOLD-POWER", "GDEA-2017");
        var journal = await p.Store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter()), Ct);

        // 2016 has no approved compliance rules; the account is the power company's, which steel does not represent.
        var otherYear = await p.Handler.HandleAsync(steel, new SurrenderForCompliance("GD", AccountNumber.From("GD-HOLD-POWER"),
            UnitClass.Parse("GDEA-2017"), AllowanceCount.From(1_000), 2016, IdempotencyKey.From("not-mine-2016")), Ct);
        var ruledYear = await p.SurrenderAsync(steel, "GD-HOLD-POWER", "GDEA-2017", 1_000, "not-mine-2017");
        var unknown = await p.SurrenderAsync(steel, "GD-HOLD-NOBODY", "GDEA-2017", 1_000, "nobody");
        var ownWithoutRules = await p.Handler.HandleAsync(steel, new SurrenderForCompliance("GD", AccountNumber.From("GD-HOLD-STEEL"),
            UnitClass.Parse("GDEA-2017"), AllowanceCount.From(1_000), 2016, IdempotencyKey.From("mine-2016")), Ct);

        foreach (var outcome in new[] { otherYear, ruledYear })
        {
            var refused = Assert.IsType<ComplianceOutcome.Refused>(outcome);
            Assert.Equal(("NotRepresentative", "actor", RefusalKind.Forbidden), (refused.Rule, refused.Field, refused.Kind));
        }
        Assert.Equal(("UnknownAccount", "from"), Assert.IsType<ComplianceOutcome.Refused>(unknown) is var u ? (u.Rule, u.Field) : default);
        // Their own account for a year without rules is refused on the year, as before.
        Assert.Equal(("Compliance.NoRules", "complianceYear"),
            Assert.IsType<ComplianceOutcome.Refused>(ownWithoutRules) is var o ? (o.Rule, o.Field) : default);
        Assert.Equal(held, await p.HeldAsync("GD-HOLD-POWER", "GDEA-2017"));
        Assert.Equal(journal, await p.Store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter()), Ct));
    }

    [Fact]
    public async Task Compliance_AllowancesPlusInProvinceOffsets_MakeThePowerCompanyCompliantOnThePublicList()
    {
        await using var p = await CompliancePlatformAsync();
        var power = await p.ActorAsync("power-a");

        var allowances = await p.SurrenderAsync(power, "GD-HOLD-POWER", "GDEA-2017", 3_000_000, "power-allowances");
        var tooMany = await p.SurrenderAsync(power, "GD-HOLD-POWER", "CCER-000101-2016", 49_981, "power-offsets-over");
        var offsets = await p.SurrenderAsync(power, "GD-HOLD-POWER", "CCER-000101-2016", 49_980, "power-offsets");
        var list = await p.Queries.ListAsync("GD", 2017, Ct);

        // By hand: 1 605 000 t raw coal × 1.9002988488 t/t = 3 049 979.652 t approved, owed as 3 049 980 units; the
        // offset cap is 10 % of that, 304 997 t; so 3 000 000 allowances + 49 980 Guangdong wind CCER meet it exactly.
        Assert.IsType<ComplianceOutcome.Completed>(allowances);
        Assert.Equal("Compliance.ExceedsObligation", Assert.IsType<ComplianceOutcome.Refused>(tooMany).Rule);
        var done = Assert.IsType<ComplianceOutcome.Completed>(offsets);
        Assert.Equal((ComplianceStatus.Compliant, 3_049_980L, 0L, 304_997L),
            (done.Status.Status, done.Status.Required, done.Status.Remaining, done.Status.OffsetCap));
        var row = Assert.Single(list!.Rows, r => r.Name == "珠江示范发电有限公司");
        Assert.Equal((ComplianceStatus.Compliant, 3_049_980L), (row.Standing.Status, row.Standing.Surrendered));
        Assert.Equal(5, list.Rows.Count);
        Assert.Equal(4, list.Count(ComplianceStatus.Short));
    }

    [Fact]
    public async Task Compliance_OwnPage_ShowsHoldingsWithEligibilityAndWhatMayBeSurrendered()
    {
        await using var p = await CompliancePlatformAsync();
        var steel = await p.ActorAsync("steel-a");

        var own = await p.Queries.OwnAsync(steel, "GD", 2017, Ct);

        // Steel: 716 000 t coke × 2.860418825 t/t = 2 048 059.8787 t, rounded to 1 kg then up to 2 048 060 units.
        Assert.Equal(2_048_060L, own!.Row.Standing.Required);
        var byClass = own.Holdings.ToDictionary(h => h.Attributes.Class.ToString(), h => (h.Refusal?.Rule, h.Surrenderable));
        Assert.Equal((null, 2_000_000L), byClass["GDEA-2017"]);
        Assert.Equal((ComplianceRule.ExcludedCategory, 0L), byClass["CCER-000202-2015"]);
        Assert.Equal((ComplianceRule.PreCdm, 0L), byClass["CCER-000303-2012"]);
    }

    [Fact]
    public async Task Compliance_Owed_IsTheOwnPagesShortfall_UntilTheObligationIsMet()
    {
        await using var p = await CompliancePlatformAsync();
        var power = await p.ActorAsync("power-a");
        var steel = await p.ActorAsync("steel-a");

        var before = await p.Queries.OwedAsync(power, Ct);
        await p.SurrenderAsync(power, "GD-HOLD-POWER", "GDEA-2017", 3_000_000, "owed-allowances");
        var part = await p.Queries.OwedAsync(power, Ct);
        await p.SurrenderAsync(power, "GD-HOLD-POWER", "CCER-000101-2016", 49_980, "owed-offsets");
        var met = await p.Queries.OwedAsync(power, Ct);
        var steelOwed = await p.Queries.OwedAsync(steel, Ct);
        var steelOwn = await p.Queries.OwnAsync(steel, "GD", 2017, Ct);

        // Power owes 3 049 980 units by Guangdong's 2018-06-20 deadline (not passed on 2018-06-01): 49 980 after the
        // allowances, nothing once the in-province offsets are in. Steel's shortfall is the one its own page shows.
        Assert.Equal(("GD", 2017, new DateOnly(2018, 6, 20), 3_049_980L, false),
            (before!.Jurisdiction, before.Year, before.Deadline, before.Standing.Remaining, before.Standing.PastDeadline));
        Assert.Equal((ComplianceStatus.Short, 49_980L), (part!.Standing.Status, part.Standing.Remaining));
        Assert.Null(met);
        Assert.Equal(steelOwn!.Row.Standing, steelOwed!.Standing);
        Assert.Null(await p.Queries.OwedAsync(await p.ActorAsync("regulator"), Ct));
    }

    [Fact]
    public async Task Compliance_ConcurrentOffsetSurrenders_NeverPassTheProvinceCapTogether()
    {
        await using var p = await CompliancePlatformAsync(rules => rules with { Offsets = rules.Offsets with { ProvinceTotalCap = 100_000 } });
        var power = await p.ActorAsync("power-a");
        var cement = await p.ActorAsync("cement-a");

        var outcomes = await Task.WhenAll(
            Enumerable.Range(0, 10).Select(i => p.SurrenderAsync(power, "GD-HOLD-POWER", "CCER-000101-2016", 15_000, $"p{i}"))
                .Concat(Enumerable.Range(0, 5).Select(i => p.SurrenderAsync(cement, "GD-HOLD-CEMENT", "PHCER-GD0001-2017", 10_000, $"c{i}"))));
        var list = await p.Queries.ListAsync("GD", 2017, Ct);
        var surrendered = await p.Registry.QueryAsync((l, _) =>
            l.SurrendersFor(2017).Sum(s => s.Blocks.Sum(b => b.Count)), Ct);

        var accepted = outcomes.OfType<ComplianceOutcome.Completed>().Sum(c => c.Facts.Quantity.Value);
        Assert.True(accepted <= 100_000, $"{accepted} t accepted against a cap of 100 000 t");
        Assert.True(accepted >= 90_000, $"only {accepted} t accepted: the cap should fill to within one request");
        Assert.All(outcomes.OfType<ComplianceOutcome.Refused>(), r => Assert.Equal("Compliance.ProvinceCap", r.Rule));
        Assert.Equal(accepted, surrendered);
        Assert.Equal(accepted, list!.ProvinceOffsets);
    }
}
