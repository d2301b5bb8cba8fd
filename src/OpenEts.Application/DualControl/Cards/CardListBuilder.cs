using OpenEts.Domain.DualControl.Cards;

namespace OpenEts.Application.DualControl.Cards;

/// <summary>Builds a jurisdiction's quarter list from its cards and violations by the rules in force at the quarter's end.</summary>
public static class CardListBuilder
{
    public static CardList Build(CardRules rules, Quarter quarter, IEnumerable<CardRecord> cards, IEnumerable<ViolationRecord> violations)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var mine = cards.Where(c => c.Rules.StartsWith(rules.Code + "-", StringComparison.Ordinal)
            && c.Status is CardStatus.InForce or CardStatus.Lifted or CardStatus.Escalated
            && CardLife.InForceDuring(c.ConfirmedOn, c.EndedOn, quarter));
        var rows = mine
            .Select(c => new CardListRow(c.OrganisationCode, c.OrganisationName, c.Id, c.Colour, c.ConfirmedOn!.Value,
                c.EndedOn is not { } e || e > quarter.End, c.Trigger))
            .OrderByDescending(r => r.Colour).ThenBy(r => r.OrganisationCode, StringComparer.Ordinal).ThenBy(r => r.Card)
            .ToList();
        var supervised = violations
            .Where(v => v.Rules.StartsWith(rules.Code + "-", StringComparison.Ordinal) && v.IsExceedance && v.Serious)
            .GroupBy(v => (v.OrganisationCode, v.OrganisationName))
            .Where(g => ListedSupervision.Applies(g.Select(v => Quarter.Of(v.ObservedOn)), quarter, rules.SupervisionQuarters.Whole))
            .Select(g => new SupervisedCompany(g.Key.OrganisationCode, g.Key.OrganisationName))
            .OrderBy(s => s.OrganisationCode, StringComparer.Ordinal)
            .ToList();
        return new CardList(rules.Code, quarter, quarter.PublishBy(rules.ListWithinMonths.Whole), rows, supervised, null, null);
    }
}
