using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace OpenEts.Server.Pages.Shared;

/// <summary>
/// Prose in a table cell (a card's trigger, a rule's source, a meter's standard) with its codes, dates and figures kept on
/// one line: a browser may break after any '-' or '/', so "GB 13223-2011" or "2026-12-02" would split at a narrow width.
/// </summary>
public static partial class KeepWhole
{
    /// <summary>
    /// <paramref name="text"/> HTML-encoded, each code (letters and digits joined by '-', '/', '.' or ':'), date, and figure
    /// with its unit ("−3.5 %", "24 readings", "5 USD") in a <c>nowrap</c> span; the rest breaks as prose.
    /// </summary>
    public static IHtmlContent Codes(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return HtmlString.Empty;
        }
        var html = new System.Text.StringBuilder();
        var at = 0;
        foreach (Match m in Token().Matches(text))
        {
            html.Append(WebUtility.HtmlEncode(text[at..m.Index]));
            html.Append("<span class=\"nowrap\">").Append(WebUtility.HtmlEncode(m.Value)).Append("</span>");
            at = m.Index + m.Length;
        }
        html.Append(WebUtility.HtmlEncode(text[at..]));
        return new HtmlString(html.ToString());
    }

    [GeneratedRegex(@"[A-Za-z0-9]+(?:[-/.:][A-Za-z0-9]+)+|[−+-]?\d[\d,.]*(?:\s?%|\s[A-Za-z]+)?")]
    private static partial Regex Token();
}
