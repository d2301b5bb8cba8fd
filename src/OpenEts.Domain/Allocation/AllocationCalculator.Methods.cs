namespace OpenEts.Domain.Allocation;

// The three methods of one product: benchmark, historical intensity, historical emissions.
public static partial class AllocationCalculator
{
    private static decimal ProductAmount(
        AllocationPlan plan, int year, PlanProduct product, ProductInput input, EntityInput entity, CalculationLog steps,
        CalculationNotes notes) => product.Method switch
        {
            AllocationMethod.Benchmark => Benchmark(plan, year, product, input, steps, notes),
            AllocationMethod.HistoricalIntensity => Intensity(plan, year, product, input, entity, steps, notes),
            AllocationMethod.HistoricalEmissions => Emissions(plan, year, product, entity, steps, notes),
            _ => throw new InvalidOperationException($"unknown method {product.Method}"),
        };

    private static decimal Benchmark(AllocationPlan plan, int year, PlanProduct product, ProductInput input, CalculationLog steps,
        CalculationNotes notes)
    {
        if (product.Benchmark is not { } benchmark)
        {
            notes.Add($"product '{product.Id}' has no benchmark: left out", "no-benchmark", product.Id);
            return 0m;
        }
        var keep = steps.Keep;
        var unit = !keep ? "" : input.Unit is null ? product.Id : $"{product.Id} {input.Unit}";
        var terms = !keep ? null : new List<CalculationTerm>
        {
            Output(product, input.Output),
            Term("B", benchmark, year, "tCO2/" + UnitOf(product)),
        };
        steps.Flag(benchmark.Unconfirmed);
        var amount = input.Output * benchmark.For(year);
        var formula = "Q × B";
        foreach (var factor in product.Factors)
        {
            var (value, term, unconfirmed) = FactorValue(plan, year, factor, input, notes, keep);
            steps.Flag(unconfirmed);
            amount *= value;
            if (terms is not null)
            {
                terms.Add(term!);
                formula += " × " + term!.Name;
            }
        }
        if (terms is not null)
        {
            steps.Add(new CalculationStep(unit, "A = " + formula, terms, amount));
        }
        if (product.HeatBenchmark is { } heat && input.Heat > 0)
        {
            var ah = input.Heat * heat.For(year);
            steps.Flag(heat.Unconfirmed);
            if (keep)
            {
                steps.Add(new CalculationStep(unit + " heat", "Ah = Qh × Bh", [
                    Coded("Qh", input.Heat, "GJ", "approved heat supplied (MRV)", CalculationSources.ApprovedHeat), Term("Bh", heat, year, "tCO2/GJ")], ah));
            }
            amount += ah;
        }
        return amount;
    }

    // The factor's value, its term when the calculation is kept (keep), and whether the term's figure is unconfirmed.
    private static (decimal Value, CalculationTerm? Term, bool Unconfirmed) FactorValue(
        AllocationPlan plan, int year, PlanFactor factor, ProductInput input, CalculationNotes notes, bool keep)
    {
        switch (factor.Kind)
        {
            case FactorKind.LoadFactor:
                if (plan.Power?.LoadFactorCorrection is not { } table)
                {
                    notes.Add($"factor '{factor.Id}': the plan has no load-factor table; taken as 1", "no-load-factor-table", factor.Id);
                    return (1m, Coded(factor.Id, 1m, "", "no load-factor table in the plan", CalculationSources.NoLoadFactorTable), false);
                }
                if (input.LoadFactor is not { } f)
                {
                    notes.Add($"factor '{factor.Id}': no approved load factor; taken as 1", "no-load-factor", factor.Id);
                    return (1m, Coded(factor.Id, 1m, "", "no approved load factor (MRV)", CalculationSources.NoLoadFactor), false);
                }
                var ff = table.Factor(f);
                return (ff, keep ? new CalculationTerm(factor.Id, ff, "", $"F = {Text(f)} (MRV); {table.Source}", table.Unconfirmed)
                    { Code = CalculationSources.LoadFactor, Figures = [Text(f), table.Source] } : null,
                    table.Unconfirmed);
            case FactorKind.HeatSupply:
                var k = Require(factor).For(year);
                var ratio = input.HeatRatio ?? 0m;
                var hs = 1m - (k * ratio);
                return (hs, keep ? new CalculationTerm(factor.Id, hs, "", $"1 − {Text(k)} × {Text(ratio)} (heat ratio, MRV); {factor.Value!.Source}",
                    factor.Value.Unconfirmed) { Code = CalculationSources.HeatSupply, Figures = [Text(k), Text(ratio), factor.Value.Source] } : null, factor.Value!.Unconfirmed);
            case FactorKind.AirCooling:
                var air = input.AirCooled ? Require(factor).For(year) : 1m;
                return (air, keep ? new CalculationTerm(factor.Id, air, "", (input.AirCooled ? "air-cooled; " : "water-cooled; ") + factor.Value!.Source,
                    factor.Value.Unconfirmed)
                    {
                        Code = input.AirCooled ? CalculationSources.AirCooled : CalculationSources.WaterCooled, Figures = [factor.Value.Source],
                    } : null, factor.Value!.Unconfirmed);
            default:
                var fixedValue = Require(factor);
                return (fixedValue.For(year), keep ? Term(factor.Id, fixedValue, year, "") : null, fixedValue.Unconfirmed);
        }
    }

    private static PlanFigure Require(PlanFactor factor) =>
        factor.Value ?? throw new InvalidOperationException($"factor '{factor.Id}' of kind {factor.Kind} has no value");

    private static decimal Intensity(AllocationPlan plan, int year, PlanProduct product, ProductInput input, EntityInput entity,
        CalculationLog steps, CalculationNotes notes)
    {
        var years = HistoricalYears(plan, entity, notes);
        decimal emissions = 0m, output = 0m;
        foreach (var h in entity.History.Where(h => years.Contains(h.Year)))
        {
            if (h.Outputs.TryGetValue(product.Id, out var q) && q > 0)
            {
                emissions += h.Emissions;
                output += q;
            }
        }
        if (output == 0 || product.Decline is not { } decline)
        {
            notes.Add($"product '{product.Id}': no historical output in {Years(years)} or no decline factor: left out", "no-historical-output",
                product.Id, Years(years));
            return 0m;
        }
        var intensity = emissions / output;
        var amount = input.Output * intensity * decline.For(year);
        steps.Flag(decline.Unconfirmed);
        if (steps.Keep)
        {
            steps.Add(new CalculationStep(product.Id, "A = Q × (ΣE / ΣQ_hist) × d", [
                Output(product, input.Output),
                Coded("ΣE", emissions, "tCO2", $"approved emissions {Years(years)} (MRV)", CalculationSources.ApprovedEmissions, Years(years)),
                Coded("ΣQ_hist", output, UnitOf(product), $"approved output {Years(years)} (MRV)", CalculationSources.HistoricalOutput,
                    Years(years)),
                Term("d", decline, year, "")], amount));
        }
        return amount;
    }

    private static decimal Emissions(AllocationPlan plan, int year, PlanProduct product, EntityInput entity, CalculationLog steps,
        CalculationNotes notes)
    {
        var years = HistoricalYears(plan, entity, notes);
        var history = entity.History.Where(h => years.Contains(h.Year)).ToList();
        if (history.Count == 0 || product.Decline is not { } decline)
        {
            notes.Add($"product '{product.Id}': no approved emissions in {Years(years)} or no decline factor: left out", "no-historical-emissions",
                product.Id, Years(years));
            return 0m;
        }
        var average = history.Sum(h => h.Emissions) / history.Count;
        var amount = average * decline.For(year);
        var terms = new List<CalculationTerm>
        {
            Coded("Ē", average, "tCO2", $"mean approved emissions of {Years(history.Select(h => h.Year))} (MRV)",
                CalculationSources.MeanEmissions, Years(history.Select(h => h.Year))),
            Term("d", decline, year, ""),
        };
        var formula = "A = Ē × d";
        if (product.ProcessAllowance && entity.ProcessAllowance > 0)
        {
            amount += entity.ProcessAllowance;
            terms.Add(Coded("P", entity.ProcessAllowance, "tCO2", "approved process allowance", CalculationSources.ProcessAllowance));
            formula += " + P";
        }
        steps.Flag(decline.Unconfirmed);
        if (steps.Keep)
        {
            steps.Add(new CalculationStep(product.Id, formula, terms, amount));
        }
        return amount;
    }

    private static List<int> HistoricalYears(AllocationPlan plan, EntityInput entity, CalculationNotes notes)
    {
        if (plan.History is not { } history)
        {
            notes.Add("the plan gives no historical years", "no-historical-years");
            return [];
        }
        var excluded = entity.ExcludedYears.Where(history.Years.Contains).Distinct().Order().ToList();
        if (excluded.Count > history.MaxExcludedYears)
        {
            notes.Add($"{excluded.Count} years excluded, the plan allows {history.MaxExcludedYears}: only the first are excluded", "too-many-excluded",
                Year(excluded.Count), Year(history.MaxExcludedYears));
            excluded = [.. excluded.Take(history.MaxExcludedYears)];
        }
        return [.. history.Years.Where(y => !excluded.Contains(y))];
    }
}
