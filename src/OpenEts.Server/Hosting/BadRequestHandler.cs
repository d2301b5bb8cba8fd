using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Api;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Hosting;

/// <summary>
/// Turns a request the minimal APIs could not bind (they throw <see cref="BadHttpRequestException"/>, see
/// <c>RouteHandlerOptions.ThrowOnBadRequest</c>) into problem+json naming the field and the rule, as the business rules
/// do: a body System.Text.Json refused (<see cref="JsonBodyErrors"/>), a value in the path or query that is no number
/// (<c>/compliance/GD/abc</c>, <c>?year=abc</c>: routes carry no type constraint, so that such a value reaches here named
/// rather than matching no route), a required query parameter left out (<c>Required</c> on its field), or no body at all.
/// </summary>
internal sealed partial class BadRequestHandler(IOptions<JsonOptions> json) : IExceptionHandler
{
    // The most of a refused body looked at to say what is wrong with it.
    private const int MaxBodyExamined = 1 << 20;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        // The exception came back up past the request's culture and label scope: speak the request's language again.
        if (httpContext.Features.Get<IRequestCultureFeature>() is { } culture)
        {
            CultureInfo.CurrentCulture = culture.RequestCulture.Culture;
            CultureInfo.CurrentUICulture = culture.RequestCulture.UICulture;
        }
        LabelScope.Enter(httpContext);
        var request = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<IAcceptsMetadata>();
        var body = await BodyAsync(httpContext.Request, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<FieldError> errors = bad switch
        {
            { InnerException: JsonException e } =>
                JsonBodyErrors.Describe(e, request?.RequestType, json.Value.SerializerOptions, body),
            _ when UnboundParameter().Match(bad.Message) is { Success: true } m => [Unbound.Parameter(m.Groups["type"].Value, m.Groups["name"].Value, m.Groups["value"].Value)],
            _ when MissingParameter().Match(bad.Message) is { Success: true } m =>
                [new FieldError(m.Groups["name"].Value, "Required", $"{m.Groups["name"].Value}: required")],
            _ when request is not null && IsEmpty(body.Span) =>
                [new FieldError(JsonBodyErrors.Body, "Json.Required", "body: the request needs a JSON object")],
            _ => [new FieldError("", "Http.BadRequest", bad.Message)],
        };
        var result = bad.StatusCode == StatusCodes.Status400BadRequest
            ? (IResult)Problems.Fields(errors)
            : TypedResults.Problem(RuleText.Field(errors[0]), statusCode: bad.StatusCode, title: Text.T("problem.unreadable"),
                extensions: new Dictionary<string, object?> { ["field"] = errors[0].Field, ["rule"] = errors[0].Rule });
        await result.ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }

    // The body again (buffered for /api requests, see OpenEtsApp), for naming what was wrong with it; empty when gone.
    private static async Task<ReadOnlyMemory<byte>> BodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.Body.CanSeek)
        {
            return ReadOnlyMemory<byte>.Empty;
        }
        request.Body.Position = 0;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length < MaxBodyExamined && (read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    // A value in the path or query that its parameter's type could not take, as the minimal APIs say it
    // (RequestDelegateFactory's "Failed to bind parameter" message, which is not localised).
    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^" ]+) (?<name>[^"]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex UnboundParameter();

    // A required parameter of the path or query not given at all (?year= left out), as the minimal APIs say it.
    // (Not a body left out: that is the body's own rule below.)
    [GeneratedRegex("""^Required parameter "(?<type>[^" ]+) (?<name>[^"]+)" was not provided from (query string|header)\.$""", RegexOptions.Singleline)]
    private static partial Regex MissingParameter();

    // No body, only white space, or the literal null: nothing to bind.
    private static bool IsEmpty(ReadOnlySpan<byte> body)
    {
        var text = body.Trim(" \t\r\n"u8);
        return text.IsEmpty || text.SequenceEqual("null"u8);
    }
}
