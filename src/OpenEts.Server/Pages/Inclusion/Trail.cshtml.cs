using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Offsets;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Inclusion;

/// <summary>
/// An aggregation's audit trail, from the PHCER issued (the offsets report and the registry's issuance) down to its daily
/// sums by behaviour, the events still kept and the verifier's sample. By aggregation (<c>?id=</c>) or by the monitoring
/// report it filed (<c>?report=</c>).
/// </summary>
[Authorize(Roles = Access.InclusionOverseers)]
public sealed class TrailModel(InclusionQueries queries, OffsetsQueries offsets) : InclusionPageModel
{
    [BindProperty(SupportsGet = true)]
    public long? Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "report")]
    public long? ReportId { get; set; }

    public AggregationTrail? Trail { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Trail = await queries.TrailAsync(User.Actor(), Id, Id is null ? ReportId : null, offsets, ct);
        return Trail is null ? NotFound() : Page();
    }
}
