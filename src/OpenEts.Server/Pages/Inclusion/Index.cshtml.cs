using Microsoft.AspNetCore.Authorization;
using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Server.Pages.Inclusion;

/// <summary>Carbon inclusion (碳普惠): the programmes and their versions, public.</summary>
[AllowAnonymous]
public sealed class IndexModel(InclusionQueries queries) : InclusionPageModel
{
    public IReadOnlyList<InclusionProgramme> Programmes { get; private set; } = [];

    public IReadOnlySet<string> InForce { get; private set; } = new HashSet<string>();

    public void OnGet()
    {
        Programmes = queries.Programmes;
        InForce = queries.InForce().Select(p => p.Id).ToHashSet();
    }
}
