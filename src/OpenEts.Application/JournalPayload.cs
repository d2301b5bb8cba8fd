using System.Buffers;
using System.Text.Json;

namespace OpenEts.Application;

/// <summary>
/// A journal payload written straight to UTF-8 (<see cref="Utf8JsonWriter"/>), for entries a transaction writes many
/// times over (a settlement's trades and payments): the bytes <see cref="Json.Serialize{T}"/> makes of an anonymous object
/// with the same fields in the same order — the same encoder, compact — without reflection or a string per entry.
/// Reusable: each <see cref="Start"/> begins a new payload in the same buffer.
/// </summary>
public sealed class JournalPayload
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = Json.Options.Encoder, Indented = false };

    private readonly ArrayBufferWriter<byte> _buffer = new(512);

    /// <summary>Begins a payload: the caller writes its fields into the object and disposes the writer, then reads <see cref="Written"/>.</summary>
    public Utf8JsonWriter Start()
    {
        _buffer.ResetWrittenCount();
        var writer = new Utf8JsonWriter(_buffer, WriterOptions);
        writer.WriteStartObject();
        return writer;
    }

    /// <summary>Ends the object begun by <see cref="Start"/> and returns the payload's bytes (valid until the next <see cref="Start"/>).</summary>
    public ReadOnlyMemory<byte> End(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteEndObject();
        writer.Flush();
        return _buffer.WrittenMemory;
    }

    /// <summary>
    /// <paramref name="value"/> serialised with <see cref="Json.Options"/> into the buffer: the UTF-8 of the text
    /// <see cref="JsonSerializer.Serialize{TValue}(TValue, JsonSerializerOptions?)"/> makes, byte for byte, without the
    /// string (valid until the next <see cref="Start"/> or <see cref="Serialize{T}"/>).
    /// </summary>
    public ReadOnlyMemory<byte> Serialize<T>(T value)
    {
        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer, WriterOptions))
        {
            JsonSerializer.Serialize(writer, value, Json.Options);
        }
        return _buffer.WrittenMemory;
    }

    /// <summary>A string field as the serializer writes it: JSON null for null.</summary>
    public static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
