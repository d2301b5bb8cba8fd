using System.Globalization;

namespace OpenEts.Cli.Exchange;

/// <summary>Prices in replay files: yuan with at most two decimals ("60", "60.5", "60.25"), held as integer fen.</summary>
internal static class YuanPrice
{
    /// <summary>Parses digits with an optional '-' and at most two decimals; no exponent, grouping or culture.</summary>
    public static bool TryParseFen(ReadOnlySpan<char> text, out long fen)
    {
        fen = 0;
        bool negative = text.Length > 0 && text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }

        int dot = text.IndexOf('.');
        ReadOnlySpan<char> whole = dot < 0 ? text : text[..dot];
        ReadOnlySpan<char> cents = dot < 0 ? [] : text[(dot + 1)..];
        if (whole.Length is 0 or > 15 || (dot >= 0 && cents.Length is 0 or > 2) || !AllDigits(whole) || !AllDigits(cents))
        {
            return false;
        }

        long value = long.Parse(whole, NumberStyles.None, CultureInfo.InvariantCulture) * 100;
        if (cents.Length > 0)
        {
            value += long.Parse(cents, NumberStyles.None, CultureInfo.InvariantCulture) * (cents.Length == 1 ? 10 : 1);
        }

        fen = negative ? -value : value;
        return true;
    }

    /// <summary>Formats fen as yuan with exactly two decimals, e.g. 10010 → "100.10".</summary>
    public static string Format(long fen)
    {
        string sign = fen < 0 ? "-" : "";
        long abs = Math.Abs(fen);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{abs / 100}.{abs % 100:D2}");
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
