using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Inclusion;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Inclusion;

/// <summary>
/// The verifier's sample of an aggregation: draw it, record a finding per sampled event, and verify the aggregation on it
/// (through the offsets module). The regulator and the auditor read it. Citizens appear only as the sample's pseudonym.
/// </summary>
[Authorize(Roles = Access.InclusionSampleReaders)]
public sealed class SampleModel(InclusionCommandHandler handler, InclusionQueries queries) : InclusionPageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public SampleCheck? Check { get; private set; }

    public bool IsVerifier => InclusionRoles.Verifiers.Contains(User.Actor().Role);

    /// <summary>The verifier may still change findings and verify.</summary>
    public bool MayCheck => IsVerifier && Check is { Sample.VerifiedAt: null };

    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Check = await queries.SampleAsync(User.Actor(), Id, ct);

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

    public async Task<IActionResult> OnPostFindingAsync(int? ordinal, string? finding, string? reason, CancellationToken ct)
    {
        if (RecordSampleFinding.TryParse(new(Id, ordinal, finding, reason), out var command, out var errors))
        {
            Report(await handler.HandleAsync(User.Actor(), command, ct));
        }
        else
        {
            Report(errors);
        }
        return await PageAsync(ct);
    }

    public async Task<IActionResult> OnPostVerifyAsync(string? opinion, CancellationToken ct)
    {
        if (VerifyAggregation.TryParse(new(Id, opinion), out var command, out var errors))
        {
            if (Report(await handler.VerifyAggregationAsync(User.Actor(), command, ct)))
            {
                Done = "verified";
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
        Check = await queries.SampleAsync(User.Actor(), Id, ct);
        return Page();
    }
}
