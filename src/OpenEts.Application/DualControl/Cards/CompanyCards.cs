namespace OpenEts.Application.DualControl.Cards;

/// <summary>A company's card history: violations, cards, its environmental credit grade this year, and quarters under 挂牌督办.</summary>
public sealed record CompanyCards(string OrganisationCode, string OrganisationName, IReadOnlyList<ViolationRecord> Violations,
    IReadOnlyList<CardRecord> Cards, string CreditGrade, int CardsThisYear, IReadOnlyList<string> SupervisedQuarters);
