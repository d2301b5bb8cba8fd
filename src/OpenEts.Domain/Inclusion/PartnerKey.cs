using System.Security.Cryptography;
using System.Text;

namespace OpenEts.Domain.Inclusion;

/// <summary>
/// A data partner's API key (合作方密钥): <c>oetsp_</c> + 32 base32 characters (160 random bits). It is shown once when
/// issued; the platform keeps only its SHA-256 hash (a key this long cannot be guessed, so a slow hash is not needed)
/// and its first characters, to tell keys apart on screen.
/// </summary>
public sealed record PartnerKey
{
    /// <summary>The random bytes a key is made from.</summary>
    public const int RandomBytes = 20;

    /// <summary>What every key starts with.</summary>
    public const string Prefix = "oetsp_";

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private PartnerKey(string value) => Value = value;

    /// <summary>The key itself (secret).</summary>
    public string Value { get; }

    /// <summary>The key's first 10 characters, safe to show.</summary>
    public string Shown => Value[..(Prefix.Length + 4)];

    /// <summary>A key from <see cref="RandomBytes"/> random bytes.</summary>
    public static PartnerKey FromRandom(ReadOnlySpan<byte> random)
    {
        if (random.Length != RandomBytes)
        {
            throw new ArgumentException($"a key takes {RandomBytes} random bytes", nameof(random));
        }
        var text = new StringBuilder(Prefix, Prefix.Length + 32);
        for (var bit = 0; bit < RandomBytes * 8; bit += 5)
        {
            var value = 0;
            for (var k = 0; k < 5; k++)
            {
                value = (value << 1) | ((random[(bit + k) / 8] >> (7 - ((bit + k) % 8))) & 1);
            }
            text.Append(Alphabet[value]);
        }
        return new PartnerKey(text.ToString());
    }

    /// <summary>A key given as text (a documented demo key, say), or null when the text is not a key's.</summary>
    public static PartnerKey? FromText(string? text) => LooksLikeKey(text) ? new PartnerKey(text!) : null;

    /// <summary>The stored hash of a key as presented (lower-case hex SHA-256 of its UTF-8 text).</summary>
    public static string Hash(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(presented.Trim())));
    }

    /// <summary>True when <paramref name="presented"/> looks like a key (so that a typo is told apart from a revoked key).</summary>
    public static bool LooksLikeKey(string? presented) =>
        presented is { Length: 38 } p && p.StartsWith(Prefix, StringComparison.Ordinal) && p[Prefix.Length..].All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    public override string ToString() => Shown + "…";
}
