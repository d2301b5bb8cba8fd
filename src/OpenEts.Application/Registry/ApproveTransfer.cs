using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>Approves a pending transfer proposal (not one's own): the units move at once, lowest serials first.</summary>
public sealed record ApproveTransfer(ProposalId Proposal, IdempotencyKey Key) : IRegistryCommand
{
    /// <summary>The request as typed by a person: every field as text or a plain number, none trusted yet.</summary>
    public sealed record Form(long? Proposal, string? IdempotencyKey);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => RegistryRoles.Holders;

    /// <inheritdoc/>
    public string FieldOf(string ledgerField) => ledgerField == "proposal" ? "id" : ledgerField;

    /// <summary>Reads <paramref name="form"/>; on failure <paramref name="errors"/> names each bad field and its rule.</summary>
    public static bool TryParse(Form form, [NotNullWhen(true)] out ApproveTransfer? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var proposal = read.Proposal(form.Proposal);
        var key = read.Key(form.IdempotencyKey);
        command = read.IsValid ? new ApproveTransfer(proposal, key) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public RegistryOutcome Execute(RegistryLedger ledger, UserId actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.ApproveTransfer(actor, now, Key, Proposal);
    }
}
