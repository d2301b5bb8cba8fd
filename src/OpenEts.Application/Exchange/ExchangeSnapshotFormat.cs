using System.IO.Compression;
using System.Text;
using OpenEts.Application.Registry;
using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

/// <summary>
/// The bytes of an exchange snapshot (<see cref="ExchangeSnapshotState"/>): a header naming the format, its version, the
/// journal entry covered and the last order and trade numbers, then each book (settings, phase, halt, its resting orders
/// in priority order, numbers 7-bit encoded), then an end mark; Brotli-compressed. The SHA-256 of these bytes is what the
/// journal records (<see cref="ExchangeSnapshotReference"/>). A reader meets another version as "not readable", and the
/// exchange then falls back to an older snapshot or to the journal from entry 1.
/// </summary>
public static class ExchangeSnapshotFormat
{
    /// <summary>The header's format name.</summary>
    public const string Format = "openets-exchange-snapshot";

    /// <summary>The version this build writes and reads.</summary>
    public const int Version = 1;

    private const string End = "end";

    /// <summary>The snapshot of <paramref name="state"/>, and its SHA-256 (hex).</summary>
    public static (byte[] Content, string Sha256) Encode(ExchangeSnapshotState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var compressed = new MemoryStream();
        using (var brotli = new BrotliStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        using (var w = new BinaryWriter(new BufferedStream(brotli, 1 << 16), Encoding.UTF8, leaveOpen: false))
        {
            w.Write(Format);
            w.Write(Version);
            w.Write(state.Sequence);
            w.Write(state.LastOrder);
            w.Write(state.LastTrade);
            w.Write(state.Books.Count);
            foreach (var book in state.Books)
            {
                var s = book.Settings;
                w.Write(s.Code);
                w.Write(s.ReferencePriceFen);
                w.Write(s.TickFen);
                w.Write(s.LotTonnes);
                w.Write(s.MaxOrderTonnes);
                w.Write(s.BandBasisPoints);
                w.Write((byte)s.SelfTradePrevention);
                w.Write(s.MatchLevels);
                w.Write((byte)book.Phase);
                w.Write(book.IsHalted);
                w.Write(book.Orders.Count);
                foreach (var o in book.Orders)
                {
                    w.Write7BitEncodedInt64(o.OrderId);
                    w.Write7BitEncodedInt64(o.Account);
                    w.Write((byte)o.Side);
                    // Prices as ticks above the band's lower edge: one or two bytes instead of three or more.
                    w.Write7BitEncodedInt64((o.PriceFen - s.LowerBandFen) / s.TickFen);
                    w.Write7BitEncodedInt64(o.Quantity);
                }
            }
            w.Write(End);
        }
        var content = compressed.ToArray();
        return (content, RegistrySnapshotFormat.Sha256Of(content));
    }

    /// <summary>
    /// Reads a snapshot: checks its SHA-256 against <paramref name="expectedSha256"/> (from the journal), decompresses, and
    /// reads the state for <paramref name="sequence"/>. Returns false with the reason when any step fails.
    /// </summary>
    public static bool TryDecode(byte[] content, string expectedSha256, long sequence, out ExchangeSnapshotState? state, out string reason)
    {
        ArgumentNullException.ThrowIfNull(content);
        state = null;
        if (!string.Equals(RegistrySnapshotFormat.Sha256Of(content), expectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            reason = "its SHA-256 differs from the one journalled";
            return false;
        }
        try
        {
            using var r = new BinaryReader(new BufferedStream(new BrotliStream(new MemoryStream(content), CompressionMode.Decompress), 1 << 16),
                Encoding.UTF8);
            if (r.ReadString() != Format)
            {
                reason = "it is not an exchange snapshot";
                return false;
            }
            var version = r.ReadInt32();
            if (version != Version)
            {
                reason = $"its format version {version} is not one this build reads ({Version})";
                return false;
            }
            var covered = r.ReadInt64();
            if (covered != sequence)
            {
                reason = $"it covers entry {covered}, not {sequence}";
                return false;
            }
            var lastOrder = r.ReadInt64();
            var lastTrade = r.ReadInt64();
            var books = new OrderBookSnapshot[Count(r.ReadInt32())];
            for (var i = 0; i < books.Length; i++)
            {
                books[i] = ReadBook(r);
            }
            if (r.ReadString() != End)
            {
                reason = "it does not end where it should";
                return false;
            }
            state = new ExchangeSnapshotState(covered, lastOrder, lastTrade, books);
            reason = "";
            return true;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or ArgumentException
            or OverflowException or IOException or InvalidOperationException)
        {
            reason = "it does not read: " + e.Message;
            return false;
        }
    }

    private static OrderBookSnapshot ReadBook(BinaryReader r)
    {
        var settings = InstrumentSettings.Create(r.ReadString(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt32(),
            (SelfTradePrevention)r.ReadByte(), r.ReadInt32());
        var phase = (TradingPhase)r.ReadByte();
        if (!Enum.IsDefined(phase))
        {
            throw new InvalidDataException($"book {settings.Code}: phase {(int)phase} is not one");
        }
        var halted = r.ReadBoolean();
        var orders = new RestingOrder[Count(r.ReadInt32())];
        for (var i = 0; i < orders.Length; i++)
        {
            var id = r.Read7BitEncodedInt64();
            var account = r.Read7BitEncodedInt64();
            var side = (Side)r.ReadByte();
            var price = checked(settings.LowerBandFen + (r.Read7BitEncodedInt64() * settings.TickFen));
            orders[i] = new RestingOrder(id, account, side, price, r.Read7BitEncodedInt64());
        }
        return new OrderBookSnapshot(settings, phase, halted, orders);
    }

    // A count read from the bytes, before an array of that size is made.
    private static int Count(int count) =>
        count is >= 0 and <= 1 << 28 ? count : throw new InvalidDataException($"a count of {count} is not possible");
}
