using System.Text.Json;
using OpenEts.Application.Forms;
using OpenEts.Domain.DualControl.Targets;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>
/// A five-year plan and its split as JSON (the API's request and answer, the stored version's body): every field as a
/// person typed it. <see cref="TryRead"/> turns it into a <see cref="TargetPlan"/> or names the bad fields.
/// </summary>
public sealed record PlanDocument(
    string? Region,
    string? Name,
    int? FirstYear,
    int? LastYear,
    decimal? BaselineEnergyTce,
    decimal? IntensityReductionPercent,
    decimal? TotalEnergyIncreaseCapTce,
    IReadOnlyList<PlanDocument.PollutantDocument>? Pollutants,
    IReadOnlyList<PlanDocument.UnitDocument>? Units,
    string? Source)
{
    public sealed record PollutantDocument(string? Pollutant, decimal? BaselineTonnes, decimal? CutPercent);

    /// <summary>A unit of the split; <see cref="Pollutants"/> is the unit's own pollutant budget, where the plan gives it one.</summary>
    public sealed record UnitDocument(string? Code, string? Name, string? Kind, string? Parent, decimal? IntensityReductionPercent,
        decimal? IncentiveIntensityPercent, bool? AtSectorBenchmark, IReadOnlyList<YearDocument>? Years,
        IReadOnlyList<PollutantDocument>? Pollutants = null);

    public sealed record YearDocument(int? Year, decimal? EnergyBudgetTce, decimal? RetainedTce, decimal? IntensityReductionPercent);

    /// <summary>The document of a plan (the version number is not part of it).</summary>
    public static PlanDocument From(TargetPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlanDocument(plan.Region.Value, plan.Name, plan.FirstYear, plan.LastYear, plan.BaselineEnergy.Value,
            plan.IntensityReductionPercent, plan.TotalEnergyIncreaseCap.Value,
            Documents(plan.Pollutants),
            [.. plan.Units.Select(u => new UnitDocument(u.Code.Value, u.Name, u.Kind.ToString(), u.Parent?.Value, u.IntensityReductionPercent,
                u.IncentiveIntensityPercent, u.AtSectorBenchmark,
                [.. u.Years.Select(y => new YearDocument(y.Year, y.EnergyBudget.Value, y.Retained.Value, y.IntensityReductionPercent))],
                u.Pollutants is { Count: > 0 } own ? Documents(own) : null))],
            plan.Source);
    }

    /// <summary>Reads stored JSON.</summary>
    public static TargetPlan Parse(string json, int version)
    {
        var document = JsonSerializer.Deserialize<PlanDocument>(json, Json.Options) ?? throw new InvalidOperationException("empty plan body");
        return document.TryRead(version, out var plan, out var errors)
            ? plan
            : throw new InvalidOperationException($"stored plan does not read: {errors[0].Message}");
    }

    /// <summary>Reads the document into a plan numbered <paramref name="version"/>, or names every bad field.</summary>
    public bool TryRead(int version, out TargetPlan plan, out IReadOnlyList<FieldError> errors)
    {
        var read = new FieldReader();
        var region = Code(read, Region, "region");
        var name = FieldReader.Text(Name);
        if (name.Length is 0 or > 100)
        {
            read.Fail("name", "Required", "name: 1–100 characters");
        }
        var first = read.Year(FirstYear, "firstYear");
        var last = read.Year(LastYear, "lastYear");
        var baseline = Energy(read, BaselineEnergyTce, "baselineEnergyTce");
        var cap = Energy(read, TotalEnergyIncreaseCapTce, "totalEnergyIncreaseCapTce");
        var percent = Percent(read, IntensityReductionPercent, "intensityReductionPercent");
        var pollutants = ReadPollutants(read, Pollutants ?? [], "pollutants");
        var units = new List<TargetUnit>();
        if (Units is not { Count: > 0 })
        {
            read.Fail("units", "Required", "units: the split needs at least the region's own unit");
        }
        foreach (var (u, i) in (Units ?? []).Select((u, i) => (u, i)))
        {
            var field = $"units[{i}]";
            var code = Code(read, u.Code, field + ".code");
            var unitName = FieldReader.Text(u.Name);
            if (unitName.Length is 0 or > 100)
            {
                read.Fail(field + ".name", "Required", $"{field}.name: 1–100 characters");
            }
            var kind = read.Choice(u.Kind, field + ".kind", UnitKind.Province, UnitKind.City, UnitKind.KeyEnergyUser);
            UnitCode? parent = string.IsNullOrWhiteSpace(u.Parent) ? null : Code(read, u.Parent, field + ".parent");
            var unitPercent = Percent(read, u.IntensityReductionPercent, field + ".intensityReductionPercent");
            decimal? incentive = u.IncentiveIntensityPercent is null ? null : Percent(read, u.IncentiveIntensityPercent, field + ".incentiveIntensityPercent");
            var years = new List<YearBudget>();
            foreach (var (y, j) in (u.Years ?? []).Select((y, j) => (y, j)))
            {
                var yf = $"{field}.years[{j}]";
                var year = read.Year(y.Year, yf + ".year");
                var budget = Energy(read, y.EnergyBudgetTce, yf + ".energyBudgetTce");
                var retained = Energy(read, y.RetainedTce ?? 0m, yf + ".retainedTce");
                var yearPercent = Percent(read, y.IntensityReductionPercent, yf + ".intensityReductionPercent");
                years.Add(new YearBudget(year, budget, retained, yearPercent));
            }
            var own = u.Pollutants is null ? null : ReadPollutants(read, u.Pollutants, field + ".pollutants");
            units.Add(new TargetUnit(code, unitName, kind, parent, unitPercent, incentive, u.AtSectorBenchmark ?? false, years, own));
        }
        plan = new TargetPlan(region, version, name, first, last, baseline, percent, cap, pollutants, units, FieldReader.Text(Source));
        errors = read.Errors;
        return read.IsValid;
    }

    private static List<PollutantDocument> Documents(IEnumerable<PollutantTarget> targets) =>
        [.. targets.Select(p => new PollutantDocument(p.Pollutant, p.BaselineTonnes, p.CutPercent))];

    private static List<PollutantTarget> ReadPollutants(FieldReader read, IReadOnlyList<PollutantDocument> documents, string at)
    {
        var pollutants = new List<PollutantTarget>();
        foreach (var (p, i) in documents.Select((p, i) => (p, i)))
        {
            var field = $"{at}[{i}]";
            var pollutant = FieldReader.Text(p.Pollutant);
            if (pollutant.Length is 0 or > 40 || p.BaselineTonnes is not >= 0 || p.CutPercent is not (>= 0 and <= 100))
            {
                read.Fail(field, "Pollutant", $"{field}: a pollutant name, a baseline in tonnes ≥ 0 and a cut of 0–100 %");
                continue;
            }
            pollutants.Add(new PollutantTarget(pollutant, p.BaselineTonnes!.Value, p.CutPercent!.Value));
        }
        return pollutants;
    }

    private static UnitCode Code(FieldReader read, string? text, string field)
    {
        if (UnitCode.TryCreate(text, out var code, out var reason))
        {
            return code;
        }
        read.Fail(field, "UnitCode", $"{field}: {reason}");
        return default;
    }

    private static Tce Energy(FieldReader read, decimal? value, string field)
    {
        if (Tce.TryCreate(value, out var tce, out var reason))
        {
            return tce;
        }
        read.Fail(field, "Tce", $"{field}: {reason}");
        return default;
    }

    private static decimal Percent(FieldReader read, decimal? value, string field)
    {
        if (value is { } v and >= -100 and <= 100)
        {
            return v;
        }
        read.Fail(field, "Percent", $"{field}: a percentage between −100 and 100 (3.2 means −3.2 %)");
        return 0m;
    }
}
