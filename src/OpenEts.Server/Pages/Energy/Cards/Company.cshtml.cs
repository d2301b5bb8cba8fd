using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.DualControl.Cards;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Energy.Cards;

/// <summary>A company's card history: violations, cards, its environmental credit grade this year and its 挂牌督办 quarters.</summary>
[Authorize(Roles = Access.CardHistoryReaders)]
public sealed class CompanyModel(CardsQueries queries) : CardsPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public CompanyCards? History { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        History = await queries.CompanyAsync(User.Actor(), Code, ct);
        return History is null ? NotFound() : Page();
    }
}
