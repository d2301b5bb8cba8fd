using System.Text.Json.Serialization;

namespace OpenEts.Domain.Registry;

/// <summary>
/// The client's id for one request (TigerBeetle-style idempotent id): the same key with the same request executes once,
/// and a repeat returns the first outcome.
/// </summary>
/// <remarks>1–<see cref="MaxLength"/> printable characters, compared ordinally. <c>default</c> is not valid.</remarks>
[JsonConverter(typeof(IdempotencyKeyJsonConverter))]
public readonly record struct IdempotencyKey
{
    /// <summary>The longest key accepted.</summary>
    public const int MaxLength = 128;

    private IdempotencyKey(string value) => Value = value;

    /// <summary>The key's text.</summary>
    public string Value { get; }

    /// <summary>Wraps a key; throws when it is empty, too long or holds control characters.</summary>
    public static IdempotencyKey From(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value.Length, MaxLength, nameof(value));
        if (value.Any(char.IsControl))
        {
            throw new ArgumentException("An idempotency key has no control characters.", nameof(value));
        }
        return new IdempotencyKey(value);
    }

    public override string ToString() => Value ?? string.Empty;
}
