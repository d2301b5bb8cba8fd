using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>
/// Issues a verified quantity of a defined offset class (签发) into the project owner's account, withholding a buffer
/// share (a percentage, rounded up to whole tonnes, or a fixed quantity) to a buffer account where the methodology says
/// so: the regulator. An offsets workflow issues a verified monitoring period by building this command (its
/// <see cref="Reference"/> naming the monitoring report) and running it through <see cref="RegistryCommandHandler"/>.
/// </summary>
public sealed record IssueOffsets(
    UnitClass Class, AllowanceCount Quantity, AccountNumber Owner, AccountNumber? Buffer, BufferShare Share, string Reference,
    IdempotencyKey Key) : IRegistryCommand
{
    /// <summary>
    /// The request as typed by a person. <c>BufferPercent</c> and <c>BufferQuantity</c> are alternatives (at most one);
    /// with neither, nothing is withheld.
    /// </summary>
    public sealed record Form(
        string? Class, long? Quantity, string? Owner, string? Buffer, decimal? BufferPercent, long? BufferQuantity,
        string? Reference, string? IdempotencyKey);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => RegistryRoles.Regulator;

    /// <summary>Reads <paramref name="form"/>; on failure <paramref name="errors"/> names each bad field and its rule.</summary>
    public static bool TryParse(Form form, [NotNullWhen(true)] out IssueOffsets? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var unitClass = read.Class(form.Class);
        var quantity = read.Quantity(form.Quantity);
        var owner = read.Account(form.Owner, "owner");
        AccountNumber? buffer = string.IsNullOrWhiteSpace(form.Buffer) ? null : read.Account(form.Buffer, "buffer");
        var share = read.Buffer(form.BufferPercent, form.BufferQuantity);
        var key = read.Key(form.IdempotencyKey);
        command = read.IsValid ? new IssueOffsets(unitClass, quantity, owner, buffer, share, FieldReader.Text(form.Reference), key) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public RegistryOutcome Execute(RegistryLedger ledger, UserId actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.IssueOffsets(actor, now, Key, Class, Quantity.Value, Owner, Buffer, Share, Reference);
    }
}
