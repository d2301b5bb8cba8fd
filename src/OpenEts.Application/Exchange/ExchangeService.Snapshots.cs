using Microsoft.Extensions.Logging;
using OpenEts.Application.Journal;
using OpenEts.Application.Storage;
using OpenEts.Domain.Registry;
using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

// Snapshots of the books: written every SnapshotInterval inputs (in the transaction that crosses the mark) and on demand,
// each recorded by a journal entry with its SHA-256. A start restores the newest snapshot that checks out and replays
// only the journal after it; one that does not check out is skipped with a warning for the one before it (or entry 1).
public sealed partial class ExchangeService : ISnapshotsOnStop
{
    string ISnapshotsOnStop.SnapshotLedger => "exchange";

    async Task<long?> ISnapshotsOnStop.StoreSnapshotOnStopAsync(DateTimeOffset now, CancellationToken ct) =>
        (await SnapshotOnStopAsync(now, ct).ConfigureAwait(false))?.Sequence;

    /// <summary>Inputs (orders, amends, cancels, expiries, halts, resumes) between automatic snapshots, by default.</summary>
    public const long DefaultSnapshotInterval = 100_000;

    /// <summary>
    /// Inputs after which a write also stores a snapshot of the books (<see cref="DefaultSnapshotInterval"/>); 0 writes
    /// none automatically (<see cref="SnapshotAsync"/> still does).
    /// </summary>
    public long SnapshotInterval { get; init; } = DefaultSnapshotInterval;

    /// <summary>
    /// Whether a start restores the newest snapshot that checks out (the default); false replays the input journal from
    /// entry 1 (a measurement of what snapshots save, or a check that does not trust them).
    /// </summary>
    public bool StartFromSnapshot { get; init; } = true;

    /// <summary>The journal entry covered by the snapshot this process last restored from; null when it replayed from entry 1.</summary>
    public long? RestoredFrom { get; private set; }

    /// <summary>
    /// Stores a snapshot of the caught-up books now (<c>ets exchange snapshot</c>) and journals its hash. Returns the
    /// snapshot as stored.
    /// </summary>
    public async Task<ExchangeSnapshotRow> SnapshotAsync(DateTimeOffset now, CancellationToken ct)
    {
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await store.WriteAsync(async s =>
            {
                await CatchUpAsync(s).ConfigureAwait(false);
                return await WriteSnapshotAsync(s, now).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
        }
        catch (Exception)
        {
            Reset();
            throw;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Inputs after the newest snapshot from which a clean stop stores one more (<see cref="SnapshotOnStopAsync"/>).</summary>
    public const long StopSnapshotMinimum = 1_000;

    /// <summary>
    /// Stores a snapshot when this process has loaded the books and at least <see cref="StopSnapshotMinimum"/> inputs
    /// came after the newest snapshot, so that the next start restores it and replays nothing (a server stopping
    /// cleanly). Returns null when none was needed.
    /// </summary>
    public async Task<ExchangeSnapshotRow?> SnapshotOnStopAsync(DateTimeOffset now, CancellationToken ct)
    {
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // A process that never used the exchange has nothing to save, and must not replay the journal to find out.
            if (!_loaded)
            {
                return null;
            }
            return await store.WriteAsync<ExchangeSnapshotRow?>(async s =>
            {
                await CatchUpAsync(s).ConfigureAwait(false);
                return _inputsSinceSnapshot < StopSnapshotMinimum ? null : await WriteSnapshotAsync(s, now).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
        }
        catch (Exception)
        {
            Reset();
            throw;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Every stored snapshot, newest first (without bytes).</summary>
    public Task<IReadOnlyList<ExchangeSnapshotRow>> SnapshotsAsync(CancellationToken ct) =>
        store.ReadAsync(s => s.Exchange.SnapshotsAsync(), ct);

    private async Task<ExchangeSnapshotRow> WriteSnapshotAsync(IStoreSession s, DateTimeOffset now)
    {
        var covered = _applied;
        var (lastOrder, lastTrade) = await s.Exchange.LastNumbersAsync().ConfigureAwait(false);
        var (content, sha256) = ExchangeSnapshotFormat.Encode(new ExchangeSnapshotState(covered, lastOrder, lastTrade, SnapshotsOf(_books)));
        var reference = new ExchangeSnapshotReference(covered, sha256, ExchangeSnapshotFormat.Version);
        var entry = await s.Journal.AppendAsync(now, UserId.System.Value, ExchangeSnapshotReference.Kind, "exchange", reference.ToJson())
            .ConfigureAwait(false);
        var row = new ExchangeSnapshotRow(covered, entry.Sequence, ExchangeSnapshotFormat.Version, sha256, content, now);
        await s.Exchange.SaveSnapshotAsync(row).ConfigureAwait(false);
        // The reference entry is not an input: nothing to apply from it.
        _applied = entry.Sequence;
        _inputsSinceSnapshot = 0;
        return row;
    }

    /// <summary>The snapshot of every book, in ordinal order of the instrument's code.</summary>
    internal static OrderBookSnapshot[] SnapshotsOf(IReadOnlyDictionary<string, OrderBook> books) =>
        [.. books.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => b.Value.Snapshot())];

    // Restores the newest snapshot that checks out (skipping, with a warning, each one that does not), then replays the
    // journal after it.
    private async Task LoadAsync(IStoreSession s)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _books.Clear();
        _applied = 0;
        _inputsSinceSnapshot = 0;
        RestoredFrom = null;
        foreach (var row in StartFromSnapshot ? await s.Exchange.SnapshotsAsync().ConfigureAwait(false) : [])
        {
            var (state, problem) = await RestoreAsync(s, row).ConfigureAwait(false);
            if (state is not null && Books(state, out problem) is { } books)
            {
                foreach (var (code, book) in books)
                {
                    _books[code] = book;
                }
                _applied = row.Sequence;
                RestoredFrom = row.Sequence;
                break;
            }
            if (log is not null)
            {
                LogSnapshotSkipped(log, row.Sequence, problem);
            }
        }
        var restored = clock.Elapsed;
        _loaded = true;
        await ReplayTailAsync(s).ConfigureAwait(false);
        if (log is not null)
        {
            LogLoaded(log, RestoredFrom ?? 0, (long)restored.TotalMilliseconds, _inputsSinceSnapshot, (long)clock.Elapsed.TotalMilliseconds);
        }
    }

    /// <summary>
    /// Checks one stored snapshot against the journal entry that recorded it (kind, sequence, SHA-256) and reads it.
    /// Returns the state, or null with the reason it was refused.
    /// </summary>
    internal static async Task<(ExchangeSnapshotState? State, string Problem)> RestoreAsync(IStoreSession s, ExchangeSnapshotRow row)
    {
        var entry = await s.Registry.EntryAsync(row.ReferenceSequence).ConfigureAwait(false);
        if (entry is null || entry.Kind != ExchangeSnapshotReference.Kind
            || ExchangeSnapshotReference.TryRead(entry.Payload) is not { } reference)
        {
            return (null, $"journal entry {row.ReferenceSequence} does not record it");
        }
        if (reference.Sequence != row.Sequence)
        {
            return (null, $"journal entry {row.ReferenceSequence} records a snapshot of entry {reference.Sequence}");
        }
        var content = await s.Exchange.SnapshotContentAsync(row.Sequence).ConfigureAwait(false);
        if (content is null)
        {
            return (null, "its content is missing");
        }
        return ExchangeSnapshotFormat.TryDecode(content, reference.Sha256, row.Sequence, out var state, out var reason)
            ? (state, "") : (null, reason);
    }

    /// <summary>The books of a snapshot's state, or null (with the reason) when a book does not hang together.</summary>
    internal static Dictionary<string, OrderBook>? Books(ExchangeSnapshotState state, out string problem)
    {
        var books = new Dictionary<string, OrderBook>(StringComparer.Ordinal);
        try
        {
            foreach (var snapshot in state.Books)
            {
                books.Add(snapshot.Settings.Code, OrderBook.Restore(snapshot, Math.Max(1024, snapshot.Orders.Count)));
            }
        }
        catch (ArgumentException e)
        {
            problem = "its books do not hang together: " + e.Message;
            return null;
        }
        problem = "";
        return books;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Exchange books loaded from the snapshot of journal entry {Snapshot} (0: none) in {RestoreMs} ms, then {Inputs} inputs after it; {TotalMs} ms in all")]
    private static partial void LogLoaded(ILogger logger, long snapshot, long restoreMs, long inputs, long totalMs);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Exchange snapshot of journal entry {Sequence} skipped: {Problem}; falling back to the one before it")]
    private static partial void LogSnapshotSkipped(ILogger logger, long sequence, string problem);
}
