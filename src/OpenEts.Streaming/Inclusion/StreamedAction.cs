using System.Text.Json;
using System.Text.Json.Serialization;
using OpenEts.Application.Inclusion;

namespace OpenEts.Streaming.Inclusion;

/// <summary>
/// One partner action as a JetStream message, the shape the stream held before its messages carried a shard's actions
/// together (<see cref="StreamedActions"/>): the partner, the programme and the action as the partner typed it. Still
/// read, so that a stream written before is recorded whole.
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
    public RecordActions.ActionForm ToForm() => new(EventId, Source, Behaviour, OccurredAt, Quantity, Minutes, OwnAverage, User);

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
