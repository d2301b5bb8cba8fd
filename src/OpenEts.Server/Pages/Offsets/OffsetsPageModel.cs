using OpenEts.Application.Identity;
using OpenEts.Application.Offsets;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Offsets;

/// <summary>
/// What every offsets page that writes shares: the command's <c>TryParse</c> result is run by
/// <see cref="OffsetsCommandHandler"/> as the signed-in user, and what went wrong is filed as
/// <see cref="CommandPageModel"/> files it.
/// </summary>
public abstract class OffsetsPageModel(OffsetsCommandHandler handler) : CommandPageModel
{
    /// <summary>The signed-in user, or null on a public visit.</summary>
    public Actor? Viewer => User.Identity?.IsAuthenticated == true ? User.Actor() : null;

    protected async Task<OffsetsCommandOutcome> SendAsync(bool parsed, IOffsetsCommand? command,
        IReadOnlyList<Domain.Organisations.FieldError> errors, CancellationToken ct)
    {
        var outcome = parsed && command is not null && Viewer is { } actor
            ? await handler.HandleAsync(actor, command, ct)
            : new OffsetsCommandOutcome.Invalid(errors);
        File(outcome);
        return outcome;
    }

    /// <summary>
    /// Runs a workbook's commands all together (<see cref="OffsetsCommandHandler.HandleAllAsync"/>): all are done, or
    /// none is and the first that would not be done is filed, its message prefixed with <paramref name="where"/>.
    /// </summary>
    protected async Task<OffsetsBatchOutcome> SendAllAsync(IReadOnlyList<IOffsetsCommand> commands, Func<int, string> where, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(where);
        var batch = await handler.HandleAllAsync(User.Actor(), commands, ct);
        if (batch.Stopped is { } stopped)
        {
            FileBanner(Text.T("importfailed"));
            var prefix = where(batch.StoppedAt);
            var message = stopped switch
            {
                OffsetsCommandOutcome.Invalid i => string.Join("; ", i.Errors.Select(RuleText.Field)),
                OffsetsCommandOutcome.Refused r => RuleText.Message(r.Field, r.Rule, r.Message),
                OffsetsCommandOutcome.NotFound => Text.T("offsets.notfound"),
                _ => Text.T("rule.Role"),
            };
            Errors.TryAdd("import", $"{prefix}: {message}");
        }
        return batch;
    }

    private void File(OffsetsCommandOutcome outcome)
    {
        switch (outcome)
        {
            case OffsetsCommandOutcome.Invalid invalid:
                FileFields(invalid.Errors);
                break;
            case OffsetsCommandOutcome.Refused r:
                FileRefusal(r.Field, r.Rule, r.Message);
                break;
            case OffsetsCommandOutcome.NotFound:
                FileBanner(Text.T("offsets.notfound"));
                break;
            case OffsetsCommandOutcome.Forbidden:
                FileBanner(Text.T("rule.Role"));
                break;
        }
    }
}
