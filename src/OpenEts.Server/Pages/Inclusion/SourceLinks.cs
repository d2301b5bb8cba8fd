using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace OpenEts.Server.Pages.Inclusion;

/// <summary>A source note as the programme pages show it: its text, each public address in it a link that opens the source.</summary>
public static partial class SourceLinks
{
    /// <summary>The note HTML-encoded, with every http(s) address in it a link (opened in a new tab, no referrer).</summary>
    public static IHtmlContent Of(string? note)
    {
        var html = new HtmlContentBuilder();
        if (string.IsNullOrEmpty(note))
        {
            return html;
        }
        var at = 0;
        foreach (Match url in Address().Matches(note))
        {
            html.Append(note[at..url.Index]);
            var href = HtmlEncoder.Default.Encode(url.Value);
            html.AppendHtml($"<a href=\"{href}\" class=\"source-link\" rel=\"noopener noreferrer external\" target=\"_blank\">{href}</a>");
            at = url.Index + url.Length;
        }
        html.Append(note[at..]);
        return html;
    }

    // An address ends before a space, a closing bracket or a full-width mark, and before a trailing full stop or comma.
    [GeneratedRegex(@"https?://[^\s()（）《》，。；、]+(?<![.,;:])")]
    private static partial Regex Address();
}
