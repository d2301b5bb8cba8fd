using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Offsets;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Api;

/// <summary>The verifier's sample of an aggregation (draw, findings, verification on it) and an aggregation's audit trail.</summary>
internal static partial class InclusionEndpoints
{
    /// <summary>One finding; <c>reason</c> is needed for <c>notSupported</c> only.</summary>
    public sealed record FindingInput(int? Ordinal, string? Finding, string? Reason = null);

    public sealed record VerifyAggregationInput(string? Opinion);

    private static void MapSamples(RouteGroupBuilder group)
    {
        group.MapGet("/aggregations/{id}/sample", SampleAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.InclusionSampleReaders })
            .WithSummary("An aggregation's sample: seed, plan (z, p, e, tolerable rate with their source), strata, the sampled events (citizens by the sample's pseudonym) and findings, and the evaluation so far");
        group.MapPost("/aggregations/{id}/sample", DrawAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.InclusionVerifier })
            .WithSummary("Draw the aggregation's sample (the verifier; drawn once, reproducibly from the aggregation's seed; the verifier's organisation takes the aggregation)");
        group.MapPost("/aggregations/{id}/sample/findings", FindingAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.InclusionVerifier })
            .WithSummary("Record the finding for one sampled event: confirmed, or notSupported with a reason (changeable until verified)");
        group.MapPost("/aggregations/{id}/verification", VerifyOnSampleAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.InclusionVerifier })
            .WithSummary("Verify the aggregation on its checked sample through the offsets module: the claim as filed, or cut by the projected error above the tolerable rate");
        group.MapGet("/aggregations/{id}/trail", TrailAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.InclusionOverseers })
            .WithSummary("The audit trail from the PHCER issued to the aggregation, its daily sums by behaviour, the events still kept and the sample (events for sample readers only)");
    }

    // None drawn, or none the reader may see: 404; another verification body's sample: 403 naming the rule, as the
    // findings and the verification would refuse that verifier.
    private static async Task<Results<Ok<InclusionViews.SampleView>, NotFound, ProblemHttpResult>> SampleAsync(long id, HttpContext http,
        InclusionQueries q, CancellationToken ct) =>
        await q.SampleForAsync(http.User.Actor(), id, ct).ConfigureAwait(false) switch
        {
            ({ } check, _) => TypedResults.Ok(InclusionViews.Sample(check)),
            (_, { } notYours) => Refusal(StatusCodes.Status403Forbidden, notYours.Field, notYours.Rule, notYours.Message),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<Ok<InclusionViews.SampleView>, ValidationProblem, ProblemHttpResult>> DrawAsync(long id, HttpContext http,
        InclusionCommandHandler handler, CancellationToken ct) =>
        DrawSample.TryParse(new(id), out var command, out var errors)
            ? ToHttp(await handler.DrawSampleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => InclusionViews.Sample((SampleCheck)r))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<InclusionViews.SampledEventView>, ValidationProblem, ProblemHttpResult>> FindingAsync(long id, FindingInput input,
        HttpContext http, InclusionCommandHandler handler, CancellationToken ct) =>
        RecordSampleFinding.TryParse(new(id, input.Ordinal, input.Finding, input.Reason), out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => InclusionViews.SampledEvent((SampledEvent)r))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<InclusionViews.SampleView>, ValidationProblem, ProblemHttpResult>> VerifyOnSampleAsync(long id,
        VerifyAggregationInput input, HttpContext http, InclusionCommandHandler handler, CancellationToken ct) =>
        VerifyAggregation.TryParse(new(id, input.Opinion), out var command, out var errors)
            ? ToHttp(await handler.VerifyAggregationAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => InclusionViews.Sample((SampleCheck)r))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<InclusionViews.TrailView>, NotFound>> TrailAsync(long id, HttpContext http, InclusionQueries q,
        OffsetsQueries offsets, CancellationToken ct) =>
        await q.TrailAsync(http.User.Actor(), id, null, offsets, ct).ConfigureAwait(false) is { } trail
            ? TypedResults.Ok(InclusionViews.Trail(trail))
            : TypedResults.NotFound();
}
