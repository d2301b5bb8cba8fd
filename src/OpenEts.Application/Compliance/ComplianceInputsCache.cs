using System.Runtime.CompilerServices;
using OpenEts.Application.Mrv;
using OpenEts.Application.Offsets;
using OpenEts.Application.Organisations;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;

namespace OpenEts.Application.Compliance;

/// <summary>
/// A compliance year's inputs, read from the database again only when something they are read from changed: every
/// surrender and every list reads them, and a full read at 10 000 entities costs tens of milliseconds (docs/compliance.md,
/// Speed). The database moves a counter (<see cref="DataVersions.ComplianceInputs"/>) in the same transaction as any
/// change of the rows the inputs come from (organisations, users, emission reports, plans, offset projects); the unit
/// attributes come from the registry's ledger and are compared by value. Kept per store, jurisdiction and year.
/// </summary>
/// <remarks>
/// The counter is read before the inputs, each in its own snapshot: a change committed in between is read with the
/// inputs but kept under the older counter, so the next call reads again; a kept read is never newer than its counter.
/// </remarks>
public static class ComplianceInputsCache
{
    private static readonly ConditionalWeakTable<IStore, Dictionary<(string Jurisdiction, int Year), Kept>> ByStore = new();

    private sealed record Kept(long Version, ComplianceRulebook Rulebook, ComplianceInputs Inputs);

    /// <summary>As <see cref="ComplianceInputs.LoadAsync"/>, the kept inputs when nothing they are read from changed.</summary>
    public static async Task<ComplianceInputs?> LoadAsync(
        IStore store, RegistryQueries registry, MrvQueries mrv, OffsetsQueries offsets, OrganisationService organisations,
        ComplianceRulebook rulebook, string jurisdiction, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(registry);
        var version = await store.ReadAsync(s => s.DataVersions.VersionAsync(DataVersions.ComplianceInputs), ct).ConfigureAwait(false);
        var years = ByStore.GetValue(store, _ => []);
        Kept? kept;
        lock (years)
        {
            kept = years.GetValueOrDefault((jurisdiction, year));
        }
        if (kept is not null && kept.Version == version && ReferenceEquals(kept.Rulebook, rulebook)
            && kept.Inputs.SameAttributes(await registry.AllUnitAttributesAsync(ct).ConfigureAwait(false)))
        {
            return kept.Inputs;
        }
        var inputs = await ComplianceInputs.LoadAsync(store, registry, mrv, offsets, organisations, rulebook, jurisdiction, year, ct).ConfigureAwait(false);
        if (inputs is not null)
        {
            lock (years)
            {
                years[(jurisdiction, year)] = new Kept(version, rulebook, inputs);
            }
        }
        return inputs;
    }
}
