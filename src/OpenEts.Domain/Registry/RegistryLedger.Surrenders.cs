namespace OpenEts.Domain.Registry;

// Surrenders by compliance year, in the order they were made: what compliance replays to know each entity's and the
// province's surrendered totals inside the registry's single writer.
public sealed partial class RegistryLedger
{
    private readonly Dictionary<int, List<UnitsSurrendered>> _surrenders = [];

    /// <summary>Every surrender for <paramref name="complianceYear"/>, oldest first (empty when none).</summary>
    public IReadOnlyList<UnitsSurrendered> SurrendersFor(int complianceYear) =>
        _surrenders.TryGetValue(complianceYear, out var list) ? list : [];

    private void RecordSurrender(UnitsSurrendered s)
    {
        if (!_surrenders.TryGetValue(s.ComplianceYear, out var list))
        {
            list = [];
            _surrenders.Add(s.ComplianceYear, list);
        }
        list.Add(s);
    }
}
