using OpenEts.Domain.Identity;

namespace OpenEts.Application.Cash;

/// <summary>
/// One cash or auction operation as a typed request: the roles that may ask and what it does inside the handler's write
/// transaction. A refusal is decided before anything is written, so the transaction commits only what completed.
/// </summary>
public interface ICashCommand
{
    /// <summary>The roles that may ask; anyone else is forbidden before anything is read.</summary>
    IReadOnlyList<Role> Roles { get; }

    /// <summary>Runs as the actor of <paramref name="work"/>, at its time.</summary>
    Task<CashCommandOutcome> RunAsync(CashWork work);
}
