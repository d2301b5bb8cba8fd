using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

// What compliance reads of the registry: the year's surrenders and every class's attributes.
public sealed partial class RegistryQueries
{
    /// <summary>
    /// Every surrender for <paramref name="complianceYear"/>, oldest first, with its account and class attributes: what the
    /// public compliance list counts. Public data in aggregate; the compliance queries decide what each reader sees.
    /// </summary>
    public Task<IReadOnlyList<SurrenderRecord>> SurrendersAsync(int complianceYear, CancellationToken ct) =>
        registry.QueryAsync((l, _) => SurrenderRecord.Of(l, complianceYear), ct);

    /// <summary>
    /// <paramref name="read"/> run on the caught-up ledger, with no surrender made while it runs: for a figure another
    /// module keeps over the ledger's own events (compliance's kept years, <c>ComplianceYearCache</c>), which it reads
    /// from the ledger's objects as the registry's writer does. <paramref name="read"/> must not keep the ledger.
    /// </summary>
    public Task<T> ReadLedgerAsync<T>(Func<RegistryLedger, T> read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);
        return registry.QueryAsync((l, _) => read(l), ct);
    }

    /// <summary>The attributes of every class issued so far (<see cref="UnitAttributesAsync"/> for each, in one read).</summary>
    public Task<IReadOnlyDictionary<UnitClass, UnitAttributes>> AllUnitAttributesAsync(CancellationToken ct) =>
        registry.QueryAsync<IReadOnlyDictionary<UnitClass, UnitAttributes>>(
            (l, _) => l.IssuedClasses.ToDictionary(c => c, c => l.AttributesOf(c)!), ct);
}
