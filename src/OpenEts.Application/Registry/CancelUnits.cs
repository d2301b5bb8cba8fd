using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>Voluntarily cancels units (自愿注销) from a holding or investor account the actor represents, for a stated reason (required: the cancellation is on the record).</summary>
public sealed record CancelUnits(AccountNumber From, UnitClass Class, AllowanceCount Quantity, string Reason, IdempotencyKey Key) : IRegistryCommand
{
    /// <summary>The request as typed by a person: every field as text or a plain number, none trusted yet.</summary>
    public sealed record Form(string? From, string? Class, long? Quantity, string? Reason, string? IdempotencyKey);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => RegistryRoles.Holders;

    /// <summary>Reads <paramref name="form"/>; on failure <paramref name="errors"/> names each bad field and its rule.</summary>
    public static bool TryParse(Form form, [NotNullWhen(true)] out CancelUnits? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var from = read.Account(form.From, "from");
        var unitClass = read.Class(form.Class);
        var quantity = read.Quantity(form.Quantity);
        var key = read.Key(form.IdempotencyKey);
        command = read.IsValid ? new CancelUnits(from, unitClass, quantity, FieldReader.Text(form.Reason), key) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public RegistryOutcome Execute(RegistryLedger ledger, UserId actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.Cancel(actor, now, Key, From, Class, Quantity.Value, Reason);
    }
}
