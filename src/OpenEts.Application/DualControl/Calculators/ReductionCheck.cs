using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Offsets;
using OpenEts.Domain.DualControl.Calculators;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Calculators;

/// <summary>
/// The reduction calculators as use cases (public, nothing stored): each form is read by one rule for the pages, the
/// API and the CLI, run on the shipped factor library, and monetised with the chosen social cost of carbon. The
/// defaults (365 operating days, the national grid, the latest grid year) live here.
/// </summary>
public sealed class ReductionCheck(FactorLibrary library, SccSeries scc)
{
    /// <summary>Operating days a year when not given.</summary>
    public const int DefaultDays = 365;

    /// <summary>The grid region when not given.</summary>
    public const string DefaultRegion = GridRegions.National;

    /// <summary>The largest quantity any input may take.</summary>
    public const decimal Max = 1_000_000_000m;

    /// <summary>The factor library the calculators use.</summary>
    public FactorLibrary Library => library;

    /// <summary>The SCC series.</summary>
    public SccSeries Scc => scc;

    /// <summary>The latest year with a grid factor (the default grid year).</summary>
    public int DefaultGridYear => library.Grid.Max(g => g.Year);

    /// <summary>The fuel codes of the library.</summary>
    public IReadOnlyList<string> Fuels => [.. library.Fuels.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The grid regions of the library.</summary>
    public IReadOnlyList<string> Regions => [.. library.Grid.Select(g => g.Region).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>
    /// The seed's example (杭州机场 桥载设备替代 APU, reference seed-excerpts.md line 18): ~770 flights a day, 155 kg jet fuel
    /// per APU stay, 3.18 kg CO2 per kg fuel, claimed ~70 000 t CO2 a year. The seed gives no ground-power electricity, so
    /// 0 kWh: the calculator shows what the claim would need.
    /// </summary>
    public static ApuForm SeedApuExample { get; } = new(770m, 155m, 3.18m,
        "《节能减排信息动态》第 120 期（2017-09-01）：杭州机场 桥载设备替代 APU，3.18 kg CO2/kg 航油 (seed-excerpts.md line 18)", 0m, DefaultDays, null, null, 70_000m, null);

    public sealed record ApuForm(decimal? FlightsPerDay = null, decimal? FuelPerStayKg = null, decimal? FuelFactor = null,
        string? FuelFactorSource = null, decimal? ElectricityPerStayKwh = null, int? DaysPerYear = null, int? GridYear = null,
        string? GridRegion = null, decimal? ClaimedTonnes = null, string? Scc = null);

    public sealed record BoilerForm(string? BaselineFuel = null, decimal? BaselineAmount = null, string? NewFuel = null, decimal? NewAmount = null,
        decimal? ElectricityMwh = null, int? GridYear = null, string? GridRegion = null, decimal? ClaimedTonnes = null, string? Scc = null);

    public sealed record PvForm(decimal? CapacityKw = null, decimal? FullLoadHours = null, int? GridYear = null, string? GridRegion = null,
        decimal? ClaimedTonnes = null, string? Scc = null);

    public sealed record RetrofitForm(decimal? ElectricitySavedMwh = null, string? Fuel = null, decimal? FuelSaved = null, int? GridYear = null,
        string? GridRegion = null, decimal? ClaimedTonnes = null, string? Scc = null);

    public bool TryApu(ApuForm form, [NotNullWhen(true)] out CheckedReduction? result, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var flights = read.Number(form.FlightsPerDay, "flightsPerDay", 0m, Max);
        var fuel = read.Number(form.FuelPerStayKg, "fuelPerStayKg", 0m, Max);
        decimal? factor = form.FuelFactor is null ? null : read.Number(form.FuelFactor, "fuelFactor", 0.000001m, 100m);
        var source = read.Words(form.FuelFactorSource, "fuelFactorSource", OffsetsFields.ShortText, required: false);
        var kwh = read.Number(form.ElectricityPerStayKwh ?? 0m, "electricityPerStayKwh", 0m, Max);
        var days = (int)read.Whole(form.DaysPerYear ?? DefaultDays, "daysPerYear", 1, 366);
        var (year, region) = Grid(read, form.GridYear, form.GridRegion);
        var claim = Claim(read, form.ClaimedTonnes);
        var sccValue = SccOf(read, form.Scc);
        return Finish(read, () => ReductionCalculators.Apu(library,
            new ApuReplacement(flights, fuel, factor, source.Length > 0 ? source : null, kwh, days, year, region, claim)), sccValue, out result, out errors);
    }

    public bool TryBoiler(BoilerForm form, [NotNullWhen(true)] out CheckedReduction? result, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var baseline = FuelCode(read, form.BaselineFuel, "baselineFuel", required: true)!;
        var baseAmount = read.Number(form.BaselineAmount, "baselineAmount", 0m, Max);
        var newFuel = FuelCode(read, form.NewFuel, "newFuel", required: false);
        var newAmount = read.Number(form.NewAmount ?? 0m, "newAmount", 0m, Max);
        Paired(read, newFuel, form.NewAmount, "newFuel", "newAmount");
        var mwh = read.Number(form.ElectricityMwh ?? 0m, "electricityMwh", 0m, Max);
        var (year, region) = Grid(read, form.GridYear, form.GridRegion);
        var claim = Claim(read, form.ClaimedTonnes);
        var sccValue = SccOf(read, form.Scc);
        return Finish(read, () => ReductionCalculators.Boiler(library,
            new BoilerFuelSwitch(baseline, baseAmount, newFuel, newAmount, mwh, year, region, claim)), sccValue, out result, out errors);
    }

    public bool TryPv(PvForm form, [NotNullWhen(true)] out CheckedReduction? result, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var kw = read.Number(form.CapacityKw, "capacityKw", 0m, Max);
        var hours = read.Number(form.FullLoadHours, "fullLoadHours", 0m, 8784m);
        var (year, region) = Grid(read, form.GridYear, form.GridRegion);
        var claim = Claim(read, form.ClaimedTonnes);
        var sccValue = SccOf(read, form.Scc);
        return Finish(read, () => ReductionCalculators.Pv(library, new PvSystem(kw, hours, year, region, claim)), sccValue, out result, out errors);
    }

    public bool TryRetrofit(RetrofitForm form, [NotNullWhen(true)] out CheckedReduction? result, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var mwh = read.Number(form.ElectricitySavedMwh ?? 0m, "electricitySavedMwh", 0m, Max);
        var fuel = FuelCode(read, form.Fuel, "fuel", required: false);
        var saved = read.Number(form.FuelSaved ?? 0m, "fuelSaved", 0m, Max);
        Paired(read, fuel, form.FuelSaved, "fuel", "fuelSaved");
        var (year, region) = Grid(read, form.GridYear, form.GridRegion);
        var claim = Claim(read, form.ClaimedTonnes);
        var sccValue = SccOf(read, form.Scc);
        return Finish(read, () => ReductionCalculators.Retrofit(library, new EnergyRetrofit(mwh, fuel, saved, year, region, claim)), sccValue,
            out result, out errors);
    }

    private static bool Finish(FieldReader read, Func<Recalculation> run, SocialCostOfCarbon? scc, [NotNullWhen(true)] out CheckedReduction? result,
        out IReadOnlyList<FieldError> errors)
    {
        result = read.IsValid ? new CheckedReduction(run(), scc!) : null;
        errors = read.Errors;
        return result is not null;
    }

    private (int Year, string Region) Grid(FieldReader read, int? year, string? region)
    {
        var y = (int)read.Whole(year ?? DefaultGridYear, "gridYear", 2000, 2100);
        var r = string.IsNullOrWhiteSpace(region) ? DefaultRegion : region.Trim().ToLowerInvariant();
        if (!Regions.Contains(r))
        {
            read.Fail("gridRegion", "UnknownValue", $"gridRegion is one of: {string.Join(", ", Regions)}", r, Regions);
        }
        return (y, r);
    }

    private string? FuelCode(FieldReader read, string? text, string field, bool required)
    {
        var code = FieldReader.Text(text).ToLowerInvariant();
        if (code.Length == 0 && !required)
        {
            return null;
        }
        if (library.Fuel(code) is null)
        {
            read.Fail(field, code.Length == 0 ? "Required" : "UnknownValue", $"{field} is one of: {string.Join(", ", Fuels)}", code, Fuels);
        }
        return code;
    }

    // A fuel and its amount go together: one without the other would count the fuel as none (a reduction overstated,
    // or a saving dropped).
    private static void Paired(FieldReader read, string? fuel, decimal? amount, string fuelField, string amountField)
    {
        if (fuel is not null && amount is null)
        {
            read.Fail(amountField, "RequiredWith", $"{amountField} is required when {fuelField} is given");
        }
        else if (fuel is null && amount is not null)
        {
            read.Fail(fuelField, "RequiredWith", $"{fuelField} is required when {amountField} is given");
        }
    }

    private static decimal? Claim(FieldReader read, decimal? claimed) =>
        claimed is null ? null : read.Number(claimed, "claimedTonnes", -Max, Max);

    private SocialCostOfCarbon? SccOf(FieldReader read, string? code)
    {
        if (scc.Find(code) is { } value)
        {
            return value;
        }
        read.Fail("scc", "UnknownValue", $"scc is one of: {string.Join(", ", scc.All.Select(v => v.Code))}", FieldReader.Text(code), [.. scc.All.Select(v => v.Code)]);
        return null;
    }
}
