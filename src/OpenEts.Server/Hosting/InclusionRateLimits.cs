using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;
using OpenEts.Server.Api;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Hosting;

/// <summary>
/// The rate limits of carbon inclusion's open endpoints (ASP.NET Core's rate limiter), with the numbers from
/// <see cref="InclusionLimits"/>: sign-up per client address, partners' submissions per key. A refused request gets 429
/// with a problem+json body naming the rule and a Retry-After header in seconds.
/// </summary>
internal static class InclusionRateLimits
{
    /// <summary>The sign-up policy's name.</summary>
    public const string SignUp = "inclusion-signup";

    /// <summary>The partner-submission policy's name.</summary>
    public const string Partner = "inclusion-partner";

    public static IServiceCollection AddInclusionRateLimits(this IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.OnRejected = RejectAsync;
        o.AddPolicy(SignUp, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "", _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = InclusionLimits.SignUpsPerWindow, Window = InclusionLimits.SignUpWindow, QueueLimit = 0 }));
        // Partitioned by the key's hash, so the limiter's memory never holds a key; requests without a key share one partition.
        o.AddPolicy(Partner, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Request.Headers[InclusionEndpoints.PartnerKeyHeader].ToString() is { Length: > 0 } key ? PartnerKey.Hash(key) : "", _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = InclusionLimits.PartnerBatchesPerWindow, Window = InclusionLimits.PartnerWindow, QueueLimit = 0 }));
    });

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Ceiling(retryAfter.TotalSeconds)
            : (int)InclusionLimits.PartnerWindow.TotalSeconds;
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(Text.T("problem.ratelimited.detail", seconds),
            statusCode: StatusCodes.Status429TooManyRequests, title: Text.T("problem.ratelimited"),
            extensions: new Dictionary<string, object?> { ["rule"] = "RateLimited", ["retryAfterSeconds"] = seconds })
            .ExecuteAsync(http).ConfigureAwait(false);
    }
}
