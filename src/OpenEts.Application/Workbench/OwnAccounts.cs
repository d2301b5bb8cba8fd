using OpenEts.Domain.Registry;

namespace OpenEts.Application.Workbench;

/// <summary>
/// A company representative's accounts (<see cref="WorkbenchQueries.OwnAccountsAsync"/>): the registry accounts they
/// represent with their holdings, and their cash balance with what is available (not reserved), null without a cash account.
/// </summary>
public sealed record OwnAccounts(IReadOnlyList<(Account Account, IReadOnlyList<Holding> Holdings)> Registry, (decimal Balance, decimal Available)? Cash);
