using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>
/// Retires units (自愿注销) from a holding or investor account the actor represents, on behalf of a named beneficiary
/// and for a stated purpose (both required); the retirement appears on the public retirement list and the units never
/// move again.
/// </summary>
public sealed record RetireUnits(
    AccountNumber From, UnitClass Class, AllowanceCount Quantity, string Beneficiary, string Purpose, IdempotencyKey Key) : IRegistryCommand
{
    /// <summary>The request as typed by a person: every field as text or a plain number, none trusted yet.</summary>
    public sealed record Form(string? From, string? Class, long? Quantity, string? Beneficiary, string? Purpose, string? IdempotencyKey);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => RegistryRoles.Holders;

    /// <summary>Reads <paramref name="form"/>; on failure <paramref name="errors"/> names each bad field and its rule.</summary>
    public static bool TryParse(Form form, [NotNullWhen(true)] out RetireUnits? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var from = read.Account(form.From, "from");
        var unitClass = read.Class(form.Class);
        var quantity = read.Quantity(form.Quantity);
        var key = read.Key(form.IdempotencyKey);
        command = read.IsValid
            ? new RetireUnits(from, unitClass, quantity, FieldReader.Text(form.Beneficiary), FieldReader.Text(form.Purpose), key)
            : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public RegistryOutcome Execute(RegistryLedger ledger, UserId actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.Retire(actor, now, Key, From, Class, Quantity.Value, Beneficiary, Purpose);
    }
}
