namespace OpenEts.Domain.Registry;

/// <summary>The serials one account holds of one class, lowest first.</summary>
/// <param name="Account">The holder.</param>
/// <param name="Class">The unit class.</param>
/// <param name="Blocks">Disjoint, sorted, merged blocks.</param>
public sealed record HeldBlocks(AccountNumber Account, UnitClass Class, IReadOnlyList<SerialBlock> Blocks);
