namespace OpenEts.Domain.Registry;

/// <summary>A transfer waiting for (or past) a second representative's decision. Immutable: each change replaces it.</summary>
/// <param name="Id">The proposal number.</param>
/// <param name="From">The account the units leave.</param>
/// <param name="To">The account the units enter.</param>
/// <param name="Class">The unit class.</param>
/// <param name="Quantity">Units (tonnes) to move, at least 1.</param>
/// <param name="ProposedBy">The representative who proposed it.</param>
/// <param name="ProposedAt">When it was proposed.</param>
/// <param name="ExpiresAt">Approval is refused from this instant on.</param>
/// <param name="State">Pending, executed, rejected or expired.</param>
/// <param name="DecidedBy">Who approved or rejected it; <see cref="UserId.System"/> when it expired; null while pending.</param>
/// <param name="DecidedAt">When it was decided; null while pending.</param>
/// <param name="Blocks">The serials moved when executed; empty otherwise.</param>
public sealed record TransferProposal(
    ProposalId Id,
    AccountNumber From,
    AccountNumber To,
    UnitClass Class,
    long Quantity,
    UserId ProposedBy,
    DateTimeOffset ProposedAt,
    DateTimeOffset ExpiresAt,
    ProposalState State,
    UserId? DecidedBy,
    DateTimeOffset? DecidedAt,
    IReadOnlyList<SerialBlock> Blocks);
