using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Server.Pages.Inclusion;

/// <summary>A programme version: behaviours with each methodology's parameters, sources and [UNCONFIRMED] flags, coin rules, caps, timing, catalogue.</summary>
[AllowAnonymous]
public sealed class ProgrammeModel(InclusionQueries queries) : InclusionPageModel
{
    public InclusionProgramme? Programme { get; private set; }

    public IActionResult OnGet([FromQuery] string? id)
    {
        Programme = queries.Find(id);
        return Programme is null ? NotFound() : Page();
    }
}
