using OpenEts.Domain.Quantities;

namespace OpenEts.Domain.Registry;

/// <summary>
/// What a registry event touches, told by the event itself, so that history, the audit subject, texts and exports read
/// these fields instead of switching on the event's type.
/// </summary>
/// <param name="Accounts">Every account the event names, directly or through its proposal; empty for none.</param>
/// <param name="Subject">The one account the event is about (the journal entry's subject); null for none.</param>
/// <param name="From">Where units leave (or would leave, for a proposal); null when no units are involved.</param>
/// <param name="To">Where units enter (or would enter); null when no units are involved.</param>
/// <param name="Class">The unit class involved; null when none.</param>
/// <param name="Quantity">The units created, moved or proposed (tonnes CO2e); zero when none.</param>
/// <param name="Blocks">The serials created or moved, sorted; empty when none moved (a proposal moves none).</param>
/// <param name="Proposal">The transfer proposal the event belongs to; null when none.</param>
public sealed record RegistryEventFacts(
    IReadOnlyList<AccountNumber> Accounts, AccountNumber? Subject, AccountNumber? From, AccountNumber? To,
    UnitClass? Class, AllowanceCount Quantity, IReadOnlyList<SerialBlock> Blocks, ProposalId? Proposal)
{
    /// <summary>An event about one account that moves no units.</summary>
    public static RegistryEventFacts About(AccountNumber account) =>
        new([account], account, null, null, null, AllowanceCount.Zero, [], null);

    /// <summary>An event that moves <paramref name="blocks"/> of one class; the subject is <paramref name="subject"/>.</summary>
    public static RegistryEventFacts Movement(
        AccountNumber from, AccountNumber to, UnitClass unitClass, IReadOnlyList<SerialBlock> blocks, AccountNumber subject,
        ProposalId? proposal = null)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var sum = 0L;
        foreach (var block in blocks)
        {
            sum = checked(sum + block.Count);
        }
        return new([from, to], subject, from, to, unitClass, AllowanceCount.From(sum), blocks, proposal);
    }

    /// <summary>
    /// An event that names only a proposal (a rejection, an expiry): its accounts, class and quantity are the
    /// proposal's, found in <paramref name="ledger"/>; the subject is the proposal's source.
    /// </summary>
    public static RegistryEventFacts OfProposal(ProposalId proposal, RegistryLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.FindProposal(proposal) is { } p
            ? new([p.From, p.To], p.From, p.From, p.To, p.Class, AllowanceCount.From(p.Quantity), [], proposal)
            : new([], null, null, null, null, AllowanceCount.Zero, [], proposal);
    }
}
