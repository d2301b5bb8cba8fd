namespace OpenEts.Domain.Organisations;

/// <summary>
/// 统一社会信用代码: the 18-character unified social credit code of an organisation, per GB 32100-2015
/// (法人和其他组织统一社会信用代码编码规则).
/// </summary>
/// <remarks>
/// Layout (GB 32100-2015 §4): position 1 registration authority, 2 organisation type, 3–8 administrative-division
/// code (digits, GB/T 2260), 9–17 organisation code, 18 check character. The character set is the digits and the
/// capital letters without I, O, Z, S, V (31 characters). The check character is <c>31 − (Σ cᵢ·wᵢ mod 31)</c>, with
/// weights wᵢ = 3^(i−1) mod 31, and 31 written as 0. <c>default</c> is not a valid code (its <see cref="Value"/> is null).
/// </remarks>
public readonly record struct CreditCode
{
    /// <summary>The 31 characters of GB 32100-2015 in value order 0–30.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // GB 32100-2015 §5: weights 3^(i-1) mod 31 for positions 1..17.
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private CreditCode(string value) => Value = value;

    /// <summary>The code, 18 upper-case characters.</summary>
    public string Value { get; }

    /// <summary>Parses a code; lower-case letters and surrounding spaces are accepted and normalised.</summary>
    public static CreditCodeParse Parse(string? text)
    {
        var s = (text ?? "").Trim().ToUpperInvariant();
        if (s.Length != 18)
        {
            return CreditCodeParse.Fail(CreditCodeError.WrongLength, $"must be 18 characters (has {s.Length})");
        }
        for (var i = 0; i < 18; i++)
        {
            if (Alphabet.IndexOf(s[i], StringComparison.Ordinal) < 0)
            {
                return CreditCodeParse.Fail(CreditCodeError.BadCharacter,
                    $"character {i + 1} '{s[i]}' is not allowed (digits and capitals except I, O, Z, S, V)");
            }
        }
        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return CreditCodeParse.Fail(CreditCodeError.BadRegion,
                    $"characters 3–8 are the region code and must be digits (character {i + 1} is '{s[i]}')");
            }
        }
        var expected = CheckCharacter(s.AsSpan(0, 17));
        if (s[17] != expected)
        {
            return CreditCodeParse.Fail(CreditCodeError.BadCheckCharacter,
                $"check character (18th) should be '{expected}', not '{s[17]}' (GB 32100-2015)");
        }
        return CreditCodeParse.Ok(new CreditCode(s));
    }

    /// <summary>The GB 32100-2015 check character for the first 17 characters.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Seventeen characters are needed.", nameof(first17));
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            ArgumentOutOfRangeException.ThrowIfNegative(v, nameof(first17));
            sum += v * Weights[i];
        }
        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}

/// <summary>Why a credit code was refused.</summary>
public enum CreditCodeError
{
    None,
    WrongLength,
    BadCharacter,
    BadRegion,
    BadCheckCharacter,
}

/// <summary>The result of <see cref="CreditCode.Parse"/>: a code, or an error with a message naming the rule.</summary>
public sealed record CreditCodeParse(CreditCode Code, CreditCodeError Error, string Message)
{
    public bool Success => Error == CreditCodeError.None;

    /// <summary>The figures <see cref="Message"/> names (the length found, the expected check character …).</summary>
    public IReadOnlyList<string> Figures { get; init; } = [];

    internal static CreditCodeParse Ok(CreditCode code) => new(code, CreditCodeError.None, "");

    internal static CreditCodeParse Fail(CreditCodeError error, FormattableString message) =>
        new(default, error, Text.Figures.Sentence(message)) { Figures = Text.Figures.Of(message) };
}
