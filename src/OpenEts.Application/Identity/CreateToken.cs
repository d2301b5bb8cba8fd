using System.Globalization;
using OpenEts.Application.Forms;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Identity;

/// <summary>
/// Creates an API token for the signed-in user: a name, a life of 1 to 365 days (90 by default) and a scope
/// (<c>read</c> or <c>read-write</c>, the default). Only a signed-in session may create one, never a token.
/// </summary>
public sealed record CreateToken(string Name, int ExpiresInDays, TokenScope Scope)
{
    public const int MaxNameLength = 60;

    public const int DefaultExpiresInDays = 90;

    public const int MaxExpiresInDays = 365;

    /// <summary>The request as typed.</summary>
    public sealed record Form(string? Name, int? ExpiresInDays = null, string? Scope = null);

    public static bool TryParse(Form form, out CreateToken? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var name = (form.Name ?? "").Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            read.FailOf("name", "Length", $"name must be 1–{MaxNameLength} characters");
        }
        var days = form.ExpiresInDays ?? DefaultExpiresInDays;
        if (days is < 1 or > MaxExpiresInDays)
        {
            read.Fail("expiresInDays", "TokenExpiry",
                string.Create(CultureInfo.InvariantCulture, $"expiresInDays must be 1–{MaxExpiresInDays} (default {DefaultExpiresInDays})"));
        }
        var scope = TokenScope.ReadWrite;
        if (form.Scope is not null && !TokenScopes.TryParse(form.Scope, out scope))
        {
            read.Fail("scope", "TokenScope", "scope must be 'read' or 'read-write'");
        }
        errors = read.Errors;
        command = read.IsValid ? new CreateToken(name, days, scope) : null;
        return command is not null;
    }
}
