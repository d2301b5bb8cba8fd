namespace OpenEts.Application.Cash;

/// <summary>
/// The payloads of the cash ledger's <c>cash.*</c> journal entries, written as UTF-8 (<see cref="JournalPayload"/>): byte
/// for byte what <see cref="Json.Serialize{T}"/> made of the ledger's anonymous objects before, field for field in the
/// same order, so the journal and its hash chain are unchanged.
/// </summary>
public static class CashPayloads
{
    /// <summary><c>cash.settled</c>: <c>{entry, from, to, amount, reservation, released, reference, key}</c>.</summary>
    public static ReadOnlyMemory<byte> Settled(
        JournalPayload payload, long entry, long from, long to, decimal amount, long reservation, decimal released, string? reference, string key)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var w = payload.Start();
        Head(w, ("entry", entry), ("from", from), ("to", to), amount);
        w.WriteNumber("reservation", reservation);
        w.WriteNumber("released", released);
        return Tail(payload, w, reference, key);
    }

    /// <summary><c>cash.deposited</c>, <c>cash.withdrawn</c>, <c>cash.fee-paid</c>: <c>{entry, from, to, amount, reference, key}</c>.</summary>
    public static ReadOnlyMemory<byte> Moved(JournalPayload payload, long entry, long from, long to, decimal amount, string? reference, string key)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var w = payload.Start();
        Head(w, ("entry", entry), ("from", from), ("to", to), amount);
        return Tail(payload, w, reference, key);
    }

    /// <summary><c>cash.reserved</c>: <c>{account, reservation, amount, reference, key}</c>.</summary>
    public static ReadOnlyMemory<byte> Reserved(JournalPayload payload, long account, long reservation, decimal amount, string? reference, string key)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var w = payload.Start();
        Head(w, ("account", account), ("reservation", reservation), null, amount);
        return Tail(payload, w, reference, key);
    }

    /// <summary><c>cash.released</c>: <c>{account, reservation, amount, reference}</c>.</summary>
    public static ReadOnlyMemory<byte> Released(JournalPayload payload, long account, long reservation, decimal amount, string? reference)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var w = payload.Start();
        Head(w, ("account", account), ("reservation", reservation), null, amount);
        return Tail(payload, w, reference, null);
    }

    // The numbers every payload opens with, then its amount.
    private static void Head(System.Text.Json.Utf8JsonWriter w, (string Name, long Value) first, (string Name, long Value) second,
        (string Name, long Value)? third, decimal amount)
    {
        w.WriteNumber(first.Name, first.Value);
        w.WriteNumber(second.Name, second.Value);
        if (third is { } t)
        {
            w.WriteNumber(t.Name, t.Value);
        }
        w.WriteNumber("amount", amount);
    }

    // The reference and, but for a release, the key; then the end of the payload.
    private static ReadOnlyMemory<byte> Tail(JournalPayload payload, System.Text.Json.Utf8JsonWriter w, string? reference, string? key)
    {
        JournalPayload.WriteString(w, "reference", reference);
        if (key is not null)
        {
            w.WriteString("key", key);
        }
        return payload.End(w);
    }
}
