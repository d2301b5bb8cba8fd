using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>One registry event touching an account, flattened from its facts for history tables and exports.</summary>
/// <param name="Sequence">The journal sequence number.</param>
/// <param name="Kind">The event's journal kind, e.g. <c>registry.transfer.executed</c>.</param>
/// <param name="Class">The unit class involved; null when none.</param>
/// <param name="Quantity">Units created, moved or proposed (tonnes); null when the event involves no units.</param>
/// <param name="Blocks">Serial blocks moved, as <c>first-last</c>, space-separated; empty when none moved.</param>
/// <param name="Proposal">The transfer proposal the event belongs to; null when none.</param>
/// <param name="Event">The event itself.</param>
public sealed record RegistryHistoryRow(
    long Sequence, DateTimeOffset At, string Actor, string Kind, string? Class, string? From, string? To, long? Quantity,
    string Blocks, long? Proposal, RegistryEvent Event)
{
    /// <summary>
    /// The row of <paramref name="record"/>, its facts read against <paramref name="ledger"/>: in
    /// <paramref name="account"/>'s history when given, so an issuance split between owner and buffer shows the share
    /// that reached that account.
    /// </summary>
    public static RegistryHistoryRow Of(RegistryLedger ledger, RegistryRecord record, AccountNumber? account = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(record);
        var e = record.Event;
        var f = account is { } a ? e.FactsFor(ledger, a) : e.Facts(ledger);
        return new RegistryHistoryRow(record.Sequence, e.At, e.Actor.Value, RegistryEventJson.KindOf(e), f.Class?.ToString(),
            f.From?.Value, f.To?.Value, f.Class is null ? null : f.Quantity.Value, string.Join(' ', f.Blocks), f.Proposal?.Value, e)
        {
            Facts = f,
            ProposalState = f.Proposal is { } proposal ? ledger.FindProposal(proposal)?.State : null,
        };
    }

    /// <summary>
    /// The units that moved in this event (tonnes): <see cref="Quantity"/> when serial blocks moved, null when none did (a
    /// transfer proposed and not yet approved, a rejection, an expiry). A statement sums this, not <see cref="Quantity"/>.
    /// </summary>
    public long? Moved => Facts.Blocks.Count > 0 ? Quantity : null;

    /// <summary>Where the row's transfer proposal is now (pending, executed, rejected, expired); null when it names none.</summary>
    public ProposalState? ProposalState { get; init; }

    /// <summary>The event's facts, read against the registry when the row was made.</summary>
    public RegistryEventFacts Facts { get; init; } = null!;
}
