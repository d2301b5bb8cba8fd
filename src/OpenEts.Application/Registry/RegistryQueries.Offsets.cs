using OpenEts.Application.Identity;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

// Unit attributes (the only way other modules read them) and the public offset lists.
public sealed partial class RegistryQueries
{
    /// <summary>Rows per page of the public issuance and retirement lists.</summary>
    public const int PublicPageSize = 100;

    /// <summary>
    /// What compliance may know of a unit of <paramref name="unitClass"/> (programme, project, category, host province,
    /// vintage, pre-CDM); <see cref="UnitAttributes.Defined"/> is false for a legacy or undefined offset class. Null for
    /// an invalid class. Public: attributes describe a class, not a holder.
    /// </summary>
    public Task<UnitAttributes?> UnitAttributesAsync(UnitClass unitClass, CancellationToken ct) =>
        registry.QueryAsync((l, _) => l.AttributesOf(unitClass), ct);

    /// <summary>What an account holds, each holding with its class's attributes, when <paramref name="actor"/> may see it.</summary>
    public Task<AccountRead<IReadOnlyList<HoldingAttributes>>> HoldingAttributesAsync(Actor actor, AccountNumber number, CancellationToken ct) =>
        AccountAsync<IReadOnlyList<HoldingAttributes>>(actor, number,
            (l, _, _) => [.. l.HoldingsOf(number).Select(h => new HoldingAttributes(h, l.AttributesOf(h.Class)!))], ct);

    /// <summary>Every defined offset class, sorted by class. Public.</summary>
    public Task<IReadOnlyList<OffsetClassDefined>> OffsetClassesAsync(CancellationToken ct) =>
        registry.QueryAsync((l, _) => l.OffsetClasses, ct);

    /// <summary>One page of the public retirement list, newest first; a page past the end is the last page. Public.</summary>
    public Task<PublicPage<PublicRetirement>> RetirementsAsync(int page, CancellationToken ct) =>
        registry.QueryAsync((l, _) => RetirementPage(l, page), ct);

    /// <summary>One page of <paramref name="ledger"/>'s retirement list, newest first (what <see cref="RetirementsAsync"/> reads).</summary>
    public static PublicPage<PublicRetirement> RetirementPage(RegistryLedger ledger, int page)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return PageOf(ledger.Retirements, page, r => Retirement(ledger, r));
    }

    /// <summary>One page of the public offset issuance list, newest first; a page past the end is the last page. Public.</summary>
    public Task<PublicPage<PublicIssuance>> OffsetIssuancesAsync(int page, CancellationToken ct) =>
        registry.QueryAsync((l, _) => PageOf(l.OffsetIssuances, page, i => Issuance(l, i)), ct);

    /// <summary>The whole public retirement list, newest first, for export.</summary>
    public Task<IReadOnlyList<PublicRetirement>> AllRetirementsAsync(CancellationToken ct) =>
        registry.QueryAsync<IReadOnlyList<PublicRetirement>>((l, _) => [.. l.Retirements.Reverse().Select(r => Retirement(l, r))], ct);

    /// <summary>The whole public offset issuance list, newest first, for export.</summary>
    public Task<IReadOnlyList<PublicIssuance>> AllOffsetIssuancesAsync(CancellationToken ct) =>
        registry.QueryAsync<IReadOnlyList<PublicIssuance>>((l, _) => [.. l.OffsetIssuances.Reverse().Select(i => Issuance(l, i))], ct);

    /// <summary>Blocks of a class as displayed serials, comma-separated (e.g. <c>CCER-001234-2019-1-1000</c>).</summary>
    public static string SerialsText(UnitClass unitClass, IEnumerable<SerialBlock> blocks) =>
        string.Join(", ", blocks.Select(unitClass.SerialText));

    // The list is held oldest first in the ledger; a page of the newest-first view is a slice from the end, so a page
    // costs the same at a million rows as at ten (no scan, no sort).
    private static PublicPage<TRow> PageOf<T, TRow>(IReadOnlyList<T> list, int page, Func<T, TRow> row)
    {
        var total = list.Count;
        var pages = Math.Max(1, (total + PublicPageSize - 1) / PublicPageSize);
        var p = Math.Clamp(page, 1, pages);
        var newest = total - 1 - ((p - 1) * PublicPageSize);
        var rows = new List<TRow>(Math.Min(PublicPageSize, total));
        for (var i = newest; i >= 0 && i > newest - PublicPageSize; i--)
        {
            rows.Add(row(list[i]));
        }
        return new PublicPage<TRow>(rows, p, pages, total);
    }

    private static PublicRetirement Retirement(RegistryLedger l, Retirement r) =>
        new(r.Number, r.At, r.Class, SerialsText(r.Class, r.Blocks), r.Quantity, r.Beneficiary, r.Purpose, l.AttributesOf(r.Class)!);

    private static PublicIssuance Issuance(RegistryLedger l, OffsetIssuance i) =>
        new(i.Number, i.At, i.Class, l.FindAccount(i.Owner)?.HolderName ?? "", SerialsText(i.Class, i.OwnerBlocks), i.OwnerQuantity,
            SerialsText(i.Class, i.BufferBlocks), i.BufferQuantity, i.Reference, l.AttributesOf(i.Class)!);
}
