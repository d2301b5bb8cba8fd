using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace OpenEts.Domain.Inclusion;

/// <summary>
/// A self-registered citizen's sign-in id and the only name the journal ever records for them (假名化标识): <c>c</c>
/// followed by 12 characters of base32 (a–z, 2–7), i.e. 60 random bits. It says nothing about the person, so the
/// append-only journal can keep it after the person's data is erased. <c>default</c> is not a valid pseudonym.
/// </summary>
public readonly record struct CitizenPseudonym
{
    /// <summary>Characters after the leading <c>c</c>.</summary>
    public const int Length = 12;

    /// <summary>The random bytes a pseudonym is drawn from (60 of their 64 bits are used).</summary>
    public const int RandomBytes = 8;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private static readonly SearchValues<char> AlphabetChars = SearchValues.Create(Alphabet);

    private CitizenPseudonym(string value) => Value = value;

    /// <summary>The pseudonym, e.g. <c>caaaaaaaaaaab</c>.</summary>
    public string Value { get; }

    /// <summary>The pseudonym drawn from <paramref name="random"/> (8 bytes from a cryptographic generator): 5 bits per character, most significant first.</summary>
    public static CitizenPseudonym FromRandom(ReadOnlySpan<byte> random)
    {
        if (random.Length != RandomBytes)
        {
            throw new ArgumentException($"a pseudonym is drawn from {RandomBytes} random bytes", nameof(random));
        }
        var bits = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(random);
        var chars = new char[Length + 1];
        chars[0] = 'c';
        for (var i = 0; i < Length; i++)
        {
            chars[i + 1] = Alphabet[(int)((bits >> (64 - (5 * (i + 1)))) & 31)];
        }
        return new CitizenPseudonym(new string(chars));
    }

    /// <summary>Reads a pseudonym as typed (trimmed, lower case); false when it is not one.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out CitizenPseudonym? pseudonym)
    {
        var t = (text ?? "").Trim().ToLowerInvariant();
        pseudonym = t.Length == Length + 1 && t[0] == 'c' && t.AsSpan(1).IndexOfAnyExcept(AlphabetChars) < 0 ? new CitizenPseudonym(t) : null;
        return pseudonym is not null;
    }

    public override string ToString() => Value;
}
