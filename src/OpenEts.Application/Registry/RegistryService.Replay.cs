using System.Collections.Concurrent;
using System.Text.Json;
using OpenEts.Application.Storage;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

// The replay of a start's tail on two cores.
public sealed partial class RegistryService
{
    // CatchUpFromBytesAsync for a start, whose tail may be a whole snapshot interval (a killed process): this thread reads
    // and decodes the entries while another applies them in order, so the two halves of the replay run on two cores.
    // Only the applying thread touches the ledger; it has finished when this returns or throws. Same result, same stop
    // at the first entry that does not replay (a decode failure stops the reading, an apply failure stops both).
    private async Task<bool> ReplayConcurrentlyAsync(IStoreSession s, long? indexAfter)
    {
        var unindexed = false;
        var stop = false;
        (long Sequence, string Reason)? undecodable = null;
        (long Sequence, string Reason)? unappliable = null;
        Exception? thrown = null;
        using var decoded = new BlockingCollection<(long Sequence, RegistryEvent? Event)>(ReplayQueue);
        // A thread of its own: the applier blocks while it waits for entries, which a pool thread should not.
        var applier = Task.Factory.StartNew(() =>
        {
            foreach (var (sequence, e) in decoded.GetConsumingEnumerable())
            {
                if (unappliable is not null || thrown is not null)
                {
                    // Only draining, so that the reader never waits on a full queue.
                    continue;
                }
                if (e is not null)
                {
                    try
                    {
                        _ledger.Apply(e);
                    }
                    catch (Exception failure) when (failure is JsonException or InvalidOperationException
                        or ArgumentException or NotSupportedException or OverflowException)
                    {
                        // The same failures that stop the one-thread replay: a break in the journal.
                        unappliable = (sequence, failure.Message);
                        Volatile.Write(ref stop, true);
                        continue;
                    }
                    catch (Exception unexpected) when (unexpected is not OperationCanceledException)
                    {
                        // Rethrown on the caller's thread below, as the one-thread replay would throw it.
                        thrown = unexpected;
                        Volatile.Write(ref stop, true);
                        continue;
                    }
                }
                _applied = sequence;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await s.Journal.ReadPayloadsAsync(_applied + 1, (sequence, kind, payload) =>
            {
                if (Volatile.Read(ref stop) || (_break is { } known && sequence >= known.Sequence))
                {
                    return false;
                }
                if (!kind.StartsWith("registry."u8))
                {
                    decoded.Add((sequence, null));
                    return true;
                }
                if (indexAfter is { } after && sequence > after)
                {
                    unindexed = true;
                    return false;
                }
                try
                {
                    decoded.Add((sequence, RegistryEventJson.Deserialize(payload)));
                }
                catch (Exception failure) when (failure is JsonException or InvalidOperationException or ArgumentException
                    or NotSupportedException or OverflowException)
                {
                    undecodable = (sequence, failure.Message);
                    return false;
                }
                return true;
            }).ConfigureAwait(false);
        }
        finally
        {
            decoded.CompleteAdding();
            await applier.ConfigureAwait(false);
        }
        if (thrown is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(thrown);
        }
        // An entry that did not apply comes before any that did not decode: reading stopped at the first of either.
        if ((unappliable ?? undecodable) is { } f)
        {
            _break = new JournalBreak(f.Sequence, f.Reason);
            await LoadAsync(s).ConfigureAwait(false);
            return true;
        }
        return !unindexed;
    }

    // Decoded entries waiting to be applied in a concurrent replay, at most.
    private const int ReplayQueue = 4096;
}
