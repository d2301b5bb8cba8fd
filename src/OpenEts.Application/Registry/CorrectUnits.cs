using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>Moves units between accounts by the regulator's correction (更正), with a reason: a quantity (lowest serials first) or exact serials.</summary>
public sealed record CorrectUnits(AccountNumber From, AccountNumber To, UnitClass Class, AllowanceCount? Quantity, SerialBlock? Serials, string Reason, IdempotencyKey Key) : IRegistryCommand
{
    /// <summary>The request as typed by a person: every field as text or a plain number, none trusted yet.</summary>
    public sealed record Form(string? From, string? To, string? Class, long? Quantity, long? SerialsFirst, long? SerialsLast, string? Reason, string? IdempotencyKey);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => RegistryRoles.Regulator;

    private static AllowanceCount? Missing(FieldReader read)
    {
        read.Fail("quantity", "QuantityOrSerials", "quantity: give a quantity, or the serials (first and last)");
        return null;
    }

    /// <summary>Reads <paramref name="form"/>; on failure <paramref name="errors"/> names each bad field and its rule.</summary>
    public static bool TryParse(Form form, [NotNullWhen(true)] out CorrectUnits? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var from = read.Account(form.From, "from");
        var to = read.Account(form.To, "to");
        var unitClass = read.Class(form.Class);
        AllowanceCount? quantity = null;
        SerialBlock? serials = null;
        if (form.SerialsFirst is not null || form.SerialsLast is not null)
        {
            if (form.Quantity is not null)
            {
                read.Fail("serials", "QuantityOrSerials", "serials: give a quantity or serials, not both");
            }
            else if (form.SerialsFirst is not { } first || form.SerialsLast is not { } last || first < 1 || last < first)
            {
                read.Fail("serials", "SerialBlock", "serials: give the first and last serial, with 1 ≤ first ≤ last");
            }
            else
            {
                serials = SerialBlock.Create(first, last);
            }
        }
        else
        {
            quantity = form.Quantity is null
                ? Missing(read)
                : read.Quantity(form.Quantity);
        }
        var key = read.Key(form.IdempotencyKey);
        command = read.IsValid ? new CorrectUnits(from, to, unitClass, quantity, serials, FieldReader.Text(form.Reason), key) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public RegistryOutcome Execute(RegistryLedger ledger, UserId actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return Serials is { } block
            ? ledger.CorrectSerials(actor, now, Key, From, To, Class, block, Reason)
            : ledger.Correct(actor, now, Key, From, To, Class, (Quantity ?? AllowanceCount.Zero).Value, Reason);
    }
}
