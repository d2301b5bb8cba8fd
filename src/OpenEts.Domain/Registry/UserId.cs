using System.Text.Json.Serialization;

namespace OpenEts.Domain.Registry;

/// <summary>The user acting on the registry (a login name), e.g. an account's authorised representative (授权代表).</summary>
/// <remarks>1–<see cref="MaxLength"/> characters, no control characters, compared ordinally. <c>default</c> is not valid.</remarks>
[JsonConverter(typeof(UserIdJsonConverter))]
public readonly record struct UserId : IComparable<UserId>
{
    /// <summary>The longest user id accepted.</summary>
    public const int MaxLength = 128;

    private UserId(string value) => Value = value;

    /// <summary>The login name.</summary>
    public string Value { get; }

    /// <summary>The actor recorded on events the registry raises by itself (proposal expiry).</summary>
    public static UserId System => new("system");

    /// <summary>Wraps a login name; throws when it is empty, too long or holds control characters.</summary>
    public static UserId From(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value.Length, MaxLength, nameof(value));
        if (value.Any(char.IsControl))
        {
            throw new ArgumentException("A user id has no control characters.", nameof(value));
        }
        return new UserId(value);
    }

    public int CompareTo(UserId other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? string.Empty;

    public static bool operator <(UserId left, UserId right) => left.CompareTo(right) < 0;

    public static bool operator <=(UserId left, UserId right) => left.CompareTo(right) <= 0;

    public static bool operator >(UserId left, UserId right) => left.CompareTo(right) > 0;

    public static bool operator >=(UserId left, UserId right) => left.CompareTo(right) >= 0;
}
