using System.Buffers;
using System.Text.Json;

namespace OpenEts.Application;

/// <summary>
/// A journal payload written straight to UTF-8 (<see cref="Utf8JsonWriter"/>), for entries a transaction writes many
/// times over (a settlement's trades and payments): the bytes <see cref="Json.Serialize{T}"/> makes of an anonymous object
/// with the same fields in the same order — the same encoder, compact — without reflection or a string per entry.
/// Reusable: each <see cref="Start"/> begins a new payload in the same buffer.
/// </summary>
#pragma warning disable CA1001 // The writer writes to the buffer in memory alone: disposing it frees nothing.
public sealed class JournalPayload
#pragma warning restore CA1001
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = Json.Options.Encoder, Indented = false };

    private readonly ArrayBufferWriter<byte> _buffer = new(512);

    // One writer for every payload, reset onto the emptied buffer each time.
    private Utf8JsonWriter? _writer;

    /// <summary>
    /// Begins a payload: the caller writes its fields into the object, then calls <see cref="End"/>. The writer is this
    /// payload's own, reused by the next <see cref="Start"/>: the caller does not dispose it.
    /// </summary>
    public Utf8JsonWriter Start()
    {
        var writer = Writer();
        writer.WriteStartObject();
        return writer;
    }

    private Utf8JsonWriter Writer()
    {
        _buffer.ResetWrittenCount();
        if (_writer is null)
        {
            _writer = new Utf8JsonWriter(_buffer, WriterOptions);
        }
        else
        {
            _writer.Reset(_buffer);
        }
        return _writer;
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
        var writer = Writer();
        JsonSerializer.Serialize(writer, value, Json.Options);
        writer.Flush();
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
