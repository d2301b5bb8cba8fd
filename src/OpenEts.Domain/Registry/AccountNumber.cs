using System.Diagnostics.CodeAnalysis;

namespace OpenEts.Domain.Registry;

/// <summary>A registry account's number (账户号), e.g. <c>GD-HOLD-0001</c>.</summary>
/// <remarks>
/// 1–<see cref="MaxLength"/> characters: ASCII letters, digits and <c>-</c>; compared ordinally (case matters).
/// <c>default</c> is not a valid number (<see cref="Value"/> is null); the registry rejects it as unknown.
/// </remarks>
public readonly record struct AccountNumber : IComparable<AccountNumber>
{
    /// <summary>The longest number accepted.</summary>
    public const int MaxLength = 32;

    private AccountNumber(string value) => Value = value;

    /// <summary>The number's text.</summary>
    public string Value { get; }

    /// <summary>Wraps <paramref name="value"/> when it is a well-formed number.</summary>
    public static bool TryCreate([NotNullWhen(true)] string? value, out AccountNumber number)
    {
        number = default;
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }
        number = new AccountNumber(value);
        return true;
    }

    /// <summary>Wraps user input as an account number, or says why it is not one.</summary>
    public static bool TryCreate([NotNullWhen(true)] string? text, out AccountNumber number, [NotNullWhen(false)] out string? reason)
    {
        if (TryCreate(text, out number))
        {
            reason = null;
            return true;
        }
        reason = string.IsNullOrEmpty(text)
            ? "an account number is required"
            : $"'{text}' is not an account number (1–{MaxLength} of A–Z, a–z, 0–9, -)";
        return false;
    }

    /// <summary>Wraps <paramref name="value"/>; throws <see cref="ArgumentException"/> when it is malformed.</summary>
    public static AccountNumber From(string value) =>
        TryCreate(value, out var number)
            ? number
            : throw new ArgumentException($"'{value}' is not an account number (1–{MaxLength} of A–Z, a–z, 0–9, -).", nameof(value));

    /// <summary>Ordinal order of the text.</summary>
    public int CompareTo(AccountNumber other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? string.Empty;

    public static bool operator <(AccountNumber left, AccountNumber right) => left.CompareTo(right) < 0;

    public static bool operator <=(AccountNumber left, AccountNumber right) => left.CompareTo(right) <= 0;

    public static bool operator >(AccountNumber left, AccountNumber right) => left.CompareTo(right) > 0;

    public static bool operator >=(AccountNumber left, AccountNumber right) => left.CompareTo(right) >= 0;
}
