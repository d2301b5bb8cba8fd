using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.DualControl.Cards;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Cards;

/// <summary>
/// Demo polluter cards, seeded with the demo market (inside its transaction, journalled as the system with source demo):
/// the demo cement plant's SO2 exceedance (a serious one: 120 against 50 mg/m³) with its yellow card confirmed, and the
/// demo steel works' total-load exceedance with a yellow card proposed and awaiting an officer, and the cards the rules
/// propose from the demo's online monitoring (<see cref="ProposeFromMonitoring"/>: the power plant's SO2 daily mean over
/// its limit, a 超标 violation with a yellow card awaiting an officer). Tianjin's example rules.
/// </summary>
public static class DemoCards
{
    private const string Rules = "tianjin";

    public static async Task SeedAsync(IStoreSession s, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(s);
        var today = CardsTime.DayOf(now);
        var rules = CardRuleSets.Shipped.InForce(Rules, today)!;
        var cement = await s.Organisations.FindByCodeAsync(Code("91441800MA5CY1002")).ConfigureAwait(false);
        var steel = await s.Organisations.FindByCodeAsync(Code("91440200MA5CY1003")).ConfigureAwait(false);
        if (cement is null || steel is null)
        {
            return;
        }
        var so2 = await RecordAsync(s, now, rules, cement, ViolationKind.ConcentrationExceedance, today.AddDays(-20), "SO2", 120m, 50m, "mg/m³",
            "在线监测 CEMS 小时均值（演示）").ConfigureAwait(false);
        var confirmedOn = today.AddDays(-18);
        var confirmed = so2 with
        {
            Status = CardStatus.InForce, ConfirmedOn = confirmedOn, ConfirmedBy = Actor.System.UserName, ConfirmEvidence = "现场检查笔录（演示）",
            Deadline = rules.DeadlineFor(CardColour.Yellow, confirmedOn),
        };
        await s.EnergyCards.UpdateCardAsync(confirmed).ConfigureAwait(false);
        await s.Journal.AppendAsync(now, Actor.System.UserName, "cards.card.confirmed", cement.Code.Value,
            Json.Object(("details", new { card = confirmed.Id, colour = confirmed.Colour.ToString(), deadline = confirmed.Deadline }), ("source", "demo")))
            .ConfigureAwait(false);
        await RecordAsync(s, now, rules, steel, ViolationKind.TotalLoadExceedance, today.AddDays(-5), "NOx 年排放总量", 1_260m, 1_200m, "t",
            "排污许可执行报告（演示）").ConfigureAwait(false);
        if (await new ProposeFromMonitoring(Rules, null, null, null).ExecuteAsync(new CardsWork(s, Actor.System, now, CardRuleSets.Shipped)).ConfigureAwait(false)
            is not CardsCommandOutcome.Completed)
        {
            throw new InvalidOperationException("The demo's cards from monitoring were refused");
        }
    }

    private static CreditCode Code(string first17) => CreditCode.Parse(first17 + CreditCode.CheckCharacter(first17)).Code;

    private static async Task<CardRecord> RecordAsync(IStoreSession s, DateTimeOffset now, CardRules rules, Organisation org, ViolationKind kind,
        DateOnly observed, string parameter, decimal measured, decimal limit, string unit, string evidence)
    {
        var v = await s.EnergyCards.InsertViolationAsync(new ViolationRecord(0, org.Id, org.Code.Value, org.Name, rules.Id, kind, observed, parameter,
            measured, limit, unit, null, rules.IsSerious(measured, limit), evidence, now, Actor.System.UserName)).ConfigureAwait(false);
        var proposal = rules.Propose(kind, null) ?? throw new InvalidOperationException($"{rules.Id} proposes no card for {kind}");
        var card = await s.EnergyCards.InsertCardAsync(new CardRecord(0, v.Id, org.Id, org.Code.Value, org.Name, rules.Id, proposal.Colour,
            CardStatus.Proposed, proposal.Trigger.Source, now, null, null, null, null, null, null, null, null)).ConfigureAwait(false);
        await s.Journal.AppendAsync(now, Actor.System.UserName, "cards.violation.recorded", org.Code.Value,
            Json.Object(("details", new { violation = v.Id, rules = rules.Id, kind = kind.ToString(), measured, limit, unit, card = card.Id }),
                ("source", "demo"))).ConfigureAwait(false);
        return card;
    }
}
