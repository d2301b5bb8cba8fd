using System.Buffers;
using System.Globalization;
using System.Text.Json;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// A queued batch's actions as one compact JSON array: each action as the partner typed it, under one-letter names
/// (<c>e</c> event id, <c>s</c> source, <c>b</c> behaviour, <c>t</c> when, <c>q</c> quantity, <c>m</c> minutes,
/// <c>o</c> own average, <c>u</c> user), about 120 bytes an action. The worker reads them back into the forms
/// <see cref="RecordActions.TryParse"/> takes, so the queue never holds a shape the use case would not read.
/// </summary>
public static class QueuedActions
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    /// <summary>The actions' JSON, in UTF-8.</summary>
    public static byte[] Write(IReadOnlyList<RecordActions.Item> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, items.Count * 128));
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            Span<char> time = stackalloc char[40];
            json.WriteStartArray();
            foreach (var item in items)
            {
                json.WriteStartObject();
                json.WriteString("e"u8, item.EventId);
                json.WriteString("s"u8, item.Source);
                json.WriteString("b"u8, Behaviours.CodeOf(item.Behaviour));
                item.OccurredAt.TryFormat(time, out var length, TimeFormat, CultureInfo.InvariantCulture);
                json.WriteString("t"u8, time[..length]);
                json.WriteNumber("q"u8, item.Measure.Quantity);
                if (item.Measure.Minutes is { } minutes)
                {
                    json.WriteNumber("m"u8, minutes);
                }
                if (item.Measure.OwnAverage is { } average)
                {
                    json.WriteNumber("o"u8, average);
                }
                json.WriteString("u"u8, item.User);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The actions as forms, or null when the bytes are not a queued batch.</summary>
    public static IReadOnlyList<RecordActions.ActionForm>? Read(ReadOnlySpan<byte> payload)
    {
        try
        {
            var json = new Utf8JsonReader(payload);
            if (!json.Read() || json.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }
            var forms = new List<RecordActions.ActionForm>();
            var repeated = new List<(byte[] Utf8, string Text)>();
            while (json.Read() && json.TokenType == JsonTokenType.StartObject)
            {
                string? eventId = null, source = null, behaviour = null, time = null, user = null;
                decimal? quantity = null, minutes = null, average = null;
                while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
                {
                    var name = json.ValueSpan.Length == 1 ? json.ValueSpan[0] : (byte)0;
                    json.Read();
                    switch (name)
                    {
                        case (byte)'e': eventId = json.GetString(); break;
                        case (byte)'s': source = Repeated(ref json, repeated); break;
                        case (byte)'b': behaviour = Repeated(ref json, repeated); break;
                        case (byte)'t': time = json.GetString(); break;
                        case (byte)'u': user = json.GetString(); break;
                        case (byte)'q': quantity = json.GetDecimal(); break;
                        case (byte)'m': minutes = json.GetDecimal(); break;
                        case (byte)'o': average = json.GetDecimal(); break;
                        default: json.Skip(); break;
                    }
                }
                if (json.TokenType != JsonTokenType.EndObject)
                {
                    return null;
                }
                forms.Add(new RecordActions.ActionForm(eventId, source, behaviour, time, quantity, minutes, average, user));
            }
            return json.TokenType == JsonTokenType.EndArray ? forms : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    // How many distinct sources and behaviours a read keeps as strings: a batch's few codes, not its every value.
    private const int RepeatedTexts = 32;

    // A source or behaviour: a batch repeats a few codes over its thousands of actions, so each is made a string once.
    private static string? Repeated(ref Utf8JsonReader json, List<(byte[] Utf8, string Text)> repeated)
    {
        if (json.TokenType != JsonTokenType.String || json.ValueIsEscaped || json.HasValueSequence)
        {
            return json.GetString();
        }
        var value = json.ValueSpan;
        foreach (var (utf8, text) in repeated)
        {
            if (value.SequenceEqual(utf8))
            {
                return text;
            }
        }
        var made = json.GetString()!;
        if (repeated.Count < RepeatedTexts)
        {
            repeated.Add((value.ToArray(), made));
        }
        return made;
    }
}
