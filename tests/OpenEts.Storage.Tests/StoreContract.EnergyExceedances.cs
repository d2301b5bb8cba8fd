using OpenEts.Application.DualControl.Cards;
using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Application.Storage;
using OpenEts.Domain.DualControl.Cards;
using OpenEts.Domain.DualControl.Monitoring;

namespace OpenEts.Storage.Tests;

// Cards proposed straight from online monitoring, on every database: a meter's permitted daily use, the days its
// readings summed above it, one violation per meter and month with the readings as evidence, and no second proposal.
public abstract partial class StoreContract<TDb>
{
    private static readonly DateOnly Nov28 = new(2026, 11, 28), Nov29 = new(2026, 11, 29);

    private async Task<(MeterWorld World, CardsCommandHandler Cards)> ExceedanceWorldAsync()
    {
        var w = await MeterWorldAsync();
        Assert.True(SetMeterLimit.TryParse(new SetMeterLimit.Form("SG-E1", 240m, "排污许可证 91440200MA5CY1003 (demo)"), out var limit, out _));
        Done(await w.Handler.HandleAsync(w.Regulator, limit, Ct));
        // SG-E1: 24 × 12.5 = 300 kWh on the 28th (over 240), 24 × 10 = 240 on the 29th (at the limit, not over);
        // BJ-E1 has no limit: 300 kWh is no exceedance.
        Done(await w.Handler.HandleAsync(w.Steel, Hours("s28", "SG-E1", Nov28, 24, 12.5m), Ct));
        Done(await w.Handler.HandleAsync(w.Steel, Hours("s29", "SG-E1", Nov29, 24, 10m), Ct));
        Done(await w.Handler.HandleAsync(w.Cement, Hours("c28", "BJ-E1", Nov28, 24, 12.5m), Ct));
        return (w, new CardsCommandHandler(w.Store, CardRuleSets.Shipped, new FixedClock(MeterNow)));
    }

    private static ProposeFromMonitoring Propose(string jurisdiction = "tianjin")
    {
        Assert.True(ProposeFromMonitoring.TryParse(new ProposeFromMonitoring.Form(jurisdiction, "2026-11-01", "2026-11-30"), CardRuleSets.Shipped,
            out var command, out var errors), string.Join("; ", errors.Select(e => e.Message)));
        return command;
    }

    [Fact]
    public async Task CardsFromMonitoring_DayOverTheMeterLimit_ProposesAYellowCardWithTheReadingsAsEvidence()
    {
        var (w, cards) = await ExceedanceWorldAsync();
        await using var _ = w;

        var result = (MonitoringProposals)Assert.IsType<CardsCommandOutcome.Completed>(await cards.HandleAsync(w.Regulator, Propose(), Ct)).Result;

        var proposed = Assert.Single(result.Proposed);
        var v = proposed.Violation;
        Assert.Equal((ViolationKind.TotalLoadExceedance, Nov28, 300m, 240m, "kWh"), (v.Kind, v.ObservedOn, v.Measured, v.Limit, v.Unit));
        Assert.Equal("韶关钢铁", v.OrganisationName);
        Assert.Contains("2026-11-28 300.000 kWh（24 个读数）", v.Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-11-29", v.Evidence, StringComparison.Ordinal);
        Assert.Equal((CardColour.Yellow, CardStatus.Proposed), (proposed.Proposed!.Colour, proposed.Proposed.Status));
        var journal = await w.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: "cards.violation"), 0, 10), Ct);
        Assert.Contains("SG-E1", Assert.Single(journal).Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardsFromMonitoring_RunTwice_ProposesNothingTheSecondTime()
    {
        var (w, cards) = await ExceedanceWorldAsync();
        await using var _ = w;
        await cards.HandleAsync(w.Regulator, Propose(), Ct);

        var again = (MonitoringProposals)Assert.IsType<CardsCommandOutcome.Completed>(await cards.HandleAsync(w.Regulator, Propose("jiangxi"), Ct)).Result;

        Assert.Empty(again.Proposed);
        Assert.Equal(1, again.Skipped);
        Assert.Single(await w.Store.ReadAsync(s => s.EnergyCards.CardsAsync(null), Ct));
    }

    [Fact]
    public async Task CardsFromMonitoring_Company_IsForbiddenAndSeesOnlyItsOwnExceedances()
    {
        var (w, cards) = await ExceedanceWorldAsync();
        await using var _ = w;

        var outcome = await cards.HandleAsync(w.Steel, Propose(), Ct);

        Assert.IsType<CardsCommandOutcome.Forbidden>(outcome);
        Assert.Equal([Nov28], (await w.Queries.ExceedancesAsync(w.Steel, Nov28, Nov29, Ct))!.Select(e => e.Day).ToArray());
        Assert.Empty((await w.Queries.ExceedancesAsync(w.Cement, Nov28, Nov29, Ct))!);
    }
}
