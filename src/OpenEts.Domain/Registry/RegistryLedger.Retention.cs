namespace OpenEts.Domain.Registry;

// Memory bounded by live state: idempotency keys and decided proposals stay in memory for the retention window only,
// measured on the registry's own clock (the latest event time applied), so a replay, a snapshot and the live ledger
// forget exactly the same entries at exactly the same event. Older ones are asked of the archives (storage).
public sealed partial class RegistryLedger
{
    /// <summary>How long idempotency keys and decided proposals stay in memory: 24 hours (the norm among payment APIs).</summary>
    public static readonly TimeSpan RetentionWindow = TimeSpan.FromHours(24);

    private readonly Queue<(DateTimeOffset At, UserId Sender, IdempotencyKey Key)> _keyQueue = new();
    private readonly Queue<(DateTimeOffset At, long Id)> _decidedQueue = new();

    /// <summary>The latest event time applied so far (<c>default</c> before the first event): the retention clock.</summary>
    public DateTimeOffset Clock { get; private set; }

    /// <summary>
    /// Finds a request older than the retention window by its sender and key: the event it raised, or null when the key
    /// was never used. Set by the service to a lookup in storage's key index; without it, a key older than the window
    /// is unknown (a pure ledger in a test, a replay that makes no requests).
    /// </summary>
    public Func<UserId, IdempotencyKey, RegistryEvent?>? RequestArchive { get; set; }

    /// <summary>Finds a decided proposal older than the retention window; set by the service to a lookup in storage.</summary>
    public Func<ProposalId, TransferProposal?>? ProposalArchive { get; set; }

    /// <summary>Idempotency keys held in memory (those within the retention window).</summary>
    public int KeysInMemory => _requests.Count;

    // Drops keys and decided proposals that fell out of the window, in the order they came in.
    private void Forget(DateTimeOffset at)
    {
        if (at > Clock)
        {
            Clock = at;
        }
        if (Clock - DateTimeOffset.MinValue < RetentionWindow)
        {
            return;
        }
        var horizon = Clock - RetentionWindow;
        while (_keyQueue.TryPeek(out var k) && k.At < horizon)
        {
            _keyQueue.Dequeue();
            _requests.Remove((k.Sender, k.Key));
        }
        while (_decidedQueue.TryPeek(out var d) && d.At < horizon)
        {
            _decidedQueue.Dequeue();
            _proposals.Remove(d.Id);
        }
    }
}
