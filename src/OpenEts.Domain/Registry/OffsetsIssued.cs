namespace OpenEts.Domain.Registry;

/// <summary>
/// New offset units of a defined class were issued for a verified quantity: the owner's share into the project owner's
/// account, the buffer share (if any) into a buffer account. Serials continue the class's last issued serial; the
/// owner's come first.
/// </summary>
/// <param name="At">When it happened (the <c>now</c> passed in).</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Key">The request's idempotency key.</param>
/// <param name="Account">The issuance account (the units' origin; it never holds them).</param>
/// <param name="Class">The fine-grained offset class.</param>
/// <param name="Owner">The project owner's account.</param>
/// <param name="OwnerBlocks">The owner's new serials (one block).</param>
/// <param name="Buffer">The buffer account; null when nothing was withheld.</param>
/// <param name="BufferBlocks">The buffer's new serials (one block, or none).</param>
/// <param name="BufferPercent">The buffer share as a percentage, when it was one; null for a fixed quantity or none.</param>
/// <param name="Reference">What the issuance is for (e.g. a monitoring report's id); may be empty.</param>
public sealed record OffsetsIssued(
    DateTimeOffset At, UserId Actor, IdempotencyKey? Key, AccountNumber Account, UnitClass Class,
    AccountNumber Owner, IReadOnlyList<SerialBlock> OwnerBlocks, AccountNumber? Buffer, IReadOnlyList<SerialBlock> BufferBlocks,
    decimal? BufferPercent, string Reference) : RegistryEvent(At, Actor, Key)
{
    /// <summary>Every new serial, the owner's then the buffer's.</summary>
    public IReadOnlyList<SerialBlock> NewBlocks() => [.. OwnerBlocks, .. BufferBlocks];

    /// <summary>The buffer share the issuance applied: the percentage, else the tonnes withheld (0 for none).</summary>
    public BufferShare Share()
    {
        if (BufferPercent is { } percent && BufferShare.TryOfPercent(percent, out var byPercent, out _))
        {
            return byPercent;
        }
        var tonnes = 0L;
        foreach (var block in BufferBlocks)
        {
            tonnes = checked(tonnes + block.Count);
        }
        return BufferShare.TryOfTonnes(tonnes, out var byTonnes, out _) ? byTonnes : default;
    }

    /// <inheritdoc/>
    public override RegistryEventFacts Facts(RegistryLedger ledger) =>
        RegistryEventFacts.Movement(Account, Owner, Class, NewBlocks(), Owner) with
        {
            Accounts = Buffer is { } buffer ? [Account, Owner, buffer] : [Account, Owner],
        };

    /// <inheritdoc/>
    /// <remarks>The owner's history shows the owner's serials and tonnes, the buffer's history the buffer's; any other
    /// account (the issuance account) sees the whole issuance.</remarks>
    public override RegistryEventFacts FactsFor(RegistryLedger ledger, AccountNumber account)
    {
        var all = Facts(ledger);
        if (Buffer is { } buffer && account == buffer && account != Owner)
        {
            return RegistryEventFacts.Movement(Account, buffer, Class, BufferBlocks, buffer) with { Accounts = all.Accounts };
        }
        return account == Owner && BufferBlocks.Count > 0
            ? RegistryEventFacts.Movement(Account, Owner, Class, OwnerBlocks, Owner) with { Accounts = all.Accounts }
            : all;
    }
}
