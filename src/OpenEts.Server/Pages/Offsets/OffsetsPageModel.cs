using Microsoft.AspNetCore.Html;
using OpenEts.Application.Identity;
using OpenEts.Application.Offsets;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Offsets;

/// <summary>
/// What every offsets page that writes shares: the command's <c>TryParse</c> result is run by
/// <see cref="OffsetsCommandHandler"/> as the signed-in user, and what went wrong is filed as
/// <see cref="CommandPageModel"/> files it. A form that fails shows again as typed, its bad fields marked.
/// </summary>
public abstract class OffsetsPageModel(OffsetsCommandHandler handler) : CommandPageModel
{
    /// <summary>The signed-in user, or null on a public visit.</summary>
    public Actor? Viewer => User.Identity?.IsAuthenticated == true ? User.Actor() : null;

    protected async Task<OffsetsCommandOutcome> SendAsync(bool parsed, IOffsetsCommand? command,
        IReadOnlyList<Domain.Organisations.FieldError> errors, CancellationToken ct)
    {
        // A number typed but not read is left empty by the binder, which the use case would call missing or take as not
        // given (a coordinate dropped, a report verified at its claim): it is refused as typed, before the use case's errors.
        var unbound = Unbound.Errors(ModelState);
        var outcome = unbound.Count == 0 && parsed && command is not null && Viewer is { } actor
            ? await handler.HandleAsync(actor, command, ct)
            : new OffsetsCommandOutcome.Invalid([.. unbound, .. errors]);
        File(outcome);
        return outcome;
    }

    /// <summary>An input's text: as typed when it could not be read as a number, else the bound value.</summary>
    public string Typed(string key, IFormattable? bound) => Unbound.Typed(ModelState, key, bound);

    // A field's marks when it has an error (as the registry pages mark it), unless its form is not the one shown as posted
    // (shown: false), as the project page's several forms with the same fields are; null leaves an attribute out.

    /// <summary>"invalid", the class of a bad field, when <paramref name="field"/> has an error, else null.</summary>
    public string? Invalid(string field, bool shown = true) => FieldMark.Class(shown ? Err(field) : null);

    /// <summary>The value of <c>aria-invalid</c> when <paramref name="field"/> has an error, else null.</summary>
    public string? AriaInvalid(string field, bool shown = true) => FieldMark.Invalid(shown ? Err(field) : null);

    /// <summary>The id of the error beside input <paramref name="id"/> (its <c>aria-describedby</c>) when it has one, else null.</summary>
    public string? DescribedBy(string field, string id, bool shown = true) => FieldMark.DescribedBy(shown ? Err(field) : null, id);

    /// <summary>The error beside input <paramref name="id"/>: <c>&lt;span class="field-error" id="{id}-error"&gt;</c>, or nothing.</summary>
    public IHtmlContent ErrorBeside(string field, string id, bool shown = true) => shown && Err(field) is { } error
        ? new HtmlContentBuilder().AppendHtml("<span class=\"field-error\" id=\"").Append(id).AppendHtml("-error\">").Append(error).AppendHtml("</span>")
        : HtmlString.Empty;

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
                OffsetsCommandOutcome.Refused r => RuleText.Message(r.Field, r.Rule, r.Message, r.Figures),
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
                FileRefusal(r.Field, r.Rule, r.Message, r.Figures);
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
