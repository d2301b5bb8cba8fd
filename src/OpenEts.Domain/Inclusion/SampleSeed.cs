using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenEts.Domain.Inclusion;

/// <summary>
/// The seed of an aggregation's sample (抽样种子): the SHA-256 of the aggregation's published content, so that anyone
/// holding the aggregation's figures and its events can draw the same sample again and check it. An event's place in the
/// draw is its <see cref="Rank"/>, the first 8 bytes (big-endian) of SHA-256(seed ‖ source ‖ 0x1F ‖ event id): a keyed
/// uniform draw per event that does not depend on the order events are read in; the sample is the events of smallest
/// rank (<see cref="SampleSelector{T}"/>), i.e. a simple random sample without replacement in each stratum.
/// </summary>
public sealed record SampleSeed
{
    private SampleSeed(byte[] bytes) => Bytes = bytes;

    /// <summary>The 32 seed bytes.</summary>
    public IReadOnlyList<byte> Bytes { get; }

    /// <summary>Lower-case hex of the seed (64 characters).</summary>
    public string Hex => Convert.ToHexStringLower([.. Bytes]);

    /// <summary>
    /// The text hashed: <c>phcer-sample/1|programme|periodStart|periodEnd|reduction mg|actions|claimed kg|report</c>
    /// (dates ISO, numbers invariant), every figure the aggregation publishes.
    /// </summary>
    public static string CanonicalText(string programme, DateOnly periodStart, DateOnly periodEnd, long reductionMilligrams, long actions,
        long claimedKilograms, long report)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(programme);
        return string.Create(CultureInfo.InvariantCulture,
            $"phcer-sample/1|{programme}|{periodStart:yyyy-MM-dd}|{periodEnd:yyyy-MM-dd}|{reductionMilligrams}|{actions}|{claimedKilograms}|{report}");
    }

    /// <summary>The seed of an aggregation (<see cref="CanonicalText"/>).</summary>
    public static SampleSeed Of(string programme, DateOnly periodStart, DateOnly periodEnd, long reductionMilligrams, long actions,
        long claimedKilograms, long report) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText(programme, periodStart, periodEnd, reductionMilligrams, actions,
            claimedKilograms, report))));

    /// <summary>A stored seed read back from its hex; throws when it is not 64 hex digits.</summary>
    public static SampleSeed FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var bytes = Convert.FromHexString(hex);
        return bytes.Length == SHA256.HashSizeInBytes ? new SampleSeed(bytes) : throw new ArgumentException("a seed is 32 bytes", nameof(hex));
    }

    /// <summary>The rank of an event: the first 8 bytes of SHA-256(seed ‖ UTF-8 source ‖ 0x1F ‖ UTF-8 event id), big-endian.</summary>
    public ulong Rank(string source, string eventId)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(eventId);
        var length = Bytes.Count + Encoding.UTF8.GetByteCount(source) + 1 + Encoding.UTF8.GetByteCount(eventId);
        Span<byte> buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        var at = 0;
        foreach (var b in Bytes)
        {
            buffer[at++] = b;
        }
        at += Encoding.UTF8.GetBytes(source, buffer[at..]);
        buffer[at++] = 0x1F;
        Encoding.UTF8.GetBytes(eventId, buffer[at..]);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer, digest);
        return BinaryPrimitives.ReadUInt64BigEndian(digest);
    }

    /// <summary>
    /// The pseudonym the verifier sees for a citizen in this sample (<see cref="CitizenPseudonym"/> drawn from the first
    /// 8 bytes of SHA-256(seed ‖ "citizen" ‖ user id)): the same citizen reads the same within one aggregation, and cannot be
    /// linked across aggregations or to the account.
    /// </summary>
    public CitizenPseudonym PseudonymOf(long userId)
    {
        var text = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"citizen|{userId}"));
        var buffer = new byte[Bytes.Count + text.Length];
        for (var i = 0; i < Bytes.Count; i++)
        {
            buffer[i] = Bytes[i];
        }
        text.CopyTo(buffer, Bytes.Count);
        return CitizenPseudonym.FromRandom(SHA256.HashData(buffer).AsSpan(0, CitizenPseudonym.RandomBytes));
    }
}
