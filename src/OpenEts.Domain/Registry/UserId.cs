using System.Diagnostics.CodeAnalysis;

namespace OpenEts.Domain.Registry;

/// <summary>The user acting on the registry (a login name), e.g. an account's authorised representative (授权代表).</summary>
/// <remarks>1–<see cref="MaxLength"/> characters, no control characters, compared ordinally. <c>default</c> is not valid.</remarks>
public readonly record struct UserId : IComparable<UserId>
{
    /// <summary>The longest user id accepted.</summary>
    public const int MaxLength = 128;

    private UserId(string value) => Value = value;

    /// <summary>The login name.</summary>
    public string Value { get; }

    /// <summary>The actor recorded on events the registry raises by itself (proposal expiry).</summary>
    public static UserId System => new("system");

    /// <summary>Wraps user input as a login name, or says why it is not one (blank, too long, control characters).</summary>
    public static bool TryCreate([NotNullWhen(true)] string? text, out UserId user, [NotNullWhen(false)] out string? reason)
    {
        user = default;
        reason = string.IsNullOrWhiteSpace(text) ? "a user name is required"
            : text.Length > MaxLength ? $"a user name has at most {MaxLength} characters (was {text.Length})"
            : text.Any(char.IsControl) ? "a user name has no control characters"
            : null;
        if (reason is not null)
        {
            return false;
        }
        user = new UserId(text!);
        return true;
    }

    /// <summary>Wraps a trusted login name; throws when it is empty, too long or holds control characters.</summary>
    public static UserId From(string value) =>
        TryCreate(value, out var user, out var reason) ? user : throw new ArgumentException(reason, nameof(value));

    public int CompareTo(UserId other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? string.Empty;

    public static bool operator <(UserId left, UserId right) => left.CompareTo(right) < 0;

    public static bool operator <=(UserId left, UserId right) => left.CompareTo(right) <= 0;

    public static bool operator >(UserId left, UserId right) => left.CompareTo(right) > 0;

    public static bool operator >=(UserId left, UserId right) => left.CompareTo(right) >= 0;
}
