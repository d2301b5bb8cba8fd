namespace OpenEts.Domain.Allocation;

/// <summary>
/// A remark of an allocation (<see cref="EntityAllocation.Notes"/>) as data: its code (<c>alloc.note.</c> + code in the
/// pages' resources) and the figures that fill it in, in order (a product or factor code, a sector, years, counts as
/// invariant text), so that a page writes it in its reader's language.
/// </summary>
public sealed record CalculationNote(string Code, IReadOnlyList<string> Figures);
