using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>Opens a holding, investor or clearing account (开立账户) for two or more platform users as its representatives: the regulator.</summary>
public sealed record OpenAccount(AccountNumber Number, AccountKind Kind, string HolderName, IReadOnlyList<UserId> Representatives, IdempotencyKey Key) : IRegistryCommand
{
    /// <summary>The request as typed by a person: every field as text or a plain number, none trusted yet.</summary>
    public sealed record Form(string? Number, string? Kind, string? HolderName, IReadOnlyList<string?>? Representatives, string? IdempotencyKey);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => RegistryRoles.Regulator;

    /// <inheritdoc/>
    public IReadOnlyList<(string Field, UserId User)> NamedUsers => [.. Representatives.Select(r => ("representatives", r))];

    /// <summary>Reads <paramref name="form"/>; on failure <paramref name="errors"/> names each bad field and its rule.</summary>
    public static bool TryParse(Form form, [NotNullWhen(true)] out OpenAccount? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var number = read.Account(form.Number, "number");
        var kind = read.Choice(form.Kind, "kind", AccountKind.Holding, AccountKind.Investor, AccountKind.Clearing, AccountKind.Buffer);
        var representatives = (form.Representatives ?? []).Select(r => read.User(r, "representatives")).ToList();
        var key = read.Key(form.IdempotencyKey);
        command = read.IsValid ? new OpenAccount(number, kind, FieldReader.Text(form.HolderName), representatives, key) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public RegistryOutcome Execute(RegistryLedger ledger, UserId actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.OpenAccount(actor, now, Key, Number, Kind, HolderName, Representatives);
    }
}
