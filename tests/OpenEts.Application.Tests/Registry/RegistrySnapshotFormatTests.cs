using System.IO.Compression;
using System.Text.Json;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;
using OpenEts.Domain.Tests.Registry;
using static OpenEts.Domain.Tests.Registry.RandomRegistryRequests;
using static OpenEts.Domain.Tests.Registry.RegistryScenario;

namespace OpenEts.Application.Tests.Registry;

/// <summary>
/// The snapshot's bytes: what is written reads back as exactly the same state (every event kind, random request
/// sequences), a snapshot of the first, JSON format still reads, and damaged content is refused with a reason.
/// </summary>
public sealed class RegistrySnapshotFormatTests
{
    private const long Sequence = 4242;

    [Fact]
    public void TryDecode_OfEveryEventKind_GivesBackTheSameState()
    {
        var state = EveryKindOfState();

        var (content, sha256) = RegistrySnapshotFormat.Encode(state, Sequence);

        Assert.True(RegistrySnapshotFormat.TryDecode(content, sha256, Sequence, out var read, out var reason), reason);
        Assert.Equal(Json(state), Json(read!));
    }

    [Fact]
    public void TryDecode_RandomRequests_RestoresALedgerThatAnswersAsTheOriginal() =>
        Check((s, requests) =>
        {
            foreach (var request in requests)
            {
                s.Now = s.Now.AddMinutes(7);
                Run(s, request);
            }
            var (content, sha256) = RegistrySnapshotFormat.Encode(s.Ledger.ToState(), Sequence);

            Assert.True(RegistrySnapshotFormat.TryDecode(content, sha256, Sequence, out var read, out var reason), reason);
            var restored = RegistryLedger.FromState(read!);
            Assert.Equal(Json(s.Ledger.ToState()), Json(read!));
            Assert.Equal(s.Ledger.Fingerprint(), restored.Fingerprint());
            foreach (var e in s.Events.Where(e => e.Key is not null && e.At > s.Now - RegistryLedger.RetentionWindow))
            {
                Assert.True(RepeatOn(restored, e) is RegistryOutcome.Completed { Duplicate: true },
                    $"{e.GetType().Name} {e.Key} was not recognised after the snapshot");
            }
        });

    // The exchange's clearing moves fill the window on a trading day (a hold per sell, a delivery per trade): each reads back
    // with its serials, reference and mandate, and a restored ledger still knows its key.
    [Fact]
    public void TryDecode_ClearingMoves_GiveBackTheSameStateAndTheirKeys()
    {
        var s = WithAllocation(100);
        var hold = s.NextKey();
        s.Ok(s.Ledger.Clear(A1, s.Now, hold, CompanyA, Clearing, Gdea2017, 30, "exchange/order/1/reserve"));
        var delivery = s.NextKey();
        s.Ok(s.Ledger.Clear(UserId.From("m.trader"), s.Now, delivery, Clearing, CompanyB, Gdea2017, 20, "exchange/trade/1", "exchange/client/7"));
        var state = s.Ledger.ToState();
        Assert.Equal(2, state.Requests.OfType<UnitsCleared>().Count());

        var (content, sha256) = RegistrySnapshotFormat.Encode(state, Sequence);

        Assert.True(RegistrySnapshotFormat.TryDecode(content, sha256, Sequence, out var read, out var reason), reason);
        Assert.Equal(Json(state), Json(read!));
        var restored = RegistryLedger.FromState(read!);
        Assert.True(restored.Clear(UserId.From("m.trader"), s.Now, delivery, Clearing, CompanyB, Gdea2017, 20, "exchange/trade/1", "exchange/client/7")
            is RegistryOutcome.Completed { Duplicate: true });
        Assert.True(restored.Clear(A1, s.Now, hold, CompanyA, Clearing, Gdea2017, 30, "exchange/order/1/reserve") is RegistryOutcome.Completed { Duplicate: true });
        Assert.Equal(s.Ledger.Fingerprint(), restored.Fingerprint());
    }

    [Fact]
    public void TryDecode_SnapshotOfTheJsonVersion_StillReads()
    {
        var state = EveryKindOfState();
        var json = JsonSerializer.SerializeToUtf8Bytes(new
        {
            format = RegistrySnapshotFormat.Format,
            version = RegistrySnapshotFormat.JsonVersion,
            sequence = Sequence,
            state,
        }, RegistryEventJson.Options);
        var content = Compress(json);

        Assert.True(RegistrySnapshotFormat.TryDecode(content, RegistrySnapshotFormat.Sha256Of(content), Sequence, out var read,
            out var reason), reason);
        Assert.Equal(Json(state), Json(read!));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.97)]
    public void TryDecode_CutShortWithAMatchingHash_IsRefusedWithAReason(double kept)
    {
        var (content, _) = RegistrySnapshotFormat.Encode(RegistryEventJsonTests.EveryEventKind().Ledger.ToState(), Sequence);
        var plain = Decompress(content);
        var cut = Compress(plain.AsSpan(0, (int)(plain.Length * kept)).ToArray());

        Assert.False(RegistrySnapshotFormat.TryDecode(cut, RegistrySnapshotFormat.Sha256Of(cut), Sequence, out var read, out var reason));
        Assert.Null(read);
        Assert.StartsWith("it does not read", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_SnapshotOfAnotherEntry_IsRefused()
    {
        var (content, sha256) = RegistrySnapshotFormat.Encode(RegistryEventJsonTests.EveryEventKind().Ledger.ToState(), Sequence);

        Assert.False(RegistrySnapshotFormat.TryDecode(content, sha256, Sequence + 1, out _, out var reason));
        Assert.Contains($"covers entry {Sequence}", reason, StringComparison.Ordinal);
    }

    // The scenario's state, with every keyed event it raised as a request within the window (whatever its time), so that
    // each event kind and each list of the state is written.
    private static RegistryLedgerState EveryKindOfState()
    {
        var s = RegistryEventJsonTests.EveryEventKind();
        var state = s.Ledger.ToState() with { Requests = [.. s.Events.Where(e => e.Key is not null)] };
        Assert.Equal(16, state.Requests.Select(e => e.GetType()).Distinct().Count());
        Assert.NotEmpty(state.Retirements);
        Assert.NotEmpty(state.OffsetIssuances);
        Assert.NotEmpty(state.Definitions);
        Assert.NotEmpty(state.Surrenders);
        Assert.NotEmpty(state.Proposals);
        return state;
    }

    private static string Json(RegistryLedgerState state) => JsonSerializer.Serialize(state, RegistryEventJson.Options);

    private static byte[] Compress(byte[] plain)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(plain);
        }
        return output.ToArray();
    }

    private static byte[] Decompress(byte[] content)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(new MemoryStream(content), CompressionMode.Decompress))
        {
            brotli.CopyTo(output);
        }
        return output.ToArray();
    }
}
