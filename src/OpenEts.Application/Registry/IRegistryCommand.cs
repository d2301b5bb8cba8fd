using OpenEts.Domain.Identity;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>
/// One registry operation as a typed, validated request (built by its <c>TryParse</c>): what it asks of the ledger, the
/// platform users it names, and how the ledger's field names read in the request.
/// </summary>
public interface IRegistryCommand
{
    /// <summary>The roles that may ask for this (<see cref="RegistryRoles"/>); anyone else is forbidden before the ledger is asked.</summary>
    IReadOnlyList<Role> Roles { get; }

    /// <summary>The request's idempotency key: the same key and request execute once.</summary>
    IdempotencyKey Key { get; }

    /// <summary>Platform users the request names (with their field) who must be able to sign in; empty for most.</summary>
    IReadOnlyList<(string Field, UserId User)> NamedUsers => [];

    /// <summary>Runs the request on the caught-up <paramref name="ledger"/> as <paramref name="actor"/> at <paramref name="now"/>.</summary>
    RegistryOutcome Execute(RegistryLedger ledger, UserId actor, DateTimeOffset now);

    /// <summary>
    /// The request's name for a field the ledger names, where this command names it differently (e.g. the ledger's
    /// <c>number</c> is the request's <c>account</c>); the names every command shares are mapped by the handler.
    /// </summary>
    string FieldOf(string ledgerField) => ledgerField;
}
