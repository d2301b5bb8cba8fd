using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.DualControl.Cards;
using OpenEts.Application.Identity;
using OpenEts.Domain.DualControl.Cards;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Energy.Cards;

/// <summary>
/// Polluter red/yellow cards: the published quarterly lists and the rules, public; for officers the workbench (record a
/// violation, confirm or dismiss a proposed card, lift a card after rectification, escalate overdue yellow cards,
/// preview and publish a quarter's list); the auditor reads the workbench; a company representative is pointed to its own history.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(CardsCommandHandler handler, CardsQueries queries) : CardsPageModel
{
    public IReadOnlyList<CardList> Lists { get; private set; } = [];

    public IReadOnlyList<CardRules> Rules => queries.Rules;

    /// <summary>Every jurisdiction with card rules: code and province or city (天津市 for <c>tianjin</c>).</summary>
    public IReadOnlyList<(string Code, string Name)> Jurisdictions => queries.Jurisdictions;

    /// <summary>A jurisdiction's province or city as its rules name it.</summary>
    public string JurisdictionName(string code) => queries.JurisdictionName(code);

    public IReadOnlyList<CardRecord> Cards { get; private set; } = [];

    public IReadOnlyList<ViolationRecord> Violations { get; private set; } = [];

    public CardList? Preview { get; private set; }

    /// <summary>The jurisdiction and quarter previewed in place of those asked for, when they could not be read: the page says so.</summary>
    public (string Jurisdiction, string Quarter)? PreviewShown { get; private set; }

    /// <summary>The jurisdiction and quarter asked for when its rules do not reach that quarter: nothing is previewed, and the page says so.</summary>
    public (string Jurisdiction, string Quarter)? NothingToPreview { get; private set; }

    /// <summary>The rules of the jurisdiction asked for, each version with its first day (the page names them when nothing is previewed).</summary>
    public IEnumerable<CardRules> RulesOf(string jurisdiction) => Rules.Where(r => r.Code == jurisdiction);

    public string? Done { get; private set; }

    public Actor? Actor { get; private set; }

    /// <summary>
    /// The form whose post failed (record, decide, lift, monitoring or publish), or the preview whose jurisdiction or
    /// quarter in the address could not be read: its errors show beside its fields.
    /// </summary>
    public string? Failed { get; private set; }

    /// <summary>The card whose decide or lift form failed, and the evidence typed into it: that row's form shows it again.</summary>
    public long? FailedCard { get; private set; }

    public string? Evidence { get; private set; }

    public bool IsOfficer => Actor is not null && CardsRoles.Officers.Contains(Actor.Role);

    public bool MayOversee => CardsQueries.MayOversee(Actor);

    public bool IsCompany => Actor?.Role == Role.CompanyRepresentative;

    [BindProperty]
    public RecordViolation.Form Violation { get; set; } = new(null, "tianjin", "concentrationExceedance", null, null, null, null, null, null, null);

    [BindProperty]
    public ProposeFromMonitoring.Form Monitoring { get; set; } = new("tianjin");

    [BindProperty(SupportsGet = true)]
    public string? Jurisdiction { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Quarter { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A jurisdiction or quarter in the address that cannot be previewed is named beside its field in the preview form.
        if (await LoadAsync(ct) is { Count: > 0 } unread)
        {
            Failed = "preview";
            Report(new CardsCommandOutcome.Invalid(unread));
        }
    }

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        if (Parsed(RecordViolation.TryParse(Violation, handler.Rules, out var command, out var errors), command, errors))
        {
            var outcome = await handler.HandleAsync(User.Actor(), command, ct);
            if (Report(outcome))
            {
                var recorded = (RecordedViolation)((CardsCommandOutcome.Completed)outcome).Result;
                Done = recorded.Proposed is { } p ? $"{Localization.Text.T("cards.proposed")} #{p.Id} ({Localization.Text.T("cards.colour." + p.Colour)})"
                    : Localization.Text.T("cards.noproposal");
            }
        }
        return await PageAsync("record", ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(long? card, string? decision, string? evidence, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        if (Parsed(DecideCard.TryParse(new(card, decision, evidence), out var command, out var errors), command, errors))
        {
            if (Report(await handler.HandleAsync(User.Actor(), command, ct)))
            {
                Done = $"#{card} {Localization.Text.T(command.Confirm ? "cards.confirmed" : "cards.dismissed")}";
            }
        }
        FailedCard = Done is null ? card : null;
        Evidence = evidence;
        return await PageAsync("decide", ct);
    }

    public async Task<IActionResult> OnPostLiftAsync(long? card, string? evidence, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        if (Parsed(LiftCard.TryParse(new(card, evidence), out var command, out var errors), command, errors))
        {
            if (Report(await handler.HandleAsync(User.Actor(), command, ct)))
            {
                Done = $"#{card} {Localization.Text.T("cards.lifted")}";
            }
        }
        FailedCard = Done is null ? card : null;
        Evidence = evidence;
        return await PageAsync("lift", ct);
    }

    public async Task<IActionResult> OnPostFromMonitoringAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        if (Parsed(ProposeFromMonitoring.TryParse(Monitoring, handler.Rules, out var command, out var errors), command, errors))
        {
            var outcome = await handler.HandleAsync(User.Actor(), command, ct);
            if (Report(outcome))
            {
                var result = (MonitoringProposals)((CardsCommandOutcome.Completed)outcome).Result;
                Done = $"{Localization.Text.T("cards.frommonitoring.done")} {result.From:yyyy-MM-dd} – {result.To:yyyy-MM-dd}: "
                    + $"{result.Proposed.Count} / {Localization.Text.T("cards.frommonitoring.skipped")} {result.Skipped}"
                    + string.Concat(result.Proposed.Select(p => p.Proposed is { } c ? $" #{c.Id} {c.OrganisationName}" : ""));
            }
        }
        return await PageAsync("monitoring", ct);
    }

    public async Task<IActionResult> OnPostEscalateAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        var outcome = await handler.HandleAsync(User.Actor(), new EscalateOverdue(), ct);
        if (Report(outcome))
        {
            Done = $"{Localization.Text.T("cards.escalated")}: {((IReadOnlyCollection<CardRecord>)((CardsCommandOutcome.Completed)outcome).Result).Count}";
        }
        return await PageAsync(null, ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        if (Parsed(PublishCardList.TryParse(new(Jurisdiction, Quarter), handler.Rules, out var command, out var errors), command, errors))
        {
            if (Report(await handler.HandleAsync(User.Actor(), command, ct)))
            {
                Done = $"{Localization.Text.T("cards.published")} {command.Jurisdiction} {command.Quarter}";
            }
        }
        return await PageAsync("publish", ct);
    }

    private async Task<IActionResult> PageAsync(string? form, CancellationToken ct)
    {
        Failed = Done is null ? form : null;
        await LoadAsync(ct);
        return Page();
    }

    // Loads the page; answers why the list asked for could not be previewed (none when it was, or when none may be).
    private async Task<IReadOnlyList<FieldError>> LoadAsync(CancellationToken ct)
    {
        Actor = User.Identity?.IsAuthenticated == true ? User.Actor() : null;
        Lists = await queries.PublishedAsync(ct);
        if (MayOversee)
        {
            Cards = await queries.CardsAsync(Actor, ct) ?? [];
            Violations = await queries.ViolationsAsync(Actor, ct) ?? [];
        }
        if (await queries.PreviewAsync(Actor, new(Jurisdiction, Quarter), ct) is not { } preview)
        {
            return [];
        }
        Jurisdiction ??= preview.Jurisdiction;
        Quarter ??= preview.Quarter.ToString();
        Preview = preview.List;
        PreviewShown = preview.Instead ? (preview.Jurisdiction, preview.Quarter.ToString()) : null;
        NothingToPreview = preview.List is null ? (preview.Jurisdiction, preview.Quarter.ToString()) : null;
        return preview.Errors;
    }
}
