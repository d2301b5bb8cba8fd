using System.Globalization;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Forms;

/// <summary>
/// The one place a fresh idempotency key is made for a request the platform's own edges send: a page's form (made when the
/// form is shown, so that a double submit runs once) or a CLI verb run without <c>--key</c>. A key a client sends is read
/// by <see cref="FieldReader.Key"/> instead.
/// </summary>
public static class IdempotencyKeys
{
    /// <summary>A new key, unique for all practical purposes: the origin's prefix and a random GUID (<c>web-3f2a…</c>).</summary>
    public static IdempotencyKey New(KeyOrigin origin) => IdempotencyKey.From(Prefix(origin) + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));

    /// <summary>The text of a new key, for a form's hidden field or a command's form.</summary>
    public static string NewText(KeyOrigin origin) => New(origin).Value;

    private static string Prefix(KeyOrigin origin) => origin switch
    {
        KeyOrigin.Web => "web-",
        KeyOrigin.Cli => "cli-",
        _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, "no such origin"),
    };
}
