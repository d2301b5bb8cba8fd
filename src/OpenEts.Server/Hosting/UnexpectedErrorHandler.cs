using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Storage;

namespace OpenEts.Server.Hosting;

/// <summary>Turns an unexpected exception into a problem+json 500, and a lost unique-key race into a 409.</summary>
internal sealed class UnexpectedErrorHandler(IProblemDetailsService problems, ILogger<UnexpectedErrorHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var conflict = exception is StoreConflictException;
        if (!conflict)
        {
            log.LogError(exception, "Unexpected error on {Path}", httpContext.Request.Path);
        }
        httpContext.Response.StatusCode = conflict ? StatusCodes.Status409Conflict : StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = httpContext.Response.StatusCode,
                Title = conflict ? "Conflict: another request changed the same record; nothing was saved" : "Unexpected error",
            },
        }).ConfigureAwait(false);
    }
}
