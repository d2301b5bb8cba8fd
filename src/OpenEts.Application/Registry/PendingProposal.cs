using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>A pending transfer proposal and what the reader may do with it (四眼原则).</summary>
/// <param name="Proposal">The proposal.</param>
/// <param name="MayDecide">The reader represents the source account: may reject it, and approve it unless they proposed it.</param>
/// <param name="Own">The reader proposed it, so may not approve it.</param>
public sealed record PendingProposal(TransferProposal Proposal, bool MayDecide, bool Own);
