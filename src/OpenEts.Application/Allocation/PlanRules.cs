using OpenEts.Domain.Allocation;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Allocation;

/// <summary>The rules of a plan that its schema cannot state; each problem names the JSON path and the rule.</summary>
public static class PlanRules
{
    /// <summary>Every problem of <paramref name="plan"/> (empty when it is sound).</summary>
    public static IReadOnlyList<FieldError> Check(AllocationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var problems = new List<FieldError>();
        void Fail(string path, string rule, string message) => problems.Add(new FieldError(path, rule, $"{path}: {message}"));
        for (var i = 0; i < plan.Sectors.Count; i++)
        {
            var sector = plan.Sectors[i];
            var path = $"$.sectors[{i}]";
            if (!plan.Coverage.Sectors.Contains(sector.Sector))
            {
                Fail(path + ".sector", "SectorCovered", $"sector {Name(sector.Sector)} is not in coverage.sectors");
            }
            if (plan.Sectors.Take(i).Any(s => s.Sector == sector.Sector))
            {
                Fail(path + ".sector", "UniqueSector", $"sector {Name(sector.Sector)} appears twice");
            }
            if (sector.Products.Count(p => p.Default) > 1)
            {
                Fail(path + ".products", "OneDefault", "at most one product of a sector is the default");
            }
            for (var j = 0; j < sector.Products.Count; j++)
            {
                var product = sector.Products[j];
                var productPath = $"{path}.products[{j}]";
                if (sector.Products.Take(j).Any(p => p.Id == product.Id))
                {
                    Fail(productPath + ".id", "UniqueProduct", $"product id '{product.Id}' appears twice in the sector");
                }
                if (product.Factors.Select(f => f.Id).Distinct().Count() != product.Factors.Count)
                {
                    Fail(productPath + ".factors", "UniqueFactor", "factor ids repeat within the product");
                }
                if (product.Factors.Any(f => f.Kind == FactorKind.LoadFactor) && plan.Power?.LoadFactorCorrection is null)
                {
                    Fail(productPath + ".factors", "LoadFactorTable", "a loadFactor factor needs power.loadFactorCorrection");
                }
                if (product.Method != AllocationMethod.Benchmark && plan.History is null)
                {
                    Fail(productPath + ".method", "HistoryYears", "a historical method needs the plan's history years");
                }
            }
        }
        if (plan.Power?.LoadFactorCorrection is { } table)
        {
            for (var b = 0; b < table.Bands.Count; b++)
            {
                if (table.Bands[b].From >= table.Bands[b].To)
                {
                    Fail($"$.power.loadFactorCorrection.bands[{b}]", "BandOrder", "from must be below to");
                }
            }
        }
        if (plan.History is { } history && history.MaxExcludedYears >= history.Years.Count)
        {
            Fail("$.history.maxExcludedYears", "ExclusionsLeaveAYear", "exclusions must leave at least one historical year");
        }
        if (plan.Cap is { } cap && cap.Covered.Value + cap.Reserve.Value != cap.Total.Value)
        {
            FormattableString sum = $"covered {cap.Covered.Value} + reserve {cap.Reserve.Value} ≠ total {cap.Total.Value}";
            problems.Add(new FieldError("$.cap.total", "CapAddsUp", "$.cap.total: " + Domain.Text.Figures.Sentence(sum))
            {
                Figures = Domain.Text.Figures.Of(sum),
            });
        }
        if (plan.Compliance is { } compliance)
        {
            foreach (var problem in compliance.Problems())
            {
                Fail("$.compliance", "ComplianceRules", problem);
            }
            if (compliance.AllowanceJurisdiction != plan.RegistryCode)
            {
                Fail("$.compliance.allowanceJurisdiction", "SameJurisdiction", $"the plan allocates {plan.RegistryCode} allowances");
            }
        }
        if (plan.Auction is { } auction)
        {
            foreach (var problem in auction.Problems())
            {
                Fail("$.auction", "AuctionRules", problem);
            }
        }
        if (plan.SurrenderDeadlines is { } deadlines && deadlines.Keys.Any(y => !plan.Years.Contains(y)))
        {
            Fail("$.surrenderDeadlines", "PlanYear", "a deadline is given for a year the plan does not govern");
        }
        return problems;
    }

    private static string Name(Sector sector) => sector.ToString().ToLowerInvariant();
}
