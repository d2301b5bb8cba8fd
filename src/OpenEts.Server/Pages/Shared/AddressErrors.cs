using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Shared;

/// <summary>
/// The values in a page's address that the page could not use (<c>?kind=foo</c>, <c>?year=abc</c>), for a page that sends
/// no commands and so has no errors of its own: each by its parameter, with the text as typed and what the page shows
/// instead (<c>Localization/Unbound.Name</c> files them), shown beside the filter's input or in the banner.
/// </summary>
public sealed class AddressErrors
{
    /// <summary>The message by the parameter's name (<c>kind</c>, <c>year</c>).</summary>
    public Dictionary<string, string> ByField { get; } = new(StringComparer.Ordinal);

    /// <summary>The message for <paramref name="field"/>, or null.</summary>
    public string? Err(string field) => ByField.GetValueOrDefault(field);

    /// <summary>
    /// The text the address gave for <paramref name="field"/> when the page could not use it (a select box keeps it as
    /// an extra option so that the reader sees what they typed), or null.
    /// </summary>
    public string? Typed(HttpRequest request, string field) => Err(field) is null ? null : request.Query[field].ToString();

    /// <summary>
    /// Names the page number <paramref name="field"/> when the address gave one that is no number, or one the query did
    /// not show (<paramref name="asked"/> as bound, <paramref name="shown"/> the page the query clamped it to, of 1 to
    /// <paramref name="last"/>).
    /// </summary>
    internal void NamePage(ModelStateDictionary state, string field, long asked, long shown, long last)
    {
        var page = Text.T("address.page", shown);
        Unbound.Name(ByField, state, f => f == field ? page : null);
        if (!ByField.ContainsKey(field) && asked != shown)
        {
            Unbound.Name(ByField, Unbound.OutOfRange(field, asked, 1, last), page);
        }
    }

    /// <summary>The messages for the banner: every one but those of <paramref name="besideInputs"/>, shown beside their input.</summary>
    public IReadOnlyList<string> Banner(params IReadOnlyList<string> besideInputs) =>
        [.. ByField.Where(e => !besideInputs.Contains(e.Key)).Select(e => e.Value)];
}
