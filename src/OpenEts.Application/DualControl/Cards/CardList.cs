using OpenEts.Domain.DualControl.Cards;

namespace OpenEts.Application.DualControl.Cards;

/// <summary>
/// A jurisdiction's public card list for a quarter (季度红黄牌名单): the cards in force at any time in the quarter and the
/// companies under 挂牌督办, as published (or as it would be, in the regulator's preview). <see cref="Due"/> is the last
/// day to publish in time; <see cref="Late"/> says it was published after it.
/// </summary>
public sealed record CardList(string Jurisdiction, Quarter Quarter, DateOnly Due, IReadOnlyList<CardListRow> Rows,
    IReadOnlyList<SupervisedCompany> Supervised, DateTimeOffset? PublishedAt, string? PublishedBy)
{
    public bool Published => PublishedAt is not null;

    /// <summary>True when published after <see cref="Due"/> (Beijing day).</summary>
    public bool Late => PublishedAt is { } at && CardsTime.DayOf(at) > Due;
}
