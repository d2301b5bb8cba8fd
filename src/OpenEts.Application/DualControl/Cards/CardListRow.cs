using OpenEts.Domain.DualControl.Cards;

namespace OpenEts.Application.DualControl.Cards;

/// <summary>One card on a quarter's public list, and whether it was still in force at the quarter's end.</summary>
public sealed record CardListRow(string OrganisationCode, string OrganisationName, long Card, CardColour Colour, DateOnly ConfirmedOn,
    bool InForceAtEnd, string Trigger);
