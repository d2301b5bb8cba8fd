using OpenEts.Application.DualControl.Cards;
using OpenEts.Domain.DualControl.Cards;

namespace OpenEts.Application.Storage;

/// <summary>
/// Polluter cards' tables: recorded violations, cards (proposed, in force, lifted, escalated, dismissed) and the
/// published quarterly lists (rows kept as published). Organisation code and name are read with each row. Only
/// <see cref="CardsCommandHandler"/> writes them and only <see cref="CardsQueries"/> reads them for others.
/// </summary>
public interface IEnergyCardData
{
    /// <summary>Inserts a violation and returns it with its id.</summary>
    Task<ViolationRecord> InsertViolationAsync(ViolationRecord violation);

    /// <summary>Violations of one organisation (null: all), oldest first.</summary>
    Task<IReadOnlyList<ViolationRecord>> ViolationsAsync(long? organisationId);

    /// <summary>The (meter, month yyyyMM) pairs a violation has been recorded from online monitoring for.</summary>
    Task<IReadOnlyList<(long MeterId, int Month)>> MonitoringSourcesAsync();

    /// <summary>Records that <paramref name="violationId"/> was recorded from a meter's exceedances in a month.</summary>
    Task InsertMonitoringSourceAsync(long meterId, int month, long violationId);

    /// <summary>Inserts a card and returns it with its id.</summary>
    Task<CardRecord> InsertCardAsync(CardRecord card);

    /// <summary>The card with this id, or null.</summary>
    Task<CardRecord?> FindCardAsync(long id);

    /// <summary>Writes a card's status, confirmation, deadline and end.</summary>
    Task UpdateCardAsync(CardRecord card);

    /// <summary>Cards of one organisation (null: all), oldest first.</summary>
    Task<IReadOnlyList<CardRecord>> CardsAsync(long? organisationId);

    /// <summary>Stores a published list; false (nothing written) when the jurisdiction's list of the quarter is published already.</summary>
    Task<bool> InsertListAsync(CardList list);

    /// <summary>The published list of a jurisdiction and quarter, or null.</summary>
    Task<CardList?> FindListAsync(string jurisdiction, Quarter quarter);

    /// <summary>Every published list, newest quarter first.</summary>
    Task<IReadOnlyList<CardList>> ListsAsync();
}
