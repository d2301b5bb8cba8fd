using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>Proposes a transfer (转让申请) from an account the actor represents; another representative of the source must approve it before anything moves.</summary>
public sealed record ProposeTransfer(AccountNumber From, AccountNumber To, UnitClass Class, AllowanceCount Quantity, IdempotencyKey Key, DateTimeOffset? ExpiresAt = null) : IRegistryCommand
{
    /// <summary>The request as typed by a person: every field as text or a plain number, none trusted yet.</summary>
    public sealed record Form(string? From, string? To, string? Class, long? Quantity, string? IdempotencyKey, DateTimeOffset? ExpiresAt = null);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => RegistryRoles.Holders;

    /// <summary>How long a proposal stays open when the request names no expiry.</summary>
    public static TimeSpan DefaultExpiry { get; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The expiry of a proposal made at <paramref name="now"/> that names none: the end of the UTC day a week on, so
    /// that a retry the same day (same key) is the same request.
    /// </summary>
    public static DateTimeOffset DefaultExpiryFrom(DateTimeOffset now) =>
        new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).Add(DefaultExpiry).AddDays(1);

    /// <summary>Reads <paramref name="form"/>; on failure <paramref name="errors"/> names each bad field and its rule.</summary>
    public static bool TryParse(Form form, [NotNullWhen(true)] out ProposeTransfer? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var from = read.Account(form.From, "from");
        var to = read.Account(form.To, "to");
        var unitClass = read.Class(form.Class);
        var quantity = read.Quantity(form.Quantity);
        var key = read.Key(form.IdempotencyKey);
        command = read.IsValid ? new ProposeTransfer(from, to, unitClass, quantity, key, form.ExpiresAt) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public RegistryOutcome Execute(RegistryLedger ledger, UserId actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.ProposeTransfer(actor, now, Key, From, To, Class, Quantity.Value, ExpiresAt ?? DefaultExpiryFrom(now));
    }
}
