using OpenEts.Application.Mrv;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Mrv;

/// <summary>
/// What every MRV page that writes shares: the command's <c>TryParse</c> result is run by <see cref="MrvCommandHandler"/>
/// as the signed-in user, and what went wrong is filed as <see cref="CommandPageModel"/> files it.
/// </summary>
public abstract class MrvPageModel(MrvCommandHandler handler) : CommandPageModel
{
    protected async Task<MrvCommandOutcome> SendAsync(bool parsed, IMrvCommand? command, IReadOnlyList<Domain.Organisations.FieldError> errors,
        CancellationToken ct, IReadOnlyList<Domain.Identity.Role>? allowed = null)
    {
        var outcome = allowed is not null
            ? await handler.HandleAsync(User.Actor(), allowed, parsed, command, errors, ct)
            : parsed && command is not null
            ? await handler.HandleAsync(User.Actor(), command, ct)
            : new MrvCommandOutcome.Invalid(errors);
        switch (outcome)
        {
            case MrvCommandOutcome.Invalid invalid:
                FileFields(invalid.Errors);
                break;
            case MrvCommandOutcome.Refused r:
                FileRefusal(r.Field, r.Rule, r.Message);
                break;
            case MrvCommandOutcome.NotFound:
                FileBanner(Text.T("mrv.notfound"));
                break;
            case MrvCommandOutcome.Forbidden:
                FileBanner(Text.T("rule.Role"));
                break;
        }
        return outcome;
    }
}
