using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Streaming.Inclusion;

/// <summary>
/// One partner action as a JetStream message: the partner, the programme and the action as the partner typed it (a
/// worker reads it again through <see cref="RecordActions.TryParse"/>, so the stream never holds a shape the use case
/// would not). Short JSON names keep a message near 200 bytes.
/// </summary>
internal sealed record StreamedAction(
    [property: JsonPropertyName("p")] long Partner,
    [property: JsonPropertyName("g")] string Programme,
    [property: JsonPropertyName("e")] string EventId,
    [property: JsonPropertyName("s")] string Source,
    [property: JsonPropertyName("b")] string Behaviour,
    [property: JsonPropertyName("t")] string OccurredAt,
    [property: JsonPropertyName("q")] decimal Quantity,
    [property: JsonPropertyName("m")] decimal? Minutes,
    [property: JsonPropertyName("o")] decimal? OwnAverage,
    [property: JsonPropertyName("u")] string User)
{
    public static StreamedAction From(long partner, string programme, RecordActions.Item item) =>
        new(partner, programme, item.EventId, item.Source, Behaviours.CodeOf(item.Behaviour),
            item.OccurredAt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture), item.Measure.Quantity,
            item.Measure.Minutes, item.Measure.OwnAverage, item.User);

    /// <summary>
    /// The JetStream message id: the SHA-256 (hex) of the partner, source and event id — the key the store counts once
    /// by (<c>p7/gate-12</c>, <c>t-1</c>). Hashed so that a partner's event id never reaches a NATS header as text.
    /// </summary>
    public static string MessageId(long partner, string source, string eventId) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"p{partner.ToString(CultureInfo.InvariantCulture)}/{source}\n{eventId}")));

    public RecordActions.ActionForm ToForm() => new(EventId, Source, Behaviour, OccurredAt, Quantity, Minutes, OwnAverage, User);

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this);

    /// <summary>The action, or null when the bytes are not one (a foreign publisher on the subject).</summary>
    public static StreamedAction? Read(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return JsonSerializer.Deserialize<StreamedAction>(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
