using System.Diagnostics.Metrics;
using OpenEts.Application.Storage;

namespace OpenEts.Application.Tests.Storage;

// What an operator watching OpenEts.Writers sees of a writer: its groups, requests, waiting requests and busy time,
// under the writer's own name.
public sealed class GroupCommitMetricsTests
{
    // Every measurement of the OpenEts.Writers instruments tagged with one writer's name (other tests' writers run beside).
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Lock _gate = new();
        private readonly string _writer;

        public Recorder(string writer)
        {
            _writer = writer;
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == WriterMetrics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument.Name, value, tags));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument.Name, value, tags));
            _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Set(instrument.Name, value, tags));
            _listener.Start();
        }

        private readonly Dictionary<string, double> _sums = [];
        private readonly Dictionary<string, double> _latest = [];

        // A gauge's value now (observed on request, as an exporter's collection would).
        public double Now(string name)
        {
            _listener.RecordObservableInstruments();
            lock (_gate)
            {
                return _latest.GetValueOrDefault(name, double.NaN);
            }
        }

        public double Sum(string name)
        {
            lock (_gate)
            {
                return _sums.GetValueOrDefault(name);
            }
        }

        private void Add(string name, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (IsMine(tags))
            {
                lock (_gate)
                {
                    _sums[name] = _sums.GetValueOrDefault(name) + value;
                }
            }
        }

        private void Set(string name, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (IsMine(tags))
            {
                lock (_gate)
                {
                    _latest[name] = value;
                }
            }
        }

        private bool IsMine(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "writer" && (string?)tag.Value == _writer)
                {
                    return true;
                }
            }
            return false;
        }

        public void Dispose() => _listener.Dispose();
    }

    // Holds the writer's first group open until released, so that the test knows what waits behind it.
    private sealed class FirstGroupHeld
    {
        private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _groups;

        public Task Running => _running.Task;

        public void Release() => _release.SetResult();

        public async Task EnterAsync()
        {
            if (Interlocked.Increment(ref _groups) == 1)
            {
                _running.SetResult();
                await _release.Task;
            }
        }
    }

    // A writer of its own name whose groups answer as answer does, its first group held; and what its meter reports.
    private static (GroupCommit<int, int> Commit, FirstGroupHeld Held, Recorder Recorder) Writer(
        Func<IReadOnlyList<int>, IReadOnlyList<int>> answer, int maxGroup)
    {
        var name = "test-" + Guid.NewGuid().ToString("N");
        var held = new FirstGroupHeld();
        var commit = new GroupCommit<int, int>(async requests =>
        {
            await held.EnterAsync();
            return answer(requests);
        }, maxGroup, name: name);
        return (commit, held, new Recorder(name));
    }

    [Fact]
    public async Task AWriterUnderLoad_ReportsItsGroupsRequestsQueueAndBusyTime()
    {
        var (commit, held, recorder) = Writer(requests => [.. requests.Select(r => r * 10)], maxGroup: 5);
        using var _ = recorder;

        // Twenty requests queued at once: four groups of five, the first held open for a while.
        var answers = commit.RunManyAsync([.. Enumerable.Range(1, 20)], CancellationToken.None);
        await held.Running;
        Assert.Equal(15, recorder.Now("openets.writer.waiting"));
        await Task.Delay(60, TestContext.Current.CancellationToken);
        held.Release();

        var results = await answers;
        Assert.Equal(Enumerable.Range(1, 20).Select(r => r * 10), results);
        Assert.Equal(4, recorder.Sum("openets.writer.groups"));
        Assert.Equal(20, recorder.Sum("openets.writer.requests"));
        Assert.Equal(0, recorder.Now("openets.writer.waiting"));
        Assert.True(recorder.Sum("openets.writer.busy") >= 0.05, $"busy {recorder.Sum("openets.writer.busy")} s: the held group's time is counted");
        // The gauge holds its writers weakly: a collection before the last look must not take the writer out of it.
        GC.KeepAlive(commit);
    }

    [Fact]
    public async Task AGroupThatFails_CountsEachRequestOnceAsItRunsAloneAndLeavesNothingWaiting()
    {
        var (commit, held, recorder) = Writer(
            requests => requests.Contains(3) ? throw new InvalidOperationException("request 3 fails") : [.. requests], maxGroup: 10);
        using var _ = recorder;

        // 1 runs alone and is held; 2, 3 and 4 queue behind it and share the next group, which fails for 3 and so runs
        // each of them alone.
        var first = commit.RunAsync(1, TestContext.Current.CancellationToken);
        await held.Running;
        var rest = Enumerable.Range(2, 3).Select(r => commit.RunAsync(r, TestContext.Current.CancellationToken)).ToArray();
        Assert.Equal(3, recorder.Now("openets.writer.waiting"));
        held.Release();

        Assert.Equal(1, await first);
        await Assert.ThrowsAsync<InvalidOperationException>(() => rest[1]);
        int[] others = [await rest[0], await rest[2]];
        Assert.Equal(2, others[0]);
        Assert.Equal(4, others[1]);
        Assert.Equal(4, recorder.Sum("openets.writer.requests"));
        Assert.Equal(4, recorder.Sum("openets.writer.groups")); // 1's, then 2, 3 and 4 each alone
        Assert.Equal(0, recorder.Now("openets.writer.waiting"));
        GC.KeepAlive(commit);
    }
}
