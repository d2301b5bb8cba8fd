using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>Removes an authorised representative, keeping at least two: the regulator. The user need not still be a platform user.</summary>
public sealed record RemoveRepresentative(AccountNumber Account, UserId User, IdempotencyKey Key) : IRegistryCommand
{
    /// <summary>The request as typed by a person: every field as text or a plain number, none trusted yet.</summary>
    public sealed record Form(string? Account, string? User, string? IdempotencyKey);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => RegistryRoles.Regulator;

    /// <inheritdoc/>
    public string FieldOf(string ledgerField) => ledgerField switch { "number" => "account", "representative" => "user", var f => f };

    /// <summary>Reads <paramref name="form"/>; on failure <paramref name="errors"/> names each bad field and its rule.</summary>
    public static bool TryParse(Form form, [NotNullWhen(true)] out RemoveRepresentative? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var account = read.Account(form.Account, "account");
        var user = read.User(form.User, "user");
        var key = read.Key(form.IdempotencyKey);
        command = read.IsValid ? new RemoveRepresentative(account, user, key) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public RegistryOutcome Execute(RegistryLedger ledger, UserId actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.RemoveRepresentative(actor, now, Key, Account, User);
    }
}
