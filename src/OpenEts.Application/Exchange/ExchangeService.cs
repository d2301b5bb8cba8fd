using System.Text;
using Microsoft.Extensions.Logging;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Journal;
using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

/// <summary>
/// The exchange (交易系统) around the matching engine: one <see cref="OrderBook"/> per listed instrument in memory, rebuilt
/// from the newest snapshot of the books that checks out and the journal's <c>exchange.*</c> inputs after it (the input
/// journal; from entry 1 without a snapshot), and the one handler of every exchange command. Each
/// command runs in ONE write transaction opened by the registry (<see cref="RegistryService.WriteTogetherAsync{T}"/>), so
/// an order's input entry, its reservation, the trades it makes and their delivery-versus-payment settlement — units in
/// the registry, money and fees in the cash ledger — commit together or not at all. An order is acknowledged only after
/// that commit: every acknowledged order is durable.
/// </summary>
/// <remarks>
/// Commands are serialised (one book per instrument, one writer) through a queue with group commit
/// (<see cref="GroupCommit{TRequest, TResult}"/>): orders, amends and cancels that arrive while a transaction runs share the
/// next one, each with its own outcome, and each is answered after that commit. When a transaction fails after a book
/// changed in memory, the books are dropped and rebuilt (snapshot and tail) on the next call, so memory never runs ahead of
/// the database. One instance per store (a singleton).
/// </remarks>
public sealed partial class ExchangeService(IStore store, RegistryService registry, ExchangeOptions options, ILogger<ExchangeService>? log = null)
    : IDisposable
{
    // Commands per transaction at most, so that one commit never holds a caller for long.
    private const int MaxGroup = 500;

    private readonly SemaphoreSlim _lock = new(1, 1);
    private GroupCommit<ExchangeRequest, ExchangeOutcome>? _group;
    private readonly Dictionary<string, OrderBook> _books = new(StringComparer.Ordinal);
    private readonly TradeBuffer _trades = new(1024);
    private long _applied;
    // The inputs' journal payloads, written as UTF-8 into one reused buffer (inputs run one at a time, under _lock).
    private readonly JournalPayload _inputPayload = new();

    // The trades' and the cash ledger's journal payloads, one buffer each for every command (ExchangeWork): commands run
    // one at a time under the lock, and each payload is copied into the journal before the next is begun.
    internal JournalPayload TradePayload { get; } = new();

    internal JournalPayload CashPayload { get; } = new();

    // False until the books are restored (from the newest snapshot that checks out, or empty) and again after a reset.
    private bool _loaded;
    private long _inputsSinceSnapshot;

    /// <summary>The exchange's set-up: clearing account and fees.</summary>
    public ExchangeOptions Options => options;

    /// <summary>
    /// Raised after a command that changed an instrument (an order placed or cancelled, trades settled, a listing, a halt
    /// or a resume) has committed, with the instrument's code: live market data listens to it.
    /// </summary>
    public event EventHandler<InstrumentChangedEventArgs>? InstrumentChanged;

    /// <summary>Runs one command for <paramref name="actor"/> at <paramref name="now"/>: role, rules, the write, the outcome.</summary>
    /// <remarks>
    /// The outcome comes back once the command's transaction has committed. Cancelling <paramref name="ct"/> stops the wait,
    /// not the command: one already queued may still run (repeat an order with the same idempotency key to learn its outcome).
    /// </remarks>
    public async Task<ExchangeOutcome> HandleAsync(Actor actor, IExchangeCommand command, DateTimeOffset now, CancellationToken ct)
    {
        var outcome = await RunAsync(actor, command, now, ct).ConfigureAwait(false);
        if (outcome is ExchangeOutcome.Completed { Duplicate: false } done)
        {
            var changed = done.EndOfDay is { } day ? [.. day.Closed.Select(c => c.Instrument), .. day.Halted]
                : ChangedInstrument(done) is { } one ? [one] : Array.Empty<string>();
            foreach (var instrument in changed)
            {
                InstrumentChanged?.Invoke(this, new InstrumentChangedEventArgs(instrument));
            }
        }
        return outcome;
    }

    /// <summary>
    /// Runs a member's batch of commands for <paramref name="actor"/> at <paramref name="now"/> (the batched order entry of
    /// an order gateway): each has its own outcome, the one it would have had sent singly in that place of the queue —
    /// the same role and account checks, pre-trade checks, reservation, journal entry, matching and settlement — and the
    /// outcomes come back once every one of them has committed. Nothing of another caller comes between them.
    /// </summary>
    public async Task<IReadOnlyList<ExchangeOutcome>> HandleManyAsync(Actor actor, IReadOnlyList<IExchangeCommand> commands, DateTimeOffset now,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(commands);
        var outcomes = new ExchangeOutcome[commands.Count];
        var queued = new List<ExchangeRequest>(commands.Count);
        var at = new List<int>(commands.Count);
        for (var i = 0; i < commands.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(commands[i]);
            if (!commands[i].Roles.Contains(actor.Role))
            {
                outcomes[i] = new ExchangeOutcome.Forbidden(commands[i].Roles);
                continue;
            }
            queued.Add(new ExchangeRequest(actor, commands[i], now));
            at.Add(i);
        }
        var group = LazyInitializer.EnsureInitialized(ref _group, () => new(RunGroupAsync, MaxGroup, r => !Batched(r.Command), "exchange"));
        var results = await group.RunManyAsync(queued, ct).ConfigureAwait(false);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < results.Length; i++)
        {
            outcomes[at[i]] = results[i];
            if (results[i] is ExchangeOutcome.Completed { Duplicate: false } done && ChangedInstrument(done) is { } instrument)
            {
                changed.Add(instrument);
            }
        }
        foreach (var instrument in changed)
        {
            InstrumentChanged?.Invoke(this, new InstrumentChangedEventArgs(instrument));
        }
        return outcomes;
    }

    private static string? ChangedInstrument(ExchangeOutcome.Completed done) =>
        done.Order?.Instrument ?? done.Block?.Instrument ?? done.Listing?.Instrument ?? (done.Event.StartsWith("exchange.instrument.", StringComparison.Ordinal) ? done.Subject : null);

    private async Task<ExchangeOutcome> RunAsync(Actor actor, IExchangeCommand command, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (!command.Roles.Contains(actor.Role))
        {
            return new ExchangeOutcome.Forbidden(command.Roles);
        }
        var group = LazyInitializer.EnsureInitialized(ref _group, () => new(RunGroupAsync, MaxGroup, r => !Batched(r.Command), "exchange"));
        return await group.RunAsync(new ExchangeRequest(actor, command, now), ct).ConfigureAwait(false);
    }

    // Orders, amends and cancels share a transaction with the ones queued beside them; every other command (listing, halt,
    // end of day, block trades, listings, auctions) runs in one of its own, in its turn.
    private static bool Batched(IExchangeCommand command) => command is PlaceOrder or CancelOrder or AmendOrder;

    // One transaction for a group of commands in their queue order, each with its own actor and clock, each answered after
    // the commit. A command that refuses after it wrote (ExchangeRefusalException) alone rolls back its transaction and is
    // answered with the refusal, as are all of a group's when the group must run again one by one (GroupCommit).
    private async Task<IReadOnlyList<ExchangeOutcome>> RunGroupAsync(IReadOnlyList<ExchangeRequest> group)
    {
        await _lock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        var before = _applied;
        var inputsBefore = _inputsSinceSnapshot;
        try
        {
            return await registry.WriteTogetherAsync(group.Min(r => r.Now), async (s, run) =>
            {
                await CatchUpAsync(s).ConfigureAwait(false);
                before = _applied;
                inputsBefore = _inputsSinceSnapshot;
                var reads = Batched(group[0].Command) ? new ExchangeReads() : null;
                if (reads is not null)
                {
                    await new ExchangeWork(this, s, group[0].Actor, group[0].Now, run, reads).ReadKeysAheadAsync(group).ConfigureAwait(false);
                }
                var outcomes = new ExchangeOutcome[group.Count];
                for (var i = 0; i < group.Count; i++)
                {
                    var (actor, command, now) = group[i];
                    outcomes[i] = await command.RunAsync(new ExchangeWork(this, s, actor, now, run, reads)).ConfigureAwait(false);
                }
                // The transaction that crosses the interval also stores a snapshot of the books after it.
                if (SnapshotInterval > 0 && _inputsSinceSnapshot >= SnapshotInterval)
                {
                    await WriteSnapshotAsync(s, group[^1].Now).ConfigureAwait(false);
                }
                return outcomes;
            }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ExchangeRefusalException refusal) when (group.Count == 1)
        {
            // Refused after the input was journalled (the engine said no, which leaves its book unchanged): the transaction
            // rolled back, so the journal is where it was.
            _applied = before;
            _inputsSinceSnapshot = inputsBefore;
            return [refusal.Outcome];
        }
        catch (ExchangeRefusalException)
        {
            // The group's other commands changed the books in memory: rebuild them; each command runs again alone.
            Reset();
            throw;
        }
        catch (Exception e)
        {
            log?.LogError(e, "An exchange command failed; the books are rebuilt from the journal");
            Reset();
            throw;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Reads the caught-up books: <paramref name="query"/> gets the book of each listed instrument.</summary>
    public async Task<T> ReadBooksAsync<T>(Func<IReadOnlyDictionary<string, OrderBook>, T> query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await store.ReadAsync(async s =>
            {
                await CatchUpAsync(s).ConfigureAwait(false);
                return query(_books);
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

    public void Dispose() => _lock.Dispose();

    internal OrderBook? Book(string instrument) => _books.GetValueOrDefault(instrument);

    // Journals one input and runs it through its book. The entry's sequence is the engine's input sequence.
    internal async ValueTask<(Outcome Outcome, Trade[] Trades)> SubmitAsync(
        IStoreSession s, Actor actor, DateTimeOffset now, string kind, string subject, ExchangeInput input)
    {
        var book = _books[input.Instrument];
        // The input's JSON as UTF-8 straight into the journal (the bytes of input.ToJson()): no string, no entry object.
        var sequence = await s.Journal.AppendUtf8Async(now, actor.UserName, kind, subject, _inputPayload.Serialize(input)).ConfigureAwait(false);
        _trades.Clear();
        var outcome = book.Process(input.ToCommand(kind, sequence), _trades);
        _applied = sequence;
        _inputsSinceSnapshot++;
        return (outcome, _trades.AsSpan().ToArray());
    }

    internal void AddBook(Instrument instrument, long sequence)
    {
        _books[instrument.Code] = new OrderBook(instrument.Settings());
        _applied = sequence;
    }

    internal void Applied(long sequence) => _applied = sequence;

    internal void NextDayBook(string instrument, long referenceFen, long sequence)
    {
        _books[instrument] = NextDay(_books[instrument], referenceFen, sequence, _trades);
        _applied = sequence;
    }

    // A new day's book: empty (every day order expired), around the new reference price, halted if the old one was.
    internal static OrderBook NextDay(OrderBook old, long referenceFen, long sequence, TradeBuffer buffer)
    {
        var s = old.Settings;
        var book = new OrderBook(InstrumentSettings.Create(
            s.Code, referenceFen, s.TickFen, s.LotTonnes, s.MaxOrderTonnes, s.BandBasisPoints, s.SelfTradePrevention, s.MatchLevels));
        if (old.IsHalted)
        {
            buffer.Clear();
            book.Process(Command.Halt(sequence), buffer);
        }
        return book;
    }

    internal void SetMatchLevels(string instrument, int levels, long sequence)
    {
        _books[instrument] = WithMatchLevels(_books[instrument], levels);
        _applied = sequence;
    }

    // The same book (its resting orders in priority order, its phase and halt) under a new level limit: an operator's switch
    // of the best-5-levels rule takes effect from the next input on, in the live books and in every replay alike.
    internal static OrderBook WithMatchLevels(OrderBook old, int levels)
    {
        if (old.Settings.MatchLevels == levels)
        {
            return old;
        }
        var snapshot = old.Snapshot();
        var s = snapshot.Settings;
        return OrderBook.Restore(new OrderBookSnapshot(InstrumentSettings.Create(
            s.Code, s.ReferencePriceFen, s.TickFen, s.LotTonnes, s.MaxOrderTonnes, s.BandBasisPoints, s.SelfTradePrevention, levels),
            snapshot.Phase, snapshot.IsHalted, snapshot.Orders), Math.Max(1024, old.OrderCount));
    }

    // Applies the journal's exchange entries after the last one applied: listings create books, inputs run through them.
    // A fresh (or reset) service first restores the newest snapshot that checks out, so only the tail after it is read.
    private async Task CatchUpAsync(IStoreSession s)
    {
        if (!_loaded)
        {
            await LoadAsync(s).ConfigureAwait(false);
            return;
        }
        await ReplayTailAsync(s).ConfigureAwait(false);
    }

    // Reads the stored bytes (kind and payload, no entry objects): most entries after the last input of a transaction are
    // other modules' (the registry's and the cash ledger's, stored at its end), and only the exchange's are made strings.
    private async Task ReplayTailAsync(IStoreSession s)
    {
        await s.Journal.ReadPayloadsAsync(_applied + 1, (sequence, kind, payload) =>
        {
            if (kind.StartsWith("exchange."u8)
                && Apply(_books, sequence, Encoding.UTF8.GetString(kind), Encoding.UTF8.GetString(payload), _trades) is not null)
            {
                _inputsSinceSnapshot++;
            }
            _applied = sequence;
            return true;
        }).ConfigureAwait(false);
    }

    // Applies one journal entry to the books: a listing creates a book, an end of day starts the next day's, a rules switch
    // changes a book's level limit, an input runs through its book (its trades into buffer). Returns an input's instrument.
    internal static string? Apply(Dictionary<string, OrderBook> books, JournalEntry entry, TradeBuffer buffer) =>
        Apply(books, entry.Sequence, entry.Kind, entry.Payload, buffer);

    private static string? Apply(Dictionary<string, OrderBook> books, long sequence, string kind, string payload, TradeBuffer buffer)
    {
        if (kind == ListInstrument.Kind)
        {
            var listed = ListInstrument.FromJson(payload);
            books[listed.Code] = new OrderBook(listed.Settings());
        }
        else if (kind == EndOfDay.Kind)
        {
            foreach (var (instrument, reference) in EndOfDay.ReferencesFromJson(payload))
            {
                books[instrument] = NextDay(books[instrument], reference, sequence, buffer);
            }
        }
        else if (kind == SetTradingRules.Kind)
        {
            var (instrument, levels) = SetTradingRules.MatchLevelsFromJson(payload);
            books[instrument] = WithMatchLevels(books[instrument], levels);
        }
        else if (ExchangeInput.IsInput(kind))
        {
            var input = ExchangeInput.FromJson(payload);
            buffer.Clear();
            books[input.Instrument].Process(input.ToCommand(kind, sequence), buffer);
            return input.Instrument;
        }
        return null;
    }

    private void Reset()
    {
        _books.Clear();
        _applied = 0;
        _loaded = false;
    }
}

/// <summary>One queued command: who asked, what, and when.</summary>
internal sealed record ExchangeRequest(Actor Actor, IExchangeCommand Command, DateTimeOffset Now);

/// <summary>Thrown inside an exchange command to refuse it after it wrote: the transaction rolls back and the outcome is returned.</summary>
internal sealed class ExchangeRefusalException(ExchangeOutcome.Refused outcome) : Exception(outcome.Message)
{
    public ExchangeOutcome.Refused Outcome { get; } = outcome;
}
