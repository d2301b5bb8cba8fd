using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Registry;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Hosting;

/// <summary>
/// While a journal entry does not replay (<see cref="RegistryService.Break"/>) the server stays up, read-only: reads
/// show the registry before that entry, and every write (API or page form) answers 503 naming the entry and the reason.
/// Signing in and out still work, so that the regulator and the auditor can look. The break is found at start
/// (<see cref="StartAsync"/> replays the registry once, while the server goes on starting) or by the first read that
/// meets it.
/// </summary>
internal sealed class ReadOnlyMode(RegistryService registry, ILogger<ReadOnlyMode> log) : IHostedService, IExceptionHandler
{
    /// <summary>The rule code of the 503 problem.</summary>
    public const string Rule = "JournalDoesNotReplay";

    /// <summary>The page a refused page form is answered with (the layout's banner names the entry).</summary>
    public const string PagePath = "/ReadOnly";

    private Task _restored = Task.CompletedTask;

    /// <summary>The restore started at start: complete once the registry is restored (or could not be).</summary>
    public Task Restored => _restored;

    /// <summary>
    /// Starts restoring the registry (snapshot and journal tail) and returns at once, so that the server goes on starting
    /// and listens meanwhile; every request waits for the restore in <see cref="GuardAsync"/>, so none is answered from
    /// a registry that is not restored yet or before a break is known.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _restored = Task.Run(RestoreAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task RestoreAsync()
    {
        try
        {
            await registry.QueryAsync((_, _) => 0, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next registry call restores again and answers with its own error: the same as a database that fails later.
            log.LogError(e, "The registry could not be restored at start; the next registry request tries again");
            return;
        }
        if (registry.Break is { } b)
        {
            log.LogError("Journal entry {Sequence} does not replay ({Reason}). The server is READ-ONLY: reads show the registry "
                + "before that entry and every write answers 503. Check it with 'ets registry verify', repair the journal "
                + "from a backup, and restart.", b.Sequence, b.Reason);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A write that reached the registry anyway (the break was found during it): the same 503.</summary>
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not RegistryReadOnlyException readOnly)
        {
            return false;
        }
        await RefuseAsync(httpContext, readOnly.Break).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The middleware: a write while read-only is refused before it runs. A write waits for the start's restore (a journal
    /// break found there refuses every write, the registry's or not); a read does not: one that reads the registry waits
    /// for the restore in the registry itself (its queries are serialised behind it), so pages that never read the
    /// registry answer while it restores, and none is answered from a registry restored by half.
    /// </summary>
    public static Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        if (!IsWrite(context.Request))
        {
            return next(context);
        }
        var restored = context.RequestServices.GetRequiredService<ReadOnlyMode>().Restored;
        return restored.IsCompleted ? GuardRestoredAsync(context, next) : WaitThenGuardAsync(restored, context, next);
    }

    private static async Task WaitThenGuardAsync(Task restored, HttpContext context, RequestDelegate next)
    {
        await restored.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await GuardRestoredAsync(context, next).ConfigureAwait(false);
    }

    private static Task GuardRestoredAsync(HttpContext context, RequestDelegate next)
    {
        var registry = context.RequestServices.GetRequiredService<RegistryService>();
        if (registry.Break is not { } b || IsSignInOrOut(context.Request.Path))
        {
            return next(context);
        }
        if (IsApi(context.Request.Path))
        {
            return RefuseAsync(context, b);
        }
        // A page form: answer with the read-only page (503), rendered like any other page.
        context.Items[typeof(JournalBreak)] = b;
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = PagePath;
        context.Request.QueryString = QueryString.Empty;
        return next(context);
    }

    /// <summary>The message: which entry, and why.</summary>
    public static string Message(JournalBreak b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return Text.T("readonly.detail", b.Sequence, b.Reason);
    }

    private static async Task RefuseAsync(HttpContext context, JournalBreak b)
    {
        if (!IsApi(context.Request.Path))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(Message(b)).ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = Text.T("readonly.title"),
                Detail = Message(b),
                Extensions = { ["entry"] = b.Sequence, ["field"] = "journal", ["rule"] = Rule },
            },
        }).ConfigureAwait(false);
    }

    private static bool IsWrite(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    // Signing in and out (and the steps of a sign-in) change no registry state and must keep working.
    private static bool IsSignInOrOut(PathString path) => path.StartsWithSegments("/Account", StringComparison.OrdinalIgnoreCase);

}
