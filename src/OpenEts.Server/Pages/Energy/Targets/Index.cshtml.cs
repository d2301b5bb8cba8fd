using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application;
using OpenEts.Application.DualControl.Targets;
using OpenEts.Domain.DualControl.Targets;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Energy.Targets;

/// <summary>
/// The regulator's targets: each region's plan in force and its split for a year, the trend of a province or city over
/// that year against its path (ECharts, with the same numbers as a table), its versions, and adopting a revision (JSON).
/// </summary>
[Authorize(Roles = Access.AuditReaders)]
public sealed class IndexModel(EnergyTargetsQueries queries, EnergyTargetsCommandHandler handler) : EnergyPageModel
{
    private static readonly JsonSerializerOptions Indented = new(Json.Options) { WriteIndented = true };

    /// <summary>Every region's newest plan, in region order: the page lists them all and shows the chosen one.</summary>
    public IReadOnlyList<PlanVersion> Plans { get; private set; } = [];

    /// <summary>The region whose plan is shown (<c>?region=</c>; default: the first region, or the one naming <see cref="Unit"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    /// <summary>The plan shown, with its split, trend, versions and the document to revise; null when there is none.</summary>
    public PlanVersion? Shown { get; private set; }

    public IReadOnlyList<PlanVersion> Versions { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The province or city whose trend is shown (default: the shown plan's region).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty]
    public string? Document { get; set; }

    public RegionTrend? Trend { get; private set; }

    public string TrendEnergyJson { get; private set; } = "{}";

    public string TrendIntensityJson { get; private set; } = "{}";

    public PlanVersion? Adopted { get; private set; }

    /// <summary>A unit in the address that no plan offers (<c>?unit=XX</c>), named beside the trend's choice with the unit shown instead.</summary>
    public AddressErrors Unread { get; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        ReadAddressYear();
        await LoadAsync(ct);
        Document = Shown is { } shown ? JsonSerializer.Serialize(PlanDocument.From(shown.Plan), Indented) : "";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        PlanDocument? document = null;
        try
        {
            document = JsonSerializer.Deserialize<PlanDocument>(Document ?? "", Json.Options);
        }
        catch (JsonException e)
        {
            FileBanner(Localization.Text.T("energy.badjson") + " " + e.Message);
        }
        if (document is not null)
        {
            if (!AdoptPlan.TryParse(document, out var command, out var errors))
            {
                FileFields(errors);
            }
            else if (Report(await handler.HandleAsync(User.Actor(), command, ct)))
            {
                return RedirectToPage(new { adopted = command.Plan.Region.Value, region = command.Plan.Region.Value });
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Plans = await queries.PlansAsync(User.Actor(), ct);
        Shown = EnergyTargetsQueries.ShownPlan(Plans, Region, Unit, out var otherRegion);
        if (Shown is not { } shown)
        {
            return;
        }
        if (otherRegion is not null)
        {
            Unbound.Name(Unread.ByField, otherRegion, shown.Plan.Name);
        }
        Region = shown.Plan.Region.Value;
        Year ??= shown.Plan.LastYear;
        Versions = await queries.PlanVersionsAsync(User.Actor(), shown.Plan.Region, ct);
        if (Year is not { } year)
        {
            return;
        }
        var unit = EnergyTargetsQueries.TrendUnit(shown, Unit, out var unread);
        if (unread is not null)
        {
            Unbound.Name(Unread.ByField, unread, shown.Plan.Unit(unit)?.Name ?? unit.Value);
        }
        Unit = unit.Value;
        Trend = await queries.TrendAsync(User.Actor(), unit, year, ct);
        if (Trend is { } t)
        {
            (TrendEnergyJson, TrendIntensityJson) = TrendCharts.Json(t);
        }
    }
}
