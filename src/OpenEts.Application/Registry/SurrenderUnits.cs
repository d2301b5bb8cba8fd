using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>Surrenders units (清缴/履约) from an account the actor represents for a compliance year.</summary>
public sealed record SurrenderUnits(AccountNumber From, UnitClass Class, AllowanceCount Quantity, int ComplianceYear, IdempotencyKey Key) : IRegistryCommand
{
    /// <summary>The request as typed by a person: every field as text or a plain number, none trusted yet.</summary>
    public sealed record Form(string? From, string? Class, long? Quantity, int? ComplianceYear, string? IdempotencyKey);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => RegistryRoles.Holders;

    /// <summary>Reads <paramref name="form"/>; on failure <paramref name="errors"/> names each bad field and its rule.</summary>
    public static bool TryParse(Form form, [NotNullWhen(true)] out SurrenderUnits? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var from = read.Account(form.From, "from");
        var unitClass = read.Class(form.Class);
        var quantity = read.Quantity(form.Quantity);
        var year = read.Year(form.ComplianceYear);
        var key = read.Key(form.IdempotencyKey);
        command = read.IsValid ? new SurrenderUnits(from, unitClass, quantity, year, key) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public RegistryOutcome Execute(RegistryLedger ledger, UserId actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.Surrender(actor, now, Key, From, Class, Quantity.Value, ComplianceYear);
    }
}
