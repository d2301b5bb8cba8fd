using OpenEts.Domain.Cash;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Cash;

/// <summary>One member's cash account as its statement shows it.</summary>
/// <param name="Organisation">The member.</param>
/// <param name="Account">Its account, or null when it has none yet (nothing was ever deposited).</param>
/// <param name="Reservations">Its open reservations, newest first.</param>
/// <param name="Entries">Its movements, newest first (one page).</param>
public sealed record CashStatement(
    Organisation Organisation, CashAccount? Account, IReadOnlyList<CashReservation> Reservations, IReadOnlyList<CashEntry> Entries)
{
    public decimal Balance => Account?.Balance ?? 0m;

    public decimal Reserved => Account?.Reserved ?? 0m;

    public decimal Available => Account?.Available ?? 0m;
}
