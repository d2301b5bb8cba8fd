using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Inclusion;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Inclusion;

/// <summary>What every carbon-inclusion page that writes shares: the outcome's errors by field, in the page's language.</summary>
public abstract class InclusionPageModel : PageModel
{
    /// <summary>Errors by the request's field name; "" for the banner.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Err(string field) => Errors.GetValueOrDefault(field);

    public string? Banner => Errors.Count == 0 ? null : Errors.GetValueOrDefault("") ?? Text.T("fixerrors");

    public IEnumerable<string> AllErrors => Errors.Values.Distinct();

    /// <summary>The coins' word after a count: "1 coin", "2 coins" (碳币 in Chinese either way).</summary>
    public static string CoinUnit(long count) => Text.T(count == 1 ? "incl.coinunit.one" : "incl.coinunit");

    /// <summary>A programme's name, by its code or id among <paramref name="programmes"/>; the code when none has it.</summary>
    public static string ProgrammeName(IReadOnlyList<Domain.Inclusion.InclusionProgramme> programmes, string code) =>
        Programme(programmes, code)?.Name ?? code;

    /// <summary>A catalogue item's name in <paramref name="programme"/>'s catalogue; the code when the catalogue does not list it.</summary>
    public static string ItemName(IReadOnlyList<Domain.Inclusion.InclusionProgramme> programmes, string programme, string item) =>
        Programme(programmes, programme)?.Item(item)?.Name ?? item;

    private static Domain.Inclusion.InclusionProgramme? Programme(IReadOnlyList<Domain.Inclusion.InclusionProgramme> programmes, string code) =>
        programmes.FirstOrDefault(p => p.Code == code || p.Id == code);

    /// <summary>Files the outcome's errors; true when it completed.</summary>
    protected bool Report(InclusionCommandOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome)
        {
            case InclusionCommandOutcome.Invalid invalid:
                foreach (var e in invalid.Errors)
                {
                    Errors.TryAdd(e.Field, RuleText.Field(e));
                }
                break;
            case InclusionCommandOutcome.Refused r:
                Errors.TryAdd("", RuleText.Message(r.Field, r.Rule, r.Message, r.Figures));
                break;
            case InclusionCommandOutcome.Forbidden:
                Errors.TryAdd("", Text.T("rule.Role"));
                break;
            default:
                break;
        }
        return outcome is InclusionCommandOutcome.Completed;
    }

    /// <summary>
    /// Files field errors from a form that did not parse. A value the form could not bind (<c>1e30</c> yuan) reads as
    /// missing to the command; it is reported as typed first, so the page does not say that a typed field is required.
    /// </summary>
    protected void Report(IReadOnlyList<FieldError> errors) => Report(new InclusionCommandOutcome.Invalid([.. Unbound.Errors(ModelState), .. errors]));
}
