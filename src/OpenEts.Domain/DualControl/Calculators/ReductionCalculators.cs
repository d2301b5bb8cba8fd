using OpenEts.Domain.Mrv;

namespace OpenEts.Domain.DualControl.Calculators;

/// <summary>
/// The reduction calculators (减排量计算器): each recomputes a project's yearly reduction from its inputs, shows every input
/// with its source and unit and every line of arithmetic, and checks the claim (<see cref="Calc.Check"/>). Factors come
/// from the MRV factor library unless the claim states its own. Fuel and grid codes must be known to the library
/// (the use cases check them before calling).
/// </summary>
public static class ReductionCalculators
{
    private const string Claim = "the project's claim (as entered)";

    /// <summary>APU replacement: flights × fuel per stay × days ÷ 1000 × fuel factor − flights × kWh per stay × days ÷ 1000 × grid factor.</summary>
    public static Recalculation Apu(FactorLibrary library, ApuReplacement p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var fuelFactor = p.FuelFactor is { } f
            ? new SourcedInput("fuelFactor", f, "kg CO2/kg", p.FuelFactorSource is { Length: > 0 } s ? s : Claim)
            : Calc.FuelFactor(library, "jet-kerosene", "fuelFactor") is { } lib ? lib with { Unit = "kg CO2/kg" }
            : throw new ArgumentException("the factor library has no jet kerosene", nameof(library));
        var grid = Grid(library, p.GridYear, p.GridRegion);
        SourcedInput[] inputs =
        [
            new("flightsPerDay", p.FlightsPerDay, "flights/day", Claim),
            new("fuelPerStayKg", p.FuelPerStayKg, "kg jet fuel/stay", Claim),
            fuelFactor,
            new("electricityPerStayKwh", p.ElectricityPerStayKwh, "kWh/stay", Claim),
            new("daysPerYear", p.DaysPerYear, "d/yr", Claim),
            grid,
        ];
        var fuelTonnes = p.FlightsPerDay * p.FuelPerStayKg * p.DaysPerYear / 1000m;
        var avoided = fuelTonnes * fuelFactor.Value;
        var mwh = p.FlightsPerDay * p.ElectricityPerStayKwh * p.DaysPerYear / 1000m;
        var indirect = mwh * grid.Value;
        var net = avoided - indirect;
        CalcStep[] steps =
        [
            new("fuel avoided", $"{Calc.Show(p.FlightsPerDay)} × {Calc.Show(p.FuelPerStayKg)} kg × {p.DaysPerYear} d ÷ 1000 = {Calc.Show(fuelTonnes)} t", fuelTonnes, "t/yr"),
            new("APU emissions avoided", $"{Calc.Show(fuelTonnes)} t × {Calc.Show(fuelFactor.Value)} = {Calc.Show(avoided)} t CO2", avoided, "t CO2/yr"),
            new("electricity used", $"{Calc.Show(p.FlightsPerDay)} × {Calc.Show(p.ElectricityPerStayKwh)} kWh × {p.DaysPerYear} d ÷ 1000 = {Calc.Show(mwh)} MWh", mwh, "MWh/yr"),
            new("electricity emissions", $"{Calc.Show(mwh)} MWh × {Calc.Show(grid.Value)} = {Calc.Show(indirect)} t CO2", indirect, "t CO2/yr"),
            new("reduction", $"{Calc.Show(avoided)} − {Calc.Show(indirect)} = {Calc.Show(net)} t CO2", net, "t CO2/yr"),
        ];
        return new Recalculation("apu", inputs, steps, net, p.ClaimedTonnes, Calc.Check(net, p.ClaimedTonnes));
    }

    /// <summary>Boiler fuel switch: old fuel × its factor − new fuel × its factor − electricity × grid factor.</summary>
    public static Recalculation Boiler(FactorLibrary library, BoilerFuelSwitch p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var baseFactor = Fuel(library, p.BaselineFuel, "baselineFactor");
        var newFactor = p.NewFuel is { } nf ? Fuel(library, nf, "newFactor") : null;
        var grid = Grid(library, p.GridYear, p.GridRegion);
        var inputs = new List<SourcedInput>
        {
            new("baselineAmount", p.BaselineAmount, $"{Calc.FuelUnit(library, p.BaselineFuel)} {p.BaselineFuel}/yr", Claim),
            baseFactor,
        };
        if (newFactor is not null)
        {
            inputs.Add(new("newAmount", p.NewAmount, $"{Calc.FuelUnit(library, p.NewFuel!)} {p.NewFuel}/yr", Claim));
            inputs.Add(newFactor);
        }
        inputs.Add(new("electricityMwh", p.ElectricityMwh, "MWh/yr", Claim));
        inputs.Add(grid);
        var baseline = p.BaselineAmount * baseFactor.Value;
        var project = newFactor is null ? 0m : p.NewAmount * newFactor.Value;
        var indirect = p.ElectricityMwh * grid.Value;
        var net = baseline - project - indirect;
        var steps = new List<CalcStep>
        {
            new("baseline emissions", $"{Calc.Show(p.BaselineAmount)} × {Calc.Show(baseFactor.Value)} = {Calc.Show(baseline)} t CO2", baseline, "t CO2/yr"),
        };
        if (newFactor is not null)
        {
            steps.Add(new("new fuel emissions", $"{Calc.Show(p.NewAmount)} × {Calc.Show(newFactor.Value)} = {Calc.Show(project)} t CO2", project, "t CO2/yr"));
        }
        steps.Add(new("electricity emissions", $"{Calc.Show(p.ElectricityMwh)} MWh × {Calc.Show(grid.Value)} = {Calc.Show(indirect)} t CO2", indirect, "t CO2/yr"));
        steps.Add(new("reduction", $"{Calc.Show(baseline)} − {Calc.Show(project)} − {Calc.Show(indirect)} = {Calc.Show(net)} t CO2", net, "t CO2/yr"));
        return new Recalculation("boiler", inputs, steps, net, p.ClaimedTonnes, Calc.Check(net, p.ClaimedTonnes));
    }

    /// <summary>PV: kW × full-load hours ÷ 1000 = MWh; MWh × grid factor.</summary>
    public static Recalculation Pv(FactorLibrary library, PvSystem p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var grid = Grid(library, p.GridYear, p.GridRegion);
        SourcedInput[] inputs =
        [
            new("capacityKw", p.CapacityKw, "kW", Claim),
            new("fullLoadHours", p.FullLoadHours, "h/yr", Claim),
            grid,
        ];
        var mwh = p.CapacityKw * p.FullLoadHours / 1000m;
        var net = mwh * grid.Value;
        CalcStep[] steps =
        [
            new("generation", $"{Calc.Show(p.CapacityKw)} kW × {Calc.Show(p.FullLoadHours)} h ÷ 1000 = {Calc.Show(mwh)} MWh", mwh, "MWh/yr"),
            new("reduction", $"{Calc.Show(mwh)} MWh × {Calc.Show(grid.Value)} = {Calc.Show(net)} t CO2", net, "t CO2/yr"),
        ];
        return new Recalculation("pv", inputs, steps, net, p.ClaimedTonnes, Calc.Check(net, p.ClaimedTonnes));
    }

    /// <summary>Retrofit: electricity saved × grid factor + fuel saved × fuel factor.</summary>
    public static Recalculation Retrofit(FactorLibrary library, EnergyRetrofit p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var grid = Grid(library, p.GridYear, p.GridRegion);
        var fuelFactor = p.Fuel is { } code ? Fuel(library, code, "fuelFactor") : null;
        var inputs = new List<SourcedInput> { new("electricitySavedMwh", p.ElectricitySavedMwh, "MWh/yr", Claim), grid };
        if (fuelFactor is not null)
        {
            inputs.Add(new("fuelSaved", p.FuelSaved, $"{Calc.FuelUnit(library, p.Fuel!)} {p.Fuel}/yr", Claim));
            inputs.Add(fuelFactor);
        }
        var fromPower = p.ElectricitySavedMwh * grid.Value;
        var fromFuel = fuelFactor is null ? 0m : p.FuelSaved * fuelFactor.Value;
        var net = fromPower + fromFuel;
        var steps = new List<CalcStep>
        {
            new("electricity saved", $"{Calc.Show(p.ElectricitySavedMwh)} MWh × {Calc.Show(grid.Value)} = {Calc.Show(fromPower)} t CO2", fromPower, "t CO2/yr"),
        };
        if (fuelFactor is not null)
        {
            steps.Add(new("fuel saved", $"{Calc.Show(p.FuelSaved)} × {Calc.Show(fuelFactor.Value)} = {Calc.Show(fromFuel)} t CO2", fromFuel, "t CO2/yr"));
        }
        steps.Add(new("reduction", $"{Calc.Show(fromPower)} + {Calc.Show(fromFuel)} = {Calc.Show(net)} t CO2", net, "t CO2/yr"));
        return new Recalculation("retrofit", inputs, steps, net, p.ClaimedTonnes, Calc.Check(net, p.ClaimedTonnes));
    }

    private static SourcedInput Grid(FactorLibrary library, int year, string region) =>
        Calc.GridFactor(library, year, region) ?? throw new ArgumentException($"the factor library has no grid factor for {region} {year}", nameof(region));

    private static SourcedInput Fuel(FactorLibrary library, string code, string inputCode) =>
        Calc.FuelFactor(library, code, inputCode) ?? throw new ArgumentException($"the factor library has no fuel {code}", nameof(code));
}
