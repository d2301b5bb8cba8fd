using System.Globalization;
using System.Text;

namespace OpenEts.Domain.Text;

/// <summary>
/// Rules for text that people type and others read back (names, reasons): no control characters and no invisible
/// format characters, so that a name cannot hide a line break, a NUL, a zero-width space or a right-to-left override
/// (U+202E) that makes "GD-HOLD-1" read as something else on a page or in an export.
/// </summary>
/// <remarks>
/// Refused: Unicode categories Cc (control) and Cf (format: U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, U+FEFF, soft
/// hyphen …) and unpaired surrogates. Chinese text needs none of these. Where line breaks are allowed (a reason), CR,
/// LF and tab are kept.
/// </remarks>
public static class DisplayText
{
    /// <summary>
    /// The first forbidden character of <paramref name="text"/> as <c>U+XXXX</c> and its position (0-based, in UTF-16
    /// code units), or null when the text is clean.
    /// </summary>
    public static (string CodePoint, int Index)? FindForbidden(string text, bool allowLineBreaks)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    if (CharUnicodeInfo.GetUnicodeCategory(text, i) == UnicodeCategory.Format)
                    {
                        return (Name(char.ConvertToUtf32(c, text[i + 1])), i);
                    }
                    i++;
                    continue;
                }
                return (Name(c), i);
            }
            if (allowLineBreaks && c is '\n' or '\r' or '\t')
            {
                continue;
            }
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                return (Name(c), i);
            }
        }
        return null;
    }

    /// <summary>A sentence naming the forbidden character in <paramref name="text"/>, or null when it is clean.</summary>
    public static string? Explain(string text, string field, bool allowLineBreaks) =>
        FindForbidden(text, allowLineBreaks) is { } bad
            ? string.Create(CultureInfo.InvariantCulture,
                $"The {field} holds an invisible or control character ({bad.CodePoint} at position {bad.Index + 1}).")
            : null;

    private static string Name(int codePoint) =>
        new StringBuilder("U+").Append(codePoint.ToString("X4", CultureInfo.InvariantCulture)).ToString();
}
