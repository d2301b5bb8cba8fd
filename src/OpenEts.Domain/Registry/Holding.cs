using OpenEts.Domain.Quantities;

namespace OpenEts.Domain.Registry;

/// <summary>What one account holds of one unit class.</summary>
/// <param name="Account">The account.</param>
/// <param name="Class">The unit class.</param>
/// <param name="Total">Units (tonnes) held; the sum of the blocks' counts.</param>
/// <param name="Blocks">The serials held, sorted, adjacent blocks merged.</param>
public sealed record Holding(AccountNumber Account, UnitClass Class, AllowanceCount Total, IReadOnlyList<SerialBlock> Blocks);
