using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>Blocks (冻结), unblocks or closes an account, with a reason: the regulator.</summary>
public sealed record ChangeAccountState(AccountNumber Account, AccountStateChange Change, string Reason, IdempotencyKey Key) : IRegistryCommand
{
    /// <summary>The request as typed by a person: every field as text or a plain number, none trusted yet.</summary>
    public sealed record Form(string? Account, AccountStateChange Change, string? Reason, string? IdempotencyKey);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => RegistryRoles.Regulator;

    /// <inheritdoc/>
    public string FieldOf(string ledgerField) => ledgerField == "number" ? "account" : ledgerField;

    /// <summary>Reads <paramref name="form"/>; on failure <paramref name="errors"/> names each bad field and its rule.</summary>
    public static bool TryParse(Form form, [NotNullWhen(true)] out ChangeAccountState? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var account = read.Account(form.Account, "account");
        var key = read.Key(form.IdempotencyKey);
        command = read.IsValid ? new ChangeAccountState(account, form.Change, FieldReader.Text(form.Reason), key) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public RegistryOutcome Execute(RegistryLedger ledger, UserId actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return Change switch
        {
            AccountStateChange.Block => ledger.BlockAccount(actor, now, Key, Account, Reason),
            AccountStateChange.Unblock => ledger.UnblockAccount(actor, now, Key, Account, Reason),
            AccountStateChange.Close => ledger.CloseAccount(actor, now, Key, Account, Reason),
            _ => throw new InvalidOperationException($"Unknown account state change {Change}."),
        };
    }
}
