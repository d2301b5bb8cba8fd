using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages;

/// <summary>
/// What a page that sends a module's commands shares: what went wrong is filed by the request's field name in
/// <see cref="Errors"/> (in the page's language), with a general message for the banner. Each module's page model maps
/// its own outcome union onto <see cref="FileFields"/>, <see cref="FileRefusal"/> and <see cref="FileBanner"/>.
/// </summary>
public abstract class CommandPageModel : PageModel
{
    /// <summary>Errors by the request's field name (<c>lines[0].amount</c>, <c>conclusion</c>); "" for the banner.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>The error for <paramref name="field"/>, or null.</summary>
    public string? Err(string field) => Errors.GetValueOrDefault(field);

    /// <summary>The message for the banner: the general error, else "fix the fields below".</summary>
    public string? Banner => Errors.Count == 0 ? null : Errors.GetValueOrDefault("") ?? Text.T("fixerrors");

    /// <summary>Every error, for the list under the banner.</summary>
    public IEnumerable<string> AllErrors => Errors.Values.Distinct();

    /// <summary>Every error but those of <paramref name="besideInputs"/>, which their inputs show (a filter's boxes).</summary>
    public IEnumerable<string> ErrorsBut(params IReadOnlyList<string> besideInputs) =>
        Errors.Where(e => !besideInputs.Contains(e.Key)).Select(e => e.Value).Distinct();

    /// <summary>Files each field error under its field (the first error of a field wins).</summary>
    protected void FileFields(IEnumerable<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var e in errors)
        {
            Errors.TryAdd(e.Field, RuleText.Field(e));
        }
    }

    /// <summary>Files a rule's refusal for the banner.</summary>
    protected void FileRefusal(string field, string rule, string message, IReadOnlyList<string>? figures = null) =>
        FileBanner(RuleText.Message(field, rule, message, figures));

    /// <summary>Files a general message for the banner (the first wins).</summary>
    protected void FileBanner(string message) => Errors.TryAdd("", message);
}
