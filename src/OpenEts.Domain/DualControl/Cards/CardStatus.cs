namespace OpenEts.Domain.DualControl.Cards;

/// <summary>Where a card is in its life: proposed by the rules, confirmed (in force), lifted, escalated or dismissed.</summary>
public enum CardStatus
{
    /// <summary>Proposed by the jurisdiction's rules from a recorded violation; not yet confirmed by an officer.</summary>
    Proposed = 0,

    /// <summary>Confirmed by an officer with evidence; in force (and on the quarter's list).</summary>
    InForce,

    /// <summary>Lifted after verified rectification (摘牌).</summary>
    Lifted,

    /// <summary>A yellow card not rectified by its deadline, replaced by a red card.</summary>
    Escalated,

    /// <summary>An officer found the proposal unfounded; never in force.</summary>
    Dismissed,
}
