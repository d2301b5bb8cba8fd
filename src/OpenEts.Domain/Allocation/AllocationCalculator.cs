using System.Globalization;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Quantities;

namespace OpenEts.Domain.Allocation;

/// <summary>
/// Computes an entity's allocation under a plan (pure): the sum over its products of the product's method, the plan's
/// adjustments (gas-unit exemption, shortfall cap, abnormal months), the pre-allocation share, and the free part.
/// Every figure goes into the result's steps with its source, so the calculation can be shown and exported.
/// </summary>
public static partial class AllocationCalculator
{
    /// <summary>
    /// Whole allowances for an exact allocation in tonnes, by the plan's rounding: <see cref="AllocationRounding.Nearest"/>
    /// is half away from zero, <see cref="AllocationRounding.Down"/> the floor. A negative amount is a bug and throws.
    /// </summary>
    public static AllowanceCount RoundForAllocation(decimal exact, AllocationRounding rounding)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exact);
        var whole = rounding == AllocationRounding.Down ? decimal.Floor(exact) : decimal.Round(exact, 0, MidpointRounding.AwayFromZero);
        return AllowanceCount.From(decimal.ToInt64(whole));
    }

    /// <summary>The entity's allocation for <paramref name="year"/> at <paramref name="stage"/>, with its calculation.</summary>
    public static EntityAllocation Allocate(AllocationPlan plan, int year, EntityInput entity, AllocationStage stage) =>
        Allocate(plan, year, entity, stage, new CalculationLog(keep: true));

    /// <summary>
    /// As <see cref="Allocate(AllocationPlan, int, EntityInput, AllocationStage)"/> with the same figures, without the
    /// calculation's steps (<see cref="EntityAllocation.Steps"/> is empty; <see cref="EntityAllocation.Unconfirmed"/> still
    /// says whether an unconfirmed figure was used): for the what-if, which shows totals only and reruns often.
    /// </summary>
    public static EntityAllocation AllocateTotals(AllocationPlan plan, int year, EntityInput entity, AllocationStage stage) =>
        Allocate(plan, year, entity, stage, new CalculationLog(keep: false));

    private static EntityAllocation Allocate(AllocationPlan plan, int year, EntityInput entity, AllocationStage stage, CalculationLog steps)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(entity);
        var notes = new CalculationNotes();
        var sector = plan.SectorOf(entity.Sector);
        if (sector is null)
        {
            notes.Add($"sector {entity.Sector} is not covered by plan {plan.Id}", "sector-not-covered", entity.Sector.ToString(), plan.Id);
            return new EntityAllocation(entity.Code, entity.Name, entity.Sector, stage, 0m, AllowanceCount.Zero, AllowanceCount.Zero,
                AllowanceCount.Zero, steps.Steps) { Notes = notes.Texts, NoteCodes = notes.Codes };
        }
        decimal exact;
        if (stage == AllocationStage.Pre && plan.PreAllocation.Basis == PreAllocationBasis.PreviousYearVerifiedEmissions)
        {
            exact = PreFromEmissions(plan, year, entity, steps, notes);
        }
        else if (entity.NewEntrantEnergy is { } energy && plan.Special?.NewEntrantFactor is { } factor)
        {
            exact = energy * factor.For(year);
            steps.Flag(factor.Unconfirmed);
            if (steps.Keep)
            {
                steps.Add(new CalculationStep("new-entrant", "A = E × f", [
                    Coded("E", energy, "tce", "expected annual energy use, approved for the new entrant", CalculationSources.NewEntrantEnergy),
                    Term("f", factor, year, "tCO2/tce")], exact));
            }
        }
        else
        {
            var stageProducts = stage == AllocationStage.Pre ? entity.PreviousProducts : entity.Products;
            exact = 0m;
            foreach (var input in stageProducts)
            {
                var product = sector.Products.FirstOrDefault(p => p.Id == input.Product);
                if (product is null)
                {
                    notes.Add($"output for product '{input.Product}' is not in the plan's {entity.Sector} sector: left out", "product-not-in-sector",
                        input.Product, entity.Sector.ToString());
                    continue;
                }
                var amount = ProductAmount(plan, year, product, input, entity, steps, notes);
                if (stage == AllocationStage.Final)
                {
                    amount = GasExemption(plan, product, input, entity, stageProducts.Count, amount, steps);
                }
                exact += amount;
            }
            if (stageProducts.Count == 0)
            {
                notes.Add(stage == AllocationStage.Pre ? "no approved output of the previous year" : "no approved output of the year",
                    stage == AllocationStage.Pre ? "no-output-previous-year" : "no-output");
            }
            exact = stage == AllocationStage.Pre ? PreShare(plan, year, exact, steps) : Adjust(plan, year, entity, exact, steps, notes);
        }
        var total = RoundForAllocation(exact, plan.Rounding);
        var freeShare = sector.FreeShare.For(year);
        var free = RoundForAllocation(total.Value * freeShare, plan.Rounding);
        steps.Flag(sector.FreeShare.Unconfirmed);
        if (steps.Keep)
        {
            steps.Add(new CalculationStep("free", "free = round(A) × s", [
                Coded("round(A)", total.Value, "t", $"{plan.Rounding} rounding of {Text(exact)}",
                    plan.Rounding == AllocationRounding.Down ? CalculationSources.RoundedDown : CalculationSources.RoundedNearest, Text(exact)),
                Term("s", sector.FreeShare, year, "")], free.Value));
        }
        return new EntityAllocation(entity.Code, entity.Name, entity.Sector, stage, exact, total, free, total - free, steps.Steps)
        {
            Notes = notes.Texts, NoteCodes = notes.Codes, FiguresUnconfirmed = steps.Unconfirmed,
        };
    }

    private static decimal PreFromEmissions(AllocationPlan plan, int year, EntityInput entity, CalculationLog steps, CalculationNotes notes)
    {
        if (entity.PreviousVerified is not { } previous)
        {
            notes.Add($"no approved emissions for {year - 1}: pre-allocation is 0", "no-emissions-pre", Year(year - 1));
            return 0m;
        }
        var share = plan.PreAllocation.Share;
        var exact = previous * share.For(year);
        steps.Flag(share.Unconfirmed);
        if (steps.Keep)
        {
            steps.Add(new CalculationStep("pre-allocation", "P = s × E(y−1)", [
                Coded("E(y−1)", previous, "tCO2", $"approved emissions {year - 1} (MRV)", CalculationSources.ApprovedEmissions, Year(year - 1)), Term("s", share, year, "")], exact));
        }
        return exact;
    }

    private static decimal PreShare(AllocationPlan plan, int year, decimal exact, CalculationLog steps)
    {
        var share = plan.PreAllocation.Share;
        var pre = exact * share.For(year);
        steps.Flag(share.Unconfirmed);
        if (steps.Keep)
        {
            steps.Add(new CalculationStep("pre-allocation", "P = s × Σ A(y−1 output)", [
                Coded("Σ A(y−1 output)", exact, "tCO2", $"the plan's methods on {year - 1} approved output",
                    CalculationSources.MethodsOnOutput, Year(year - 1)), Term("s", share, year, "")], pre));
        }
        return pre;
    }

    private static decimal GasExemption(
        AllocationPlan plan, PlanProduct product, ProductInput input, EntityInput entity, int units, decimal amount, CalculationLog steps)
    {
        if (product.Fuel != FuelType.Gas || plan.Power?.GasExemption is not { } rule)
        {
            return amount;
        }
        var verified = input.Verified ?? (units == 1 ? entity.Verified : null);
        if (verified is not { } v || amount >= v)
        {
            return amount;
        }
        steps.Flag(rule.Unconfirmed);
        if (steps.Keep)
        {
            steps.Add(new CalculationStep("gas-exemption", "A = max(A, E)", [
                Coded("A", amount, "tCO2", "the gas unit's allocation", CalculationSources.GasUnitAllocation),
                Verified(v),
                new("exemption", rule.Value, "", rule.Source, rule.Unconfirmed) { Code = CalculationSources.Plan, Figures = [rule.Source] }], v));
        }
        return v;
    }

    private static decimal Adjust(AllocationPlan plan, int year, EntityInput entity, decimal exact, CalculationLog steps, CalculationNotes notes)
    {
        if (plan.Power?.ShortfallCap is { } cap && entity.Verified is { } verified)
        {
            var floor = verified * (1m - cap.For(year));
            if (exact < floor)
            {
                steps.Flag(cap.Unconfirmed);
                if (steps.Keep)
                {
                    steps.Add(new CalculationStep("shortfall-cap", "A = E × (1 − c) when A < E × (1 − c)", [
                        Coded("A", exact, "tCO2", "allocation before the cap", CalculationSources.BeforeCap),
                        Verified(verified), Term("c", cap, year, "")], floor));
                }
                exact = floor;
            }
        }
        if (entity.AddedCapacityEnergy is { } added && plan.Special?.NewEntrantFactor is { } factor)
        {
            var more = added * factor.For(year);
            steps.Flag(factor.Unconfirmed);
            if (steps.Keep)
            {
                steps.Add(new CalculationStep("capacity-added", "A = A + E × f", [
                    Coded("A", exact, "tCO2", "allocation before the added capacity", CalculationSources.BeforeAddedCapacity),
                    Coded("E", added, "tce", "expected annual energy use of the added capacity, recorded by the regulator",
                        CalculationSources.AddedCapacityEnergy),
                    Term("f", factor, year, "tCO2/tce")], exact + more));
            }
            exact += more;
        }
        if (plan.Special is { } special && entity.AbnormalMonths > 0)
        {
            var stoppage = special.StoppageMonths?.For(year);
            var takeBack = entity.Closed || (stoppage is { } months && entity.AbnormalMonths > months);
            if (takeBack)
            {
                var kept = exact * (12 - entity.AbnormalMonths) / 12m;
                if (steps.Keep)
                {
                    steps.Add(new CalculationStep(entity.Closed ? "closure" : "stoppage", "A = A × (12 − m) / 12", [
                        Coded("A", exact, "tCO2", "allocation before the abnormal months", CalculationSources.BeforeAbnormalMonths),
                        Coded("m", entity.AbnormalMonths, "months", special.Source, CalculationSources.Plan, special.Source)], kept));
                }
                exact = kept;
            }
            else
            {
                notes.Add($"{entity.AbnormalMonths} abnormal months: not more than the plan's stoppage limit, nothing taken back",
                    "abnormal-within-limit", Year(entity.AbnormalMonths));
            }
        }
        return exact;
    }

    private static CalculationTerm Term(string name, PlanFigure figure, int year, string unit) =>
        new(name, figure.For(year), figure.Unit ?? unit, figure.Source, figure.Unconfirmed) { Code = CalculationSources.Plan, Figures = [figure.Source] };

    // A term whose English source is also written as its code and figures (CalculationTerm's remarks).
    private static CalculationTerm Coded(string name, decimal value, string unit, string source, string code, params string[] figures) =>
        new(name, value, unit, source) { Code = code, Figures = figures };

    private static CalculationTerm Verified(decimal emissions) =>
        Coded("E", emissions, "tCO2", "verified emissions (MRV)", CalculationSources.VerifiedEmissions);

    private static CalculationTerm Output(PlanProduct product, decimal output) =>
        Coded("Q", output, UnitOf(product), $"approved output '{product.Output}' (MRV)", CalculationSources.ApprovedOutput, product.Output);

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static string Years(IEnumerable<int> years) => string.Join(", ", years);

    private static string Text(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string UnitOf(PlanProduct product) =>
        product.KindOfOutput() is { } kind ? MeasureUnits.Symbol(OutputKinds.UnitOf(kind)) : "unit";
}
