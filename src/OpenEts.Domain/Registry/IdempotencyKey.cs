using System.Diagnostics.CodeAnalysis;

namespace OpenEts.Domain.Registry;

/// <summary>
/// The client's id for one request (TigerBeetle-style idempotent id): the same key with the same request executes once,
/// and a repeat returns the first outcome.
/// </summary>
/// <remarks>1–<see cref="MaxLength"/> printable characters, compared ordinally. <c>default</c> is not valid.</remarks>
public readonly record struct IdempotencyKey
{
    /// <summary>The longest key accepted.</summary>
    public const int MaxLength = 128;

    private IdempotencyKey(string value) => Value = value;

    /// <summary>The key's text.</summary>
    public string Value { get; }

    /// <summary>Wraps user input as a key, or says why it is not one (blank, too long, control characters).</summary>
    public static bool TryCreate(
        [NotNullWhen(true)] string? text, out IdempotencyKey key, [NotNullWhen(false)] out string? reason)
    {
        key = default;
        reason = string.IsNullOrWhiteSpace(text) ? "an idempotency key is required"
            : text.Length > MaxLength ? $"an idempotency key has at most {MaxLength} characters (was {text.Length})"
            : HasControl(text) ? "an idempotency key has no control characters"
            : null;
        if (reason is not null)
        {
            return false;
        }
        key = new IdempotencyKey(text!);
        return true;
    }

    // A loop over the characters, not LINQ: every payment and delivery of a settlement makes keys.
    private static bool HasControl(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Wraps a trusted key; throws when it is empty, too long or holds control characters.</summary>
    public static IdempotencyKey From(string value) =>
        TryCreate(value, out var key, out var reason) ? key : throw new ArgumentException(reason, nameof(value));

    public override string ToString() => Value ?? string.Empty;
}
