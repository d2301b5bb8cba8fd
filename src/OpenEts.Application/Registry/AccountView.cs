using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>One registry account as its page shows it (<see cref="RegistryQueries.AccountViewAsync"/>).</summary>
/// <param name="Account">The account.</param>
/// <param name="Holdings">What it holds, one entry per unit class.</param>
/// <param name="Pending">The pending transfer proposals out of or into it.</param>
/// <param name="StateReason">Why it was last blocked, unblocked or closed; null when never.</param>
/// <param name="MaySurrender">The reader represents this holding or investor account, open, so may surrender or cancel from it.</param>
/// <param name="History">The page of its history asked for.</param>
/// <param name="MayPropose">The reader represents this account, open and holding units, in a role that proposes transfers
/// (<see cref="RegistryRoles.Holders"/>: not the regulator, whose accounts move by issuance, allocation and correction), so may
/// propose a transfer out of it.</param>
public sealed record AccountView(
    Account Account, IReadOnlyList<Holding> Holdings, IReadOnlyList<PendingProposal> Pending, string? StateReason,
    bool MaySurrender, AccountHistoryPage History, bool MayPropose);
