using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Hosting;

/// <summary>
/// The answers the framework writes itself (401, 403, 404, 405 …, with its English reason as the title and no detail)
/// in the request's language, like the use cases' problems: a title and a sentence saying what to do
/// (<c>problem.status.{code}</c> and <c>….detail</c>). A title a use case gave is kept.
/// </summary>
internal static class ProblemTitles
{
    public static void Customize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (problem.Status is not { } status || !Text.Has($"problem.status.{status}"))
        {
            return;
        }
        var framework = problem.Title is null
            || string.Equals(problem.Title, ReasonPhrases.GetReasonPhrase(status), StringComparison.OrdinalIgnoreCase);
        if (!framework)
        {
            return;
        }
        // Status pages and the exception handler run outside the request's culture: take it from the request again.
        if (context.HttpContext.Features.Get<IRequestCultureFeature>() is { } culture)
        {
            CultureInfo.CurrentCulture = culture.RequestCulture.Culture;
            CultureInfo.CurrentUICulture = culture.RequestCulture.UICulture;
        }
        problem.Title = Text.T($"problem.status.{status}");
        problem.Detail ??= Text.T($"problem.status.{status}.detail");
    }
}
