using System.Globalization;
using OpenEts.Application.Storage;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Cash;

/// <summary>
/// The cash ledger's writes inside one store transaction (the caller's): every movement is one double entry (one
/// account debited, another credited by the same amount, by <see cref="CashMoves"/>), the two balances, and its
/// <c>cash.*</c> journal entry, all in the caller's transaction. Deposits and withdrawals are the only movements against
/// the external bank account, so the money inside the platform changes only by them. Every operation is idempotent by
/// its key: a repeat with the same key and the same request is reported as a duplicate and changes nothing; the same key
/// for a different request is refused (<see cref="CashRejection.KeyReused"/>).
/// </summary>
/// <remarks>
/// The cash command handler uses it for deposits and withdrawals, the auction for bids and settlement, and the exchange
/// will use it for orders and delivery-versus-payment: the ledger has one writer's rules whoever calls it.
/// </remarks>
public sealed class CashLedger(IStoreSession session, string actor, DateTimeOffset now, JournalPayload? payload = null)
{
    // The journal payloads, written as UTF-8 into one reused buffer (CashPayloads): the caller's, when it runs many ledgers
    // one after another (the exchange, a ledger an order), or the ledger's own.
    private readonly JournalPayload _payload = payload ?? new();

    /// <summary>Money in from the bank (a bank slip, <paramref name="reference"/>) onto the organisation's account, opened if new.</summary>
    public async Task<CashResult> DepositAsync(Organisation member, Yuan amount, string reference, IdempotencyKey key)
    {
        ArgumentNullException.ThrowIfNull(member);
        var account = await session.Cash.FindMemberAccountAsync(member.Id).ConfigureAwait(false)
            ?? await session.Cash.OpenMemberAccountAsync(member.Id, now).ConfigureAwait(false);
        var bank = await session.Cash.SystemAccountAsync(CashAccountKind.ExternalBank).ConfigureAwait(false);
        return await MoveAsync(bank, account, amount, CashEntryKind.Deposit, reference, key, member.Code.Value, null).ConfigureAwait(false);
    }

    /// <summary>Money out of the organisation's available money to the bank.</summary>
    public async Task<CashResult> WithdrawAsync(Organisation member, Yuan amount, string reference, IdempotencyKey key)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (await session.Cash.FindMemberAccountAsync(member.Id).ConfigureAwait(false) is not { } account)
        {
            return Insufficient(member, amount);
        }
        var bank = await session.Cash.SystemAccountAsync(CashAccountKind.ExternalBank).ConfigureAwait(false);
        return await MoveAsync(account, bank, amount, CashEntryKind.Withdrawal, reference, key, member.Code.Value, null).ConfigureAwait(false);
    }

    /// <summary>
    /// Holds <paramref name="amount"/> of the organisation's available money for <paramref name="reference"/>, journalled as
    /// <c>cash.reserved</c>. A key used before answers with its reservation (the same terms) or is refused.
    /// </summary>
    public async Task<CashResult> ReserveAsync(Organisation member, Yuan amount, string reference, IdempotencyKey key)
    {
        ArgumentNullException.ThrowIfNull(member);
        var account = await session.Cash.FindMemberAccountAsync(member.Id).ConfigureAwait(false);
        if (await session.Cash.FindReservationAsync(key.Value).ConfigureAwait(false) is { } earlier)
        {
            return earlier.AccountId == account?.Id && earlier.Original == amount && earlier.Reference == reference
                ? new CashResult.Done(null, earlier, Duplicate: true)
                : Reused(key);
        }
        var (result, reservation) = await HoldAsync(member, account, amount, reference, key).ConfigureAwait(false);
        if (reservation is not null)
        {
            await JournalAsync("cash.reserved", member.Code.Value,
                CashPayloads.Reserved(_payload, account!.Id, reservation.Id, amount.Value, reference, key.Value)).ConfigureAwait(false);
        }
        return result;
    }

    /// <summary>
    /// Holds <paramref name="amount"/> as <see cref="ReserveAsync"/> does, for a caller whose key names something numbered in
    /// this same transaction (the exchange's new order), so that no reservation can hold it yet, and whose own journal entry
    /// records the reservation (the order's <c>exchange.order.placed</c> names it and the yuan held): no look-up of the key
    /// and no <c>cash.reserved</c> entry. The store's unique key index still refuses the whole transaction should the key
    /// have been used.
    /// </summary>
    public async Task<CashResult> ReserveInCallersEntryAsync(Organisation member, Yuan amount, string reference, IdempotencyKey key)
    {
        ArgumentNullException.ThrowIfNull(member);
        var account = await session.Cash.FindMemberAccountAsync(member.Id).ConfigureAwait(false);
        return (await HoldAsync(member, account, amount, reference, key).ConfigureAwait(false)).Result;
    }

    private async Task<(CashResult Result, CashReservation? Reservation)> HoldAsync(
        Organisation member, CashAccount? account, Yuan amount, string reference, IdempotencyKey key)
    {
        if (account is null || CashMoves.Reserve(account, amount, out var after) is not null)
        {
            return (Insufficient(member, amount), null);
        }
        await session.Cash.SaveAccountAsync(after).ConfigureAwait(false);
        var reservation = await session.Cash.InsertReservationAsync(
            new CashReservation(0, account.Id, amount, amount, reference, Open: true), key.Value, now).ConfigureAwait(false);
        return (new CashResult.Done(null, reservation, Duplicate: false), reservation);
    }

    /// <summary>Frees an open reservation; a closed one is refused.</summary>
    public async Task<CashResult> ReleaseAsync(Organisation member, long reservationId)
    {
        ArgumentNullException.ThrowIfNull(member);
        var reservation = await session.Cash.FindReservationAsync(reservationId).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"reservation {reservationId} does not exist");
        var account = await session.Cash.FindAccountAsync(reservation.AccountId).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"reservation {reservationId} names a missing account");
        if (CashMoves.Release(account, reservation, out var after) is { } rejection)
        {
            return new CashResult.Refused(rejection, $"reservation {reservationId} is already closed");
        }
        await session.Cash.SaveAccountAsync(after.Account).ConfigureAwait(false);
        await session.Cash.SaveReservationAsync(after.Reservation, now).ConfigureAwait(false);
        await JournalAsync("cash.released", member.Code.Value,
            CashPayloads.Released(_payload, account.Id, reservationId, reservation.Amount.Value, reservation.Reference)).ConfigureAwait(false);
        return new CashResult.Done(null, after.Reservation, Duplicate: false);
    }

    /// <summary>
    /// Pays <paramref name="amount"/> of an open reservation to the system account <paramref name="payee"/> and frees
    /// the rest: one settlement entry (unless the amount is 0, when it only frees).
    /// </summary>
    public async Task<CashResult> SettleAsync(Organisation member, long reservationId, CashAccountKind payee, Yuan amount, IdempotencyKey key)
    {
        ArgumentNullException.ThrowIfNull(member);
        var to = await session.Cash.SystemAccountAsync(payee).ConfigureAwait(false);
        return await SettleAsync(member, reservationId, to, amount, key).ConfigureAwait(false);
    }

    /// <summary>Pays part or all of an open reservation to the account <paramref name="to"/> and frees the rest.</summary>
    public Task<CashResult> SettleAsync(Organisation member, long reservationId, CashAccount to, Yuan amount, IdempotencyKey key) =>
        PayOutAsync(member, reservationId, to, amount, key, close: true);

    /// <summary>
    /// Pays <paramref name="amount"/> of an open reservation to <paramref name="to"/> and keeps the rest reserved: one
    /// settlement entry (<c>cash.settled</c> with nothing released). An order that trades in parts pays each part so.
    /// </summary>
    public Task<CashResult> PayAsync(Organisation member, long reservationId, CashAccount to, Yuan amount, IdempotencyKey key) =>
        PayOutAsync(member, reservationId, to, amount, key, close: false);

    // One settlement entry from a reservation; closing frees what is left (a 0 payment only frees).
    private async Task<CashResult> PayOutAsync(Organisation member, long reservationId, CashAccount to, Yuan amount, IdempotencyKey key, bool close)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(to);
        if (await session.Cash.FindEntryAsync(key.Value).ConfigureAwait(false) is { } earlier)
        {
            return earlier.ReservationId == reservationId && earlier.Amount == amount && earlier.To == to.Id
                ? new CashResult.Done(earlier, null, Duplicate: true)
                : Reused(key);
        }
        if (close && amount == Yuan.Zero)
        {
            return await ReleaseAsync(member, reservationId).ConfigureAwait(false);
        }
        var reservation = await session.Cash.FindReservationAsync(reservationId).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"reservation {reservationId} does not exist");
        var from = await session.Cash.FindAccountAsync(reservation.AccountId).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"reservation {reservationId} names a missing account");
        var rejected = close
            ? CashMoves.Settle(from, reservation, to, amount, out var after)
            : CashMoves.Pay(from, reservation, to, amount, out after);
        if (rejected is { } rejection)
        {
            return new CashResult.Refused(rejection, string.Create(CultureInfo.InvariantCulture,
                $"reservation {reservationId} holds {reservation.Amount} yuan and is {(reservation.Open ? "open" : "closed")}: it cannot pay {amount}"));
        }
        await session.Cash.SaveAccountAsync(after.From).ConfigureAwait(false);
        await session.Cash.SaveAccountAsync(after.To).ConfigureAwait(false);
        await session.Cash.SaveReservationAsync(after.Reservation, now).ConfigureAwait(false);
        var entry = await session.Cash.InsertEntryAsync(new CashEntry(
            0, now, from.Id, to.Id, amount, CashEntryKind.Settlement, reservation.Reference, key.Value, actor, reservationId)).ConfigureAwait(false);
        await JournalAsync("cash.settled", member.Code.Value, CashPayloads.Settled(_payload, entry.Id, from.Id, to.Id, amount.Value, reservationId,
            close ? (reservation.Amount - amount).Value : 0m, reservation.Reference, key.Value)).ConfigureAwait(false);
        return new CashResult.Done(entry, after.Reservation, Duplicate: false);
    }

    /// <summary>
    /// A fee: <paramref name="amount"/> of the organisation's available money to the system account
    /// <paramref name="payee"/> (<c>cash.fee-paid</c>). Refused when the available money is short.
    /// </summary>
    public async Task<CashResult> PayFeeAsync(Organisation member, CashAccountKind payee, Yuan amount, string reference, IdempotencyKey key)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (await session.Cash.FindMemberAccountAsync(member.Id).ConfigureAwait(false) is not { } account)
        {
            return Insufficient(member, amount);
        }
        var to = await session.Cash.SystemAccountAsync(payee).ConfigureAwait(false);
        return await MoveAsync(account, to, amount, CashEntryKind.Fee, reference, key, member.Code.Value, null).ConfigureAwait(false);
    }

    private async Task<CashResult> MoveAsync(
        CashAccount from, CashAccount to, Yuan amount, CashEntryKind kind, string reference, IdempotencyKey key, string subject, long? reservation)
    {
        if (await session.Cash.FindEntryAsync(key.Value).ConfigureAwait(false) is { } earlier)
        {
            return earlier.From == from.Id && earlier.To == to.Id && earlier.Amount == amount && earlier.Kind == kind
                ? new CashResult.Done(earlier, null, Duplicate: true)
                : Reused(key);
        }
        // A bank slip is booked once on a member's account: the same confirmation recorded again under a new key would
        // put the same money on the account twice (or take it twice).
        if (kind is CashEntryKind.Deposit or CashEntryKind.Withdrawal
            && await session.Cash.FindBankEntryAsync(kind == CashEntryKind.Deposit ? to.Id : from.Id, kind, reference).ConfigureAwait(false) is { } booked)
        {
            FormattableString message = $"the bank's reference {reference} was already booked on this account as entry {booked.Id}: a bank slip is booked once";
            return new CashResult.Refused(CashRejection.ReferenceReused, Domain.Text.Figures.Sentence(message)) { Figures = Domain.Text.Figures.Of(message) };
        }
        if (CashMoves.Transfer(from, to, amount, out var after) is { } rejection)
        {
            return new CashResult.Refused(rejection, string.Create(CultureInfo.InvariantCulture,
                $"account {from.Id} has {from.Available:0.00} yuan available: it cannot pay {amount}"));
        }
        await session.Cash.SaveAccountAsync(after.From).ConfigureAwait(false);
        await session.Cash.SaveAccountAsync(after.To).ConfigureAwait(false);
        var entry = await session.Cash.InsertEntryAsync(new CashEntry(0, now, from.Id, to.Id, amount, kind, reference, key.Value, actor, reservation))
            .ConfigureAwait(false);
        await JournalAsync(kind switch
        {
            CashEntryKind.Deposit => "cash.deposited",
            CashEntryKind.Fee => "cash.fee-paid",
            _ => "cash.withdrawn",
        }, subject, CashPayloads.Moved(_payload, entry.Id, from.Id, to.Id, amount.Value, reference, key.Value)).ConfigureAwait(false);
        return new CashResult.Done(entry, null, Duplicate: false);
    }

    private ValueTask<long> JournalAsync(string kind, string subject, ReadOnlyMemory<byte> payload) =>
        session.Journal.AppendUtf8Async(now, actor, kind, subject, payload);

    private static CashResult.Refused Insufficient(Organisation member, Yuan amount) =>
        new(CashRejection.InsufficientFunds, $"{member.Name} has less than {amount} yuan available");

    private static CashResult.Refused Reused(IdempotencyKey key) =>
        new(CashRejection.KeyReused, $"the idempotency key '{key.Value}' was used for a different request");
}
