namespace OpenEts.Domain.DualControl.Cards;

/// <summary>The colour of a polluter card (环保红黄牌). A red card is the heavier of the two.</summary>
public enum CardColour
{
    /// <summary>黄牌: production limited or stopped for rectification.</summary>
    Yellow = 0,

    /// <summary>红牌: business stopped or closed.</summary>
    Red,
}
