using System.Buffers;
using System.IO.Pipelines;
using OpenEts.Application.Exchange.MarketData;

namespace OpenEts.Server.Api;

/// <summary>
/// One server-sent-event response subscribed to an instrument: each update offered is written to the response as the
/// frame made once for every subscriber (<see cref="MarketEndpoints.Frame"/>), on the thread that offers it, and
/// flushed. While a flush waits for a slow client, the newest update offered meanwhile is kept and written when the
/// flush completes (older ones are skipped): the thread fanning an update out never waits for one client.
/// </summary>
internal sealed class MarketEventStream(PipeWriter body, Func<MarketUpdate, ReadOnlyMemory<byte>> frame) : IMarketSubscriber
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The newest version taken (written, being written or kept); the update kept while a write is under way.
    private long _latest = -1;
    private MarketUpdate? _kept;

    // True while a write is under way or before the first state is written: others keep their update for the writer.
    private bool _writing = true;
    private bool _closed;
    private TaskCompletionSource? _idle;

    // True while a write waits for its flush (a client that reads slowly, or not at all).
    private bool _waiting;

    /// <summary>
    /// Completes when the client cannot be written to any more (it went away); faulted when a write failed otherwise.
    /// </summary>
    public Task Ended => _ended.Task;

    public void Offer(MarketUpdate update)
    {
        lock (_gate)
        {
            if (_closed || update.Version <= _latest)
            {
                return;
            }
            _latest = update.Version;
            if (_writing)
            {
                _kept = update;
                return;
            }
            _writing = true;
        }
        Write(update);
    }

    /// <summary>Writes the subscription's first state, or the newer update offered before it.</summary>
    public void Start(MarketUpdate first)
    {
        MarketUpdate next;
        lock (_gate)
        {
            if (first.Version > _latest)
            {
                _latest = first.Version;
                _kept = null;
                next = first;
            }
            else
            {
                next = _kept!;
                _kept = null;
            }
        }
        Write(next);
    }

    /// <summary>Stops writing; completes once a write under way has finished, so the response can end.</summary>
    public Task CloseAsync()
    {
        Task idle;
        bool waiting;
        lock (_gate)
        {
            _closed = true;
            _kept = null;
            if (!_writing)
            {
                return Task.CompletedTask;
            }
            _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            idle = _idle.Task;
            waiting = _waiting;
        }
        if (waiting)
        {
            // A flush waiting for a client that does not read would hold the response open: it ends now, cancelled.
            body.CancelPendingFlush();
        }
        return idle;
    }

    private void Write(MarketUpdate update)
    {
        for (MarketUpdate? next = update; next is not null; next = Written())
        {
            ValueTask<FlushResult> flush;
            try
            {
                body.Write(frame(next).Span);
                flush = body.FlushAsync();
                if (!flush.IsCompleted)
                {
                    bool closed;
                    lock (_gate)
                    {
                        _waiting = true;
                        closed = _closed;
                    }
                    if (closed)
                    {
                        body.CancelPendingFlush();
                    }
                    _ = AfterFlushAsync(flush);
                    return;
                }
                if (!Succeeded(flush.GetAwaiter().GetResult()))
                {
                    Fail(null);
                    return;
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Offered on the fan-out's thread: the next subscribers must still get the update. The response ends,
                // and an error that is not the client going away is rethrown by the request (and so logged).
                Fail(Gone(ex) ? null : ex);
                return;
            }
        }
    }

    private async Task AfterFlushAsync(ValueTask<FlushResult> flush)
    {
        try
        {
            var result = await flush.ConfigureAwait(false);
            lock (_gate)
            {
                _waiting = false;
            }
            if (!Succeeded(result))
            {
                Fail(null);
                return;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Fail(Gone(ex) ? null : ex);
            return;
        }
        if (Written() is { } next)
        {
            Write(next);
        }
    }

    // Completed: the client went away; cancelled: CloseAsync stopped a write that waited for a client not reading.
    private static bool Succeeded(FlushResult result) => !result.IsCompleted && !result.IsCanceled;

    private static bool Gone(Exception ex) =>
        ex is IOException or ObjectDisposedException or OperationCanceledException;

    // After a write: the update kept meanwhile, to write next, or null when there is none (the writer steps down).
    private MarketUpdate? Written()
    {
        lock (_gate)
        {
            if (!_closed && _kept is { } next)
            {
                _kept = null;
                return next;
            }
            _writing = false;
            _idle?.TrySetResult();
            return null;
        }
    }

    private void Fail(Exception? error)
    {
        lock (_gate)
        {
            _closed = true;
            _kept = null;
            _writing = false;
            _idle?.TrySetResult();
        }
        if (error is null)
        {
            _ended.TrySetResult();
        }
        else
        {
            _ended.TrySetException(error);
        }
    }
}
