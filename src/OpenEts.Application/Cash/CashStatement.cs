using OpenEts.Domain.Cash;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Cash;

/// <summary>One member's cash account as its statement shows it.</summary>
/// <param name="Organisation">The member.</param>
/// <param name="Account">Its account, or null when it has none yet (nothing was ever deposited).</param>
/// <param name="Reservations">Its open reservations, newest first.</param>
/// <param name="Entries">Its movements, newest first (one page).</param>
/// <param name="FeeAccounts">The exchange's fee accounts: a payment to one is a fee, whichever way it was paid.</param>
/// <param name="BalancesAfter">The account's balance after each of <paramref name="Entries"/>, in their order.</param>
/// <param name="Page">The page of movements shown, from 0 (the newest).</param>
/// <param name="Pages">How many pages the movements fill (at least 1).</param>
public sealed record CashStatement(
    Organisation Organisation, CashAccount? Account, IReadOnlyList<CashReservation> Reservations, IReadOnlyList<CashEntry> Entries,
    IReadOnlySet<long>? FeeAccounts = null, IReadOnlyList<decimal>? BalancesAfter = null, int Page = 0, int Pages = 1)
{
    /// <summary>
    /// What a movement is to the member: a fee when it pays the exchange's fee account (a buyer's fee is paid from its
    /// order's reservation, as a settlement, and a seller's from its available money, as a fee), else its ledger kind.
    /// </summary>
    public CashEntryKind KindOf(CashEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return FeeAccounts?.Contains(entry.To) == true ? CashEntryKind.Fee : entry.Kind;
    }

    /// <summary>The account's balance after <see cref="Entries"/>[<paramref name="index"/>] (today's when none were read).</summary>
    public decimal BalanceAfter(int index) => BalancesAfter is { } after ? after[index] : Balance;

    /// <summary>Whether a movement paid money into the account (else out of it).</summary>
    public bool Incoming(CashEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Account is { } own && entry.To == own.Id;
    }

    public decimal Balance => Account?.Balance ?? 0m;

    public decimal Reserved => Account?.Reserved ?? 0m;

    public decimal Available => Account?.Available ?? 0m;
}
