using OpenEts.Application.Forms;

namespace OpenEts.Server.Api;

/// <summary>
/// A list's filters in the query (<c>?status=approved&amp;year=2017</c>), read so that a value the list cannot take is
/// named as typed: a status that is none of the statuses (<c>?status=aproved</c>, <c>?status=4</c>) with those there are,
/// rather than the whole list as if no filter had been given.
/// </summary>
internal static class QueryValues
{
    /// <summary>The value <paramref name="text"/> names by the API's name, case aside; null when none is given, or when it names none (filed in <paramref name="read"/> as <c>UnknownValue</c>).</summary>
    public static TEnum? Choice<TEnum>(FieldReader read, string? text, string field) where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(read);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var values = Enum.GetValues<TEnum>().ToDictionary(ApiDocument.EnumName, StringComparer.OrdinalIgnoreCase);
        return read.Among(text, field, [.. values.Keys]) is { } code ? values[code] : null;
    }
}
