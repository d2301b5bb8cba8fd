using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Inclusion;

/// <summary>
/// The verifier's sample of an aggregation: draw it, record the sampled events' findings in one form, and verify the aggregation on it
/// (through the offsets module). The regulator and the auditor read it. Citizens appear only as the sample's pseudonym.
/// </summary>
[Authorize(Roles = Access.InclusionSampleReaders)]
public sealed class SampleModel(InclusionCommandHandler handler, InclusionQueries queries) : InclusionPageModel
{
    [BindProperty(SupportsGet = true)]
    public long? Id { get; set; }

    /// <summary>The aggregation sampled: null when the address named none, or one the reader cannot open.</summary>
    public InclusionAggregation? Aggregation { get; private set; }

    public SampleCheck? Check { get; private set; }

    /// <summary>
    /// Why a verifier may not see the sample drawn (another verification body's organisation drew it), or may not draw it
    /// (its organisation owns the project, or the report is not waiting for verification); null when neither.
    /// </summary>
    public string? NotYours { get; private set; }

    /// <summary>An aggregation in the address the page cannot open (no number, or none known), named as typed.</summary>
    public AddressErrors Unread { get; } = new();

    public bool IsVerifier => InclusionRoles.Verifiers.Contains(User.Actor().Role);

    /// <summary>The verifier may still change findings and verify.</summary>
    public bool MayCheck => IsVerifier && Check is { Sample.VerifiedAt: null };

    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var unknown = await LoadAsync(ct);
        var nothing = Text.T("address.nothing");
        Unbound.Name(Unread.ByField, ModelState, field => field == "id" ? nothing : null);
        if (unknown is not null)
        {
            Unbound.Name(Unread.ByField, unknown, nothing);
        }
    }

    public async Task<IActionResult> OnPostDrawAsync(CancellationToken ct)
    {
        if (DrawSample.TryParse(new(Id), out var command, out var errors))
        {
            Report(await handler.DrawSampleAsync(User.Actor(), command, ct));
        }
        else
        {
            Report(errors);
        }
        return await PageAsync(ct);
    }

    /// <summary>The findings as posted: shown again, as typed, when the form is refused.</summary>
    [BindProperty]
    public List<FindingRow> Findings { get; set; } = [];

    /// <summary>How many findings the last save changed; null when nothing was saved.</summary>
    public int? Saved { get; private set; }

    /// <summary>The posted row of the event at <paramref name="ordinal"/>, when the form was refused.</summary>
    public FindingRow? Posted(int ordinal) => Errors.Count > 0 ? Findings.FirstOrDefault(f => f.Ordinal == ordinal) : null;

    public async Task<IActionResult> OnPostFindingsAsync(string? rest, CancellationToken ct)
    {
        var form = new RecordSampleFindings.Form(Id, [.. Findings.Select(f => new RecordSampleFindings.RowForm(f.Ordinal, f.Finding, f.Reason))], rest);
        if (RecordSampleFindings.TryParse(form, out var command, out var errors))
        {
            var outcome = await handler.HandleAsync(User.Actor(), command, ct);
            if (Report(outcome))
            {
                Saved = ((RecordSampleFindings.Recorded)((InclusionCommandOutcome.Completed)outcome).Result).Changed;
            }
        }
        else
        {
            Report(errors);
        }
        return await PageAsync(ct);
    }

    /// <summary>The opinion a refused verification was sent with, shown again in its field.</summary>
    public string? Opinion { get; private set; }

    public async Task<IActionResult> OnPostVerifyAsync(string? opinion, CancellationToken ct)
    {
        Opinion = opinion;
        if (VerifyAggregation.TryParse(new(Id, opinion), out var command, out var errors))
        {
            if (Report(await handler.VerifyAggregationAsync(User.Actor(), command, ct)))
            {
                (Done, Opinion) = ("verified", null);
            }
        }
        else
        {
            Report(errors);
        }
        return await PageAsync(ct);
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    // The aggregation and its sample; the error naming the aggregation when the reader cannot open it.
    private async Task<FieldError?> LoadAsync(CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return null;
        }
        (Aggregation, Check, var notYours, var unknown) = await queries.AggregationWithSampleAsync(User.Actor(), id, "id", ct);
        if (Aggregation is not null)
        {
            NotYours = notYours is not null ? RuleText.Field(notYours)
                : Check is null && await handler.DrawRefusalAsync(User.Actor(), id, ct) is { } refused
                    ? RuleText.Message(refused.Field, refused.Rule, refused.Message, refused.Figures)
                    : null;
        }
        return unknown;
    }

    /// <summary>One event's row of the findings form.</summary>
    public sealed class FindingRow
    {
        public int? Ordinal { get; set; }

        public string? Finding { get; set; }

        public string? Reason { get; set; }
    }
}
