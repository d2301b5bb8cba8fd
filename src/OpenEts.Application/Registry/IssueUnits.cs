using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>Issues new units of a class into the issuance account (签发), with new serials: the regulator.</summary>
public sealed record IssueUnits(UnitClass Class, AllowanceCount Quantity, IdempotencyKey Key) : IRegistryCommand
{
    /// <summary>The request as typed by a person: every field as text or a plain number, none trusted yet.</summary>
    public sealed record Form(string? Class, long? Quantity, string? IdempotencyKey);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => RegistryRoles.Regulator;

    /// <summary>Reads <paramref name="form"/>; on failure <paramref name="errors"/> names each bad field and its rule.</summary>
    public static bool TryParse(Form form, [NotNullWhen(true)] out IssueUnits? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var unitClass = read.Class(form.Class);
        var quantity = read.Quantity(form.Quantity);
        var key = read.Key(form.IdempotencyKey);
        command = read.IsValid ? new IssueUnits(unitClass, quantity, key) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public RegistryOutcome Execute(RegistryLedger ledger, UserId actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.Issue(actor, now, Key, Class, Quantity.Value);
    }
}
