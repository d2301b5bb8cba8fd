namespace OpenEts.Domain.Registry;

/// <summary>One retirement (<see cref="UnitsRetired"/>) as the public retirement list shows it.</summary>
/// <param name="Number">Its place in the list: 1 for the first retirement, 2 for the next, …</param>
/// <param name="At">When the units were retired.</param>
/// <param name="From">The account the units came from (not shown publicly).</param>
/// <param name="Class">The unit class.</param>
/// <param name="Blocks">The serials retired, sorted.</param>
/// <param name="Quantity">Units retired (tonnes CO2e).</param>
/// <param name="Beneficiary">On whose behalf.</param>
/// <param name="Purpose">Why.</param>
public sealed record Retirement(
    long Number, DateTimeOffset At, AccountNumber From, UnitClass Class, IReadOnlyList<SerialBlock> Blocks, long Quantity,
    string Beneficiary, string Purpose);
