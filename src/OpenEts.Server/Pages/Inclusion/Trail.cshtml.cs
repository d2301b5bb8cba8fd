using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Offsets;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Shared;

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

    /// <summary>The trail shown: null when the address named no aggregation the reader can open.</summary>
    public AggregationTrail? Trail { get; private set; }

    /// <summary>An aggregation or report in the address the page cannot open (no number, or none known), named as typed.</summary>
    public AddressErrors Unread { get; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        (Trail, var unknown) = await queries.TrailOfAsync(User.Actor(), Id, ReportId, offsets, ct);
        var shown = Trail is { } trail ? $"{Text.T("incl.aggregation")} {trail.Aggregation.Id}" : Text.T("address.nothing");
        Unbound.Name(Unread.ByField, ModelState, field => field is "id" or "report" ? shown : null);
        if (unknown is not null)
        {
            Unbound.Name(Unread.ByField, unknown, shown);
        }
    }
}
