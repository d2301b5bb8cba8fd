namespace OpenEts.Domain.Registry;

// The exchange's clearing moves: a sell order's units into the clearing account, back on cancel, out to the buyer.
public sealed partial class RegistryLedger
{
    /// <summary>
    /// Moves <paramref name="quantity"/> units (lowest serials first) between a holder's account and a clearing account,
    /// for the exchange: exactly one of <paramref name="from"/> and <paramref name="to"/> is a clearing account, the other
    /// a holding or investor account that <paramref name="actor"/> represents (the trader whose order it serves). Units
    /// leave a holder's account only while it is open; a clearing account pays out to any account that is not closed.
    /// With a <paramref name="mandate"/> (e.g. <c>exchange/client/7</c>) the exchange moves them for a member's client
    /// (客户): the holder's account is linked to the client's trading account, whose opening checked that the account is
    /// the client's, and the client's mandate to the member stands in for the representative check; the event records
    /// the mandate, and <paramref name="actor"/> as the user who moved them.
    /// </summary>
    public RegistryOutcome Clear(
        UserId actor, DateTimeOffset now, IdempotencyKey key,
        AccountNumber from, AccountNumber to, UnitClass unitClass, long quantity, string reference, string? mandate = null)
    {
        if (Earlier(actor, key) is { } earlier)
        {
            return Repeat(earlier, key, Request("clear", actor, from, to, unitClass, quantity, reference));
        }
        if (Lookup(from, "from", out var source) is { } unknownFrom)
        {
            return unknownFrom;
        }
        if (Lookup(to, "to", out var destination) is { } unknownTo)
        {
            return unknownTo;
        }
        if ((CheckClass(unitClass) ?? CheckQuantity(quantity) ?? CheckText(reference, "reference", required: true) ?? CheckText(mandate, "mandate", required: false)) is { } badInput)
        {
            return badInput;
        }
        if ((source.Kind == AccountKind.Clearing) == (destination.Kind == AccountKind.Clearing))
        {
            return Reject(RegistryRejection.AccountKindNotAllowed, "to",
                $"A clearing move is between a clearing account and a holder's account ('{from}' is {source.Kind}, '{to}' is {destination.Kind}).");
        }
        var holder = source.Kind == AccountKind.Clearing ? destination : source;
        if (holder.Kind is not (AccountKind.Holding or AccountKind.Investor))
        {
            return Reject(RegistryRejection.AccountKindNotAllowed, holder == source ? "from" : "to",
                $"The exchange clears for holding and investor accounts; '{holder.Number}' is a {holder.Kind} account.");
        }
        if (mandate is null && CheckRepresentative(holder, actor, holder == source ? "from" : "to") is { } notRepresentative)
        {
            return notRepresentative;
        }
        if ((CheckCanSend(source, "from") ?? CheckNotClosed(destination, "to") ?? CheckHeld(source, unitClass, quantity, "from")) is { } refused)
        {
            return refused;
        }
        var blocks = LowestSerials(from, unitClass, quantity);
        return Commit(new UnitsCleared(now, actor, key, from, to, unitClass, blocks, reference, mandate));
    }
}
