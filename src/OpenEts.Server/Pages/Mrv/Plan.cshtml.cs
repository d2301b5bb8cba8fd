using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Mrv;
using OpenEts.Domain.Mrv;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Mrv;

/// <summary>
/// A company's monitoring plan (监测计划) for a year: each emission source with its method, meter and measurement
/// frequency. The year's report is checked against it: a line whose source is not listed is a warning the verifier notes.
/// </summary>
[Authorize(Roles = Access.MrvCompany)]
public sealed class PlanModel(MrvCommandHandler handler, MrvQueries queries) : MrvPageModel(handler)
{
    /// <summary>Blank rows offered under the plan's sources.</summary>
    public const int BlankRows = 3;

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public List<SourceRow> Sources { get; set; } = [];

    public string? Done { get; private set; }

    public async Task OnGetAsync([FromQuery] int? year, [FromQuery] string? done, CancellationToken ct)
    {
        Done = done;
        Year = year ?? DateTime.UtcNow.Year - 1;
        // A year in the address that is no number (?year=abc) is named beside the year's box, with the year opened instead.
        Unbound.Name(Errors, ModelState, field => field == "year" ? Year.Value.ToString(CultureInfo.InvariantCulture) : null);
        var plan = await queries.OwnPlanAsync(User.Actor(), Year.Value, ct);
        Sources = [.. (plan?.Sources ?? []).Select(s => new SourceRow
        {
            Kind = SourceKinds.Code(s.Kind), Material = s.Material, Method = s.Method, Meter = s.Meter, Frequency = s.Frequency,
        })];
        Pad();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var rows = Sources.Where(s => !s.IsBlank).ToList();
        var parsed = SaveMonitoringPlan.TryParse(new(Year, [.. rows.Select(r => new PlanSourceForm(r.Kind, r.Material, r.Method, r.Meter, r.Frequency))]),
            out var command, out var errors);
        if (await SendAsync(parsed, command, errors, ct) is MrvCommandOutcome.Completed)
        {
            return Redirect($"/Mrv/Plan?year={Year}&done=saved");
        }
        Sources = rows;
        Pad();
        return Page();
    }

    private void Pad()
    {
        while (Sources.Count(s => s.IsBlank) < BlankRows)
        {
            Sources.Add(new SourceRow());
        }
    }

    public sealed class SourceRow
    {
        public string? Kind { get; set; }

        public string? Material { get; set; }

        public string? Method { get; set; }

        public string? Meter { get; set; }

        public string? Frequency { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Material) && string.IsNullOrWhiteSpace(Method) && string.IsNullOrWhiteSpace(Meter)
            && string.IsNullOrWhiteSpace(Frequency);
    }
}
