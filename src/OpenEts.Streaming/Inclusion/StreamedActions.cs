using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NATS.Client.Core;
using OpenEts.Application.Inclusion;

namespace OpenEts.Streaming.Inclusion;

/// <summary>
/// One JetStream message of partner actions: the actions of one shard of a partner's batch, as the partner typed them,
/// in the database queue's compact JSON (<see cref="QueuedActions"/>, about 120 bytes an action), with the partner and
/// the programme in two headers. A worker reads them again through <see cref="RecordActions.TryParse"/>, so the stream
/// never holds a shape the use case would not. Messages of one action each (<see cref="StreamedAction"/>, written before)
/// are read too.
/// </summary>
public static class StreamedActions
{
    /// <summary>The header that names the partner (its id).</summary>
    public const string PartnerHeader = "Openets-Partner";

    /// <summary>The header that names the programme.</summary>
    public const string ProgrammeHeader = "Openets-Programme";

    /// <summary>The headers of a message of this partner's actions for this programme.</summary>
    public static NatsHeaders Headers(long partner, string programme) => new()
    {
        [PartnerHeader] = partner.ToString(CultureInfo.InvariantCulture),
        [ProgrammeHeader] = programme,
    };

    /// <summary>
    /// The JetStream message id: the SHA-256 (hex) of the partner and each action's source and event id, in order — the
    /// keys the store counts once by — each text preceded by its length, so that no two lists of keys hash the same
    /// text (a source or an event id may hold any character). Hashed so that no partner text reaches a NATS header.
    /// </summary>
    public static string MessageId(long partner, IReadOnlyList<RecordActions.Item> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var number = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, partner);
        hash.AppendData(number);
        foreach (var action in actions)
        {
            Append(hash, number, action.Source);
            Append(hash, number, action.EventId);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, byte[] length, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length, 0, 4);
        hash.AppendData(bytes);
    }

    /// <summary>
    /// A message's partner, programme and actions, or null when it is not a message of partner actions (a foreign
    /// publisher on the subject).
    /// </summary>
    public static (long Partner, string Programme, IReadOnlyList<RecordActions.ActionForm> Actions)? Read(NatsHeaders? headers,
        ReadOnlySpan<byte> data)
    {
        if (headers is not null && headers.TryGetValue(PartnerHeader, out var partnerText) && headers.TryGetValue(ProgrammeHeader, out var programme)
            && long.TryParse(partnerText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var partner)
            && programme.ToString() is { Length: > 0 } programmeId)
        {
            return QueuedActions.Read(data) is { Count: > 0 } forms ? (partner, programmeId, forms) : null;
        }
        return StreamedAction.Read(data) is { } single ? (single.Partner, single.Programme, [single.ToForm()]) : null;
    }
}
