using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.DualControl.Cards;
using OpenEts.Application.Files;
using OpenEts.Domain.DualControl.Cards;

namespace OpenEts.Server.Pages.Energy.Cards;

/// <summary>A published quarterly card list (public), and the same as .xlsx.</summary>
[AllowAnonymous]
public sealed class ListModel(CardsQueries queries) : CardsPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Jurisdiction { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Quarter { get; set; }

    public CardList? List { get; private set; }

    /// <summary>The list's province or city as its rules name it (天津市).</summary>
    public string Place => List is { } l ? queries.JurisdictionName(l.Jurisdiction) : "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        List = await FindAsync(ct);
        return List is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is not { } list)
        {
            return NotFound();
        }
        using var buffer = new MemoryStream();
        // The sheet is in Chinese whatever the page's language, its grounds too.
        TabularWriter.WriteXlsx(buffer, CardListSheet.Header, CardListSheet.Rows(list, Localization.DataNotes.TriggerInChinese));
        return File(buffer.ToArray(), TabularWriter.XlsxContentType, CardListSheet.FileName(list));
    }

    private async Task<CardList?> FindAsync(CancellationToken ct) =>
        Jurisdiction is { Length: > 0 } j && Domain.DualControl.Cards.Quarter.TryParse(Quarter, out var q, out _)
            ? await queries.PublishedAsync(j, q.Value, ct)
            : null;
}
