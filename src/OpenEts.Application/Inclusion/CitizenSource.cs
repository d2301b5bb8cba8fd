namespace OpenEts.Application.Inclusion;

/// <summary>
/// The source a citizen's own actions are kept under (<c>c12/web</c>): their id before the name they gave, so that one
/// citizen's event ids never collide with, block or pass for another's or a partner's (<c>p7/…</c>). The citizen reads
/// the name they gave.
/// </summary>
public static class CitizenSource
{
    /// <summary>The source kept for <paramref name="source"/> as sent by citizen <paramref name="userId"/>.</summary>
    public static string Of(long userId, string source) => $"c{userId}/{source}";

    /// <summary>The source as citizen <paramref name="userId"/> named it, when it is their own; else as kept.</summary>
    public static string Shown(long userId, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var prefix = Of(userId, "");
        return source.StartsWith(prefix, StringComparison.Ordinal) ? source[prefix.Length..] : source;
    }
}
