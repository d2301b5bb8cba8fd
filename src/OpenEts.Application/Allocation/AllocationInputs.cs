using OpenEts.Application.Mrv;
using OpenEts.Application.Organisations;
using OpenEts.Domain.Allocation;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Allocation;

/// <summary>
/// Builds what allocation knows of each covered entity from approved MRV figures only, read through
/// <see cref="MrvQueries"/> (approved totals and each approved report's outputs): never MRV's tables. Which entities
/// are the plan's market's comes from <see cref="OrganisationService.CoveredByAsync"/> (the plan's <c>registryCode</c>).
/// </summary>
public static class AllocationInputs
{
    /// <summary>The covered entities of <paramref name="plan"/> for <paramref name="year"/>, by credit code.</summary>
    /// <remarks>
    /// Covered: recorded as covered by the plan's market (its <c>registryCode</c>), in a covered sector, with an approved
    /// total of the year or the year before at or above the plan's threshold. Outputs of the year, the year before and the
    /// plan's historical years come from the approved reports.
    /// </remarks>
    public static async Task<IReadOnlyList<EntityInput>> ReadAsync(
        MrvQueries mrv, OrganisationService organisations, AllocationPlan plan, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mrv);
        ArgumentNullException.ThrowIfNull(organisations);
        ArgumentNullException.ThrowIfNull(plan);
        var members = (await organisations.CoveredByAsync(plan.RegistryCode, ct).ConfigureAwait(false)).Select(o => o.Code).ToHashSet();
        var totals = (await mrv.ApprovedTotalsAsync(null, ct).ConfigureAwait(false)).Where(t => members.Contains(t.Organisation));
        var threshold = plan.Coverage.Threshold.For(year);
        var history = plan.History?.Years ?? [];
        var entities = new List<EntityInput>();
        foreach (var group in totals.GroupBy(t => t.Organisation.Value).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var latest = group.OrderByDescending(t => t.Year).First();
            var sector = plan.SectorOf(latest.Sector);
            var byYear = group.ToDictionary(t => t.Year);
            var current = byYear.GetValueOrDefault(year);
            var previous = byYear.GetValueOrDefault(year - 1);
            if (sector is null || !plan.Coverage.Sectors.Contains(latest.Sector)
                || Math.Max(current?.Approved.Value ?? 0m, previous?.Approved.Value ?? 0m) < threshold)
            {
                continue;
            }
            async Task<IReadOnlyList<ProductionOutput>> OutputsAsync(int y) =>
                byYear.ContainsKey(y) && await mrv.ApprovedEmissionsAsync(latest.Organisation, y, ct).ConfigureAwait(false) is { } e
                    ? e.Outputs
                    : [];
            var years = new List<HistoryYear>();
            foreach (var h in history.Where(byYear.ContainsKey))
            {
                var products = Products(sector, await OutputsAsync(h).ConfigureAwait(false), null);
                years.Add(new HistoryYear(h, byYear[h].Approved.Value, products.GroupBy(p => p.Product).ToDictionary(g => g.Key, g => g.Sum(p => p.Output))));
            }
            entities.Add(new EntityInput(latest.Organisation.Value, latest.Name, latest.Sector)
            {
                Products = current is null ? [] : Products(sector, await OutputsAsync(year).ConfigureAwait(false), current.Approved.Value),
                PreviousProducts = previous is null ? [] : Products(sector, await OutputsAsync(year - 1).ConfigureAwait(false), previous.Approved.Value),
                Verified = current?.Approved.Value,
                PreviousVerified = previous?.Approved.Value,
                History = years,
            });
        }
        return entities;
    }

    /// <summary>
    /// The plan products an entity's approved outputs feed: each output of a product's kind goes to the product whose
    /// detail matches (for power, the unit category), else to the sector's default product of that kind. Heat, load
    /// factor and cooling qualify the power product. A sector whose default product uses historical emissions gets it
    /// without output.
    /// </summary>
    public static IReadOnlyList<ProductInput> Products(PlanSector sector, IReadOnlyList<ProductionOutput> outputs, decimal? verified)
    {
        ArgumentNullException.ThrowIfNull(sector);
        ArgumentNullException.ThrowIfNull(outputs);
        var category = outputs.FirstOrDefault(o => o.Kind == OutputKind.UnitCategory)?.Detail;
        var load = outputs.FirstOrDefault(o => o.Kind == OutputKind.LoadFactor)?.Amount;
        var air = outputs.Any(o => o.Kind == OutputKind.CoolingMethod && string.Equals(o.Detail, "air", StringComparison.OrdinalIgnoreCase));
        var heat = outputs.Where(o => o.Kind == OutputKind.HeatSupplied).Sum(o => o.Amount);
        var inputs = new List<ProductInput>();
        foreach (var output in outputs)
        {
            var detail = output.Detail ?? category;
            var candidates = sector.Products.Where(p => p.KindOfOutput() == output.Kind).ToList();
            var product = candidates.FirstOrDefault(p => p.Detail is not null && string.Equals(p.Detail, detail, StringComparison.OrdinalIgnoreCase))
                ?? candidates.FirstOrDefault(p => p.Default) ?? (candidates.Count == 1 ? candidates[0] : null);
            if (product is not null)
            {
                inputs.Add(new ProductInput(product.Id, output.Amount) { LoadFactor = load, AirCooled = air });
            }
        }
        var heatProduct = sector.Products.FirstOrDefault(p => p.HeatBenchmark is not null && inputs.Any(i => i.Product == p.Id))
            ?? sector.Products.FirstOrDefault(p => p.HeatBenchmark is not null && p.Default);
        if (heat > 0 && heatProduct is not null)
        {
            var index = inputs.FindIndex(i => i.Product == heatProduct.Id);
            if (index < 0)
            {
                inputs.Add(new ProductInput(heatProduct.Id, 0m) { Heat = heat, LoadFactor = load, AirCooled = air });
            }
            else
            {
                inputs[index] = inputs[index] with { Heat = heat };
            }
        }
        if (inputs.Count == 0 && sector.Products.FirstOrDefault(p => p.Default) is { Method: AllocationMethod.HistoricalEmissions } historical)
        {
            inputs.Add(new ProductInput(historical.Id, 0m));
        }
        if (inputs.Count == 1 && verified is { } v)
        {
            inputs[0] = inputs[0] with { Verified = v };
        }
        return inputs;
    }
}
