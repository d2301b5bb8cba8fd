namespace OpenEts.Domain.DualControl.Cards;

/// <summary>The card a violation earns under a jurisdiction's rules, and the rule line that says so.</summary>
public sealed record CardProposal(CardColour Colour, CardTrigger Trigger);
