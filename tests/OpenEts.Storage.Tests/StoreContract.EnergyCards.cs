using OpenEts.Application.DualControl.Cards;
using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.DualControl.Cards;
using OpenEts.Domain.Organisations;

namespace OpenEts.Storage.Tests;

// Polluter cards through their use cases, on every database: a violation proposes a card, an officer confirms it, the
// yellow card escalates to red after its deadline, a card is lifted, a quarter's list is published once with 挂牌督办,
// and every field round-trips (exact decimals, days, nulls).
public abstract partial class StoreContract<TDb>
{
    private static readonly string CardsCement = Code("91440600MA5CY1004");

    private sealed record CardsWorld(SqlStore Store, MovableClock Clock, CardsCommandHandler Handler, CardsQueries Queries,
        Func<string, Task<Actor>> ActorOf) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await Store.DisposeAsync();
    }

    private async Task<CardsWorld> CardsWorldAsync(DateTimeOffset now)
    {
        var (store, actorOf) = await MrvMarketAsync(Db);
        var clock = new MovableClock(now);
        return new CardsWorld(store, clock, new CardsCommandHandler(store, CardRuleSets.Shipped, clock),
            new CardsQueries(store, CardRuleSets.Shipped, clock), actorOf);
    }

    private static RecordViolation Exceedance(string observedOn, decimal measured, decimal limit = 50m)
    {
        Assert.True(RecordViolation.TryParse(new RecordViolation.Form(CardsCement, "tianjin", "concentrationExceedance", observedOn, "SO2",
            measured, limit, "mg/m³", null, "online monitor CEMS-7 hourly average"), CardRuleSets.Shipped, out var command, out var errors),
            string.Join("; ", errors.Select(e => e.Message)));
        return command;
    }

    private static T Result<T>(CardsCommandOutcome outcome) => (T)Assert.IsType<CardsCommandOutcome.Completed>(outcome).Result;

    [Fact]
    public async Task EnergyCards_RecordThenConfirm_RoundTripsEveryFieldAndJournalsEachStep()
    {
        await using var w = await CardsWorldAsync(new DateTimeOffset(2026, 2, 10, 2, 0, 0, TimeSpan.Zero));
        var officer = await w.ActorOf("regulator");

        var recorded = Result<RecordedViolation>(await w.Handler.HandleAsync(officer, Exceedance("2026-02-09", 123.456m), Ct));
        var confirmed = Result<CardRecord>(await w.Handler.HandleAsync(officer, new DecideCard(recorded.Proposed!.Id, true, "inspection report 2026-017"), Ct));

        var violations = await w.Store.ReadAsync(s => s.EnergyCards.ViolationsAsync(null), Ct);
        var v = Assert.Single(violations, x => x.Id == recorded.Violation.Id);
        Assert.Equal(recorded.Violation, v);
        Assert.Equal(123.456m, v.Measured);
        Assert.True(v.Serious);
        Assert.Equal("佛山示范纸业有限公司", v.OrganisationName);
        var stored = await w.Store.ReadAsync(s => s.EnergyCards.FindCardAsync(confirmed.Id), Ct);
        Assert.Equal(confirmed, stored);
        Assert.Equal(CardStatus.InForce, stored!.Status);
        Assert.Equal(CardColour.Yellow, stored.Colour);
        Assert.Equal(new DateOnly(2026, 5, 11), stored.Deadline);
        var journal = await w.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: "cards.", Subject: CardsCement), 0, 10), Ct);
        Assert.Equal(["cards.card.confirmed", "cards.violation.recorded"], journal.Select(j => j.Kind).ToArray());
        Assert.All(journal, j => Assert.Equal(CardsCement, j.Subject));
    }

    [Fact]
    public async Task EnergyCards_YellowPastItsDeadline_EscalatesToRedOnceAndLowersTheGradeTwice()
    {
        await using var w = await CardsWorldAsync(new DateTimeOffset(2026, 2, 10, 2, 0, 0, TimeSpan.Zero));
        var officer = await w.ActorOf("regulator");
        var recorded = Result<RecordedViolation>(await w.Handler.HandleAsync(officer, Exceedance("2026-02-09", 60m), Ct));
        await w.Handler.HandleAsync(officer, new DecideCard(recorded.Proposed!.Id, true, "inspection"), Ct);

        w.Clock.Now = new DateTimeOffset(2026, 5, 11, 2, 0, 0, TimeSpan.Zero);
        var onDeadline = Result<List<CardRecord>>(await w.Handler.HandleAsync(officer, new EscalateOverdue(), Ct));
        w.Clock.Now = new DateTimeOffset(2026, 5, 12, 2, 0, 0, TimeSpan.Zero);
        var dayAfter = Result<List<CardRecord>>(await w.Handler.HandleAsync(officer, new EscalateOverdue(), Ct));
        var again = Result<List<CardRecord>>(await w.Handler.HandleAsync(officer, new EscalateOverdue(), Ct));

        Assert.Empty(onDeadline);
        var red = Assert.Single(dayAfter);
        Assert.Empty(again);
        Assert.Equal(CardColour.Red, red.Colour);
        Assert.Equal(recorded.Proposed.Id, red.EscalatedFrom);
        var company = await w.Queries.CompanyAsync(officer, CardsCement, Ct);
        Assert.Equal([CardStatus.Escalated, CardStatus.InForce], company!.Cards.Select(c => c.Status).ToArray());
        Assert.Equal(2, company.CardsThisYear);
        Assert.Equal("yellow", company.CreditGrade);
    }

    [Fact]
    public async Task EnergyCards_LiftTwice_SecondIsRefusedAndTheCompanySeesOnlyItsOwn()
    {
        await using var w = await CardsWorldAsync(new DateTimeOffset(2026, 2, 10, 2, 0, 0, TimeSpan.Zero));
        var officer = await w.ActorOf("regulator");
        var recorded = Result<RecordedViolation>(await w.Handler.HandleAsync(officer, Exceedance("2026-02-09", 60m), Ct));
        await w.Handler.HandleAsync(officer, new DecideCard(recorded.Proposed!.Id, true, "inspection"), Ct);

        var lifted = Result<CardRecord>(await w.Handler.HandleAsync(officer, new LiftCard(recorded.Proposed.Id, "re-test 2026-03-01 below limit"), Ct));
        var twice = await w.Handler.HandleAsync(officer, new LiftCard(recorded.Proposed.Id, "again"), Ct);

        Assert.Equal(CardStatus.Lifted, lifted.Status);
        Assert.Equal("CardNotInForce", Assert.IsType<CardsCommandOutcome.Refused>(twice).Rule);
        Assert.NotNull(await w.Queries.CompanyAsync(await w.ActorOf("paper-a"), CardsCement, Ct));
        Assert.Null(await w.Queries.CompanyAsync(await w.ActorOf("steel-a"), CardsCement, Ct));
        Assert.IsType<CardsCommandOutcome.Forbidden>(await w.Handler.HandleAsync(await w.ActorOf("paper-a"), new LiftCard(recorded.Proposed.Id, "x"), Ct));
    }

    [Fact]
    public async Task EnergyCards_DemoMarket_SeedsAConfirmedYellowCardAndAProposalJournalled()
    {
        await using var w = await CardsWorldAsync(Now);

        var cards = await w.Queries.CardsAsync(await w.ActorOf("auditor"), Ct);
        var journal = await w.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: "cards."), 0, 10), Ct);

        // The cement plant's confirmed card, the steel works' proposal, and the power plant's from its SO2 meter's daily mean.
        Assert.Equal([(CardColour.Yellow, CardStatus.InForce), (CardColour.Yellow, CardStatus.Proposed), (CardColour.Yellow, CardStatus.Proposed)],
            cards!.Select(c => (c.Colour, c.Status)).ToArray());
        Assert.Equal(4, journal.Count); // two recorded violations, one confirmation, the cards proposed from monitoring
        Assert.Null(await w.Queries.CardsAsync(await w.ActorOf("cement-a"), Ct));
    }

    [Fact]
    public async Task EnergyCards_TwoQuartersOfSeriousExceedance_ListPublishedOnceWithListedSupervision()
    {
        await using var w = await CardsWorldAsync(new DateTimeOffset(2026, 5, 10, 2, 0, 0, TimeSpan.Zero));
        var officer = await w.ActorOf("regulator");
        var q1 = Result<RecordedViolation>(await w.Handler.HandleAsync(officer, Exceedance("2026-03-20", 150m), Ct));
        await w.Handler.HandleAsync(officer, new DecideCard(q1.Proposed!.Id, true, "inspection Q1"), Ct);
        await w.Handler.HandleAsync(officer, Exceedance("2026-05-09", 140m), Ct);

        var early = await w.Handler.HandleAsync(officer, new PublishCardList("tianjin", Quarter.From(2026, 2)), Ct);
        w.Clock.Now = new DateTimeOffset(2026, 7, 15, 2, 0, 0, TimeSpan.Zero);
        var list = Result<CardList>(await w.Handler.HandleAsync(officer, new PublishCardList("tianjin", Quarter.From(2026, 2)), Ct));
        var twice = await w.Handler.HandleAsync(officer, new PublishCardList("tianjin", Quarter.From(2026, 2)), Ct);

        Assert.Equal("QuarterNotOver", Assert.IsType<CardsCommandOutcome.Refused>(early).Rule);
        Assert.Equal("ListPublished", Assert.IsType<CardsCommandOutcome.Refused>(twice).Rule);
        var row = Assert.Single(list.Rows);
        Assert.Equal(q1.Proposed.Id, row.Card);
        Assert.True(row.InForceAtEnd);
        Assert.Equal(CardsCement, Assert.Single(list.Supervised).OrganisationCode);
        Assert.Equal(new DateOnly(2026, 7, 31), list.Due);
        Assert.False(list.Late);
        var stored = await w.Queries.PublishedAsync("tianjin", Quarter.From(2026, 2), Ct);
        Assert.Equal(list.Rows, stored!.Rows);
        Assert.Equal(list.Supervised, stored.Supervised);
        Assert.Equal(list.PublishedAt!.Value.ToUnixTimeMilliseconds(), stored.PublishedAt!.Value.ToUnixTimeMilliseconds());
    }
}
