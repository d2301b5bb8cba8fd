namespace OpenEts.Domain.DualControl.Cards;

/// <summary>
/// The card's life rules: a proposal may be confirmed or dismissed; a card in force may be lifted after verified
/// rectification; a yellow card in force past its deadline, unrectified, escalates to red when the rules say so.
/// </summary>
public static class CardLife
{
    /// <summary>True when a card in <paramref name="status"/> may be confirmed or dismissed.</summary>
    public static bool MayDecide(CardStatus status) => status == CardStatus.Proposed;

    /// <summary>True when a card in <paramref name="status"/> may be lifted.</summary>
    public static bool MayLift(CardStatus status) => status == CardStatus.InForce;

    /// <summary>
    /// True when the card must escalate on <paramref name="today"/>: yellow, in force, its deadline passed (the deadline day
    /// itself still counts as in time), and the rules escalate.
    /// </summary>
    public static bool IsOverdue(CardRules rules, CardColour colour, CardStatus status, DateOnly? deadline, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.YellowEscalates.Value == 1m && colour == CardColour.Yellow && status == CardStatus.InForce
            && deadline is { } d && today > d;
    }

    /// <summary>True when a card confirmed on <paramref name="confirmedOn"/> and ended on <paramref name="endedOn"/> was in force during <paramref name="quarter"/>.</summary>
    public static bool InForceDuring(DateOnly? confirmedOn, DateOnly? endedOn, Quarter quarter) =>
        confirmedOn is { } c && c <= quarter.End && (endedOn is not { } e || e >= quarter.Start);
}
