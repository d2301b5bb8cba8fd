using OpenEts.Application.Identity;
using OpenEts.Application.Storage;

namespace OpenEts.Application.Cash;

/// <summary>What a cash or auction command runs on: the write transaction, who asks, now, and the cash ledger in that transaction.</summary>
public sealed class CashWork(IStoreSession session, Actor actor, DateTimeOffset now)
{
    public IStoreSession Session => session;

    public Actor Actor => actor;

    public DateTimeOffset Now => now;

    /// <summary>The cash ledger, writing in this transaction as this actor.</summary>
    public CashLedger Ledger { get; } = new(session, actor.UserName, now);
}
