namespace OpenEts.Domain.DualControl.Cards;

/// <summary>
/// The environmental credit grade (环境信用等级) a company's cards leave it with: each card confirmed in the rating year
/// lowers the grade by the rules' levels per card, from the best grade, never below the worst. An escalation is a
/// second card (the red one) and lowers it again; lifting a card does not restore the grade within the year.
/// </summary>
public static class CreditGrade
{
    /// <summary>The grade code after <paramref name="cards"/> cards in the year.</summary>
    public static string After(CardRules rules, int cards)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfNegative(cards);
        var lowered = Math.Min((long)cards * rules.LevelsPerCard.Whole, rules.CreditGrades.Count - 1);
        return rules.CreditGrades[(int)lowered];
    }
}
