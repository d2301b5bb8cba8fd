using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenEts.Domain.Journal;

// The chain hash written into caller-owned memory: the hashed text is laid out in a stack buffer (a pooled one for long
// payloads), hashed once and written as hex, so that checking a journal allocates nothing per entry.
internal static class JournalHash
{
    public const int HexLength = 64;

    // The longest sequence ("-9223372036854775808"), the time (24) and the six line feeds.
    private const int FixedLength = 20 + 24 + 6;
    private const int StackLimit = 1024;

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    public static void Compute(
        long sequence, long atMs, string actor, string kind, string subject, string payload, string previousHash, Span<byte> hex)
    {
        var utf8 = Encoding.UTF8;
        var length = FixedLength + utf8.GetByteCount(actor) + utf8.GetByteCount(kind) + utf8.GetByteCount(subject)
            + utf8.GetByteCount(payload) + utf8.GetByteCount(previousHash);
        byte[]? rented = null;
        Span<byte> buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var at = Header(buffer, sequence, atMs);
            at += utf8.GetBytes(actor, buffer[at..]);
            buffer[at++] = (byte)'\n';
            at += utf8.GetBytes(kind, buffer[at..]);
            buffer[at++] = (byte)'\n';
            at += utf8.GetBytes(subject, buffer[at..]);
            buffer[at++] = (byte)'\n';
            at += utf8.GetBytes(payload, buffer[at..]);
            buffer[at++] = (byte)'\n';
            at += utf8.GetBytes(previousHash, buffer[at..]);
            Finish(buffer[..at], hex);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public static void Compute(
        long sequence, long atMs, ReadOnlySpan<byte> actor, ReadOnlySpan<byte> kind, ReadOnlySpan<byte> subject,
        ReadOnlySpan<byte> payload, ReadOnlySpan<byte> previousHash, Span<byte> hex)
    {
        var length = FixedLength + actor.Length + kind.Length + subject.Length + payload.Length + previousHash.Length;
        byte[]? rented = null;
        Span<byte> buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var at = Header(buffer, sequence, atMs);
            at = Put(buffer, at, actor);
            at = Put(buffer, at, kind);
            at = Put(buffer, at, subject);
            at = Put(buffer, at, payload);
            previousHash.CopyTo(buffer[at..]);
            Finish(buffer[..(at + previousHash.Length)], hex);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Whether Unix milliseconds name a time a <see cref="DateTimeOffset"/> can hold (a stored time always does).</summary>
    public static bool InRange(long atMs) =>
        atMs >= DateTimeOffset.MinValue.ToUnixTimeMilliseconds() && atMs <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    public static bool SameText(ReadOnlySpan<byte> hex, string text)
    {
        if (text.Length != hex.Length)
        {
            return false;
        }
        for (var i = 0; i < hex.Length; i++)
        {
            if (text[i] != hex[i])
            {
                return false;
            }
        }
        return true;
    }

    private static int Put(Span<byte> buffer, int at, ReadOnlySpan<byte> field)
    {
        field.CopyTo(buffer[at..]);
        at += field.Length;
        buffer[at] = (byte)'\n';
        return at + 1;
    }

    // "sequence\nyyyy-MM-ddTHH:mm:ss.fffZ\n", as the text form wrote them (invariant culture, UTC).
    private static int Header(Span<byte> buffer, long sequence, long atMs)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(atMs, DateTimeOffset.MaxValue.ToUnixTimeMilliseconds());
        ArgumentOutOfRangeException.ThrowIfLessThan(atMs, DateTimeOffset.MinValue.ToUnixTimeMilliseconds());
        sequence.TryFormat(buffer, out var at, default, CultureInfo.InvariantCulture);
        buffer[at++] = (byte)'\n';
        var time = DateTime.UnixEpoch.AddTicks(atMs * TimeSpan.TicksPerMillisecond);
        at = Digits(buffer, at, time.Year, 4);
        buffer[at++] = (byte)'-';
        at = Digits(buffer, at, time.Month, 2);
        buffer[at++] = (byte)'-';
        at = Digits(buffer, at, time.Day, 2);
        buffer[at++] = (byte)'T';
        at = Digits(buffer, at, time.Hour, 2);
        buffer[at++] = (byte)':';
        at = Digits(buffer, at, time.Minute, 2);
        buffer[at++] = (byte)':';
        at = Digits(buffer, at, time.Second, 2);
        buffer[at++] = (byte)'.';
        at = Digits(buffer, at, time.Millisecond, 3);
        buffer[at++] = (byte)'Z';
        buffer[at++] = (byte)'\n';
        return at;
    }

    private static int Digits(Span<byte> buffer, int at, int value, int width)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            buffer[at + i] = (byte)('0' + (value % 10));
            value /= 10;
        }
        return at + width;
    }

    private static void Finish(ReadOnlySpan<byte> text, Span<byte> hex)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(text, digest);
        for (var i = 0; i < digest.Length; i++)
        {
            hex[2 * i] = HexDigits[digest[i] >> 4];
            hex[(2 * i) + 1] = HexDigits[digest[i] & 0xF];
        }
    }
}
