using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Organisations;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Api;

/// <summary>problem+json bodies that name the field (or row and column) and the rule.</summary>
internal static class Problems
{
    /// <summary>
    /// A refusal written by a middleware before any endpoint runs: <paramref name="status"/>, the rule's own text as the
    /// detail, <c>field</c> and <c>rule</c> as every refusal carries them.
    /// </summary>
    public static Task WriteRefusalAsync(HttpContext context, int status, string titleKey, string field, string rule) =>
        TypedResults.Problem(Text.T("rule." + rule), statusCode: status, title: Text.T(titleKey),
                extensions: new Dictionary<string, object?> { ["field"] = field, ["rule"] = rule })
            .ExecuteAsync(context);

    /// <summary>
    /// 400 with <c>errors</c> (messages by field) and <c>rules</c> (field, rule, message each); <c>field</c> and
    /// <c>rule</c> name the first, as a refusal's do. <paramref name="describe"/> words a message where the endpoint knows
    /// the field better than the resources (a plan edit's figure in the plan's words).
    /// </summary>
    public static ValidationProblem Fields(IReadOnlyList<FieldError> errors, string? title = null, Func<FieldError, string>? describe = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        // Messages and title in the request's language (Accept-Language); field and rule stay language-neutral.
        errors = [.. errors.Select(e => e with { Message = describe?.Invoke(e) ?? RuleText.Field(e) })];
        title ??= Text.T("problem.invalid");
        var extensions = new Dictionary<string, object?>
        {
            ["rules"] = errors.Select(e => new { field = e.Field, rule = e.Rule, message = e.Message }).ToList(),
        };
        if (errors.Count > 0)
        {
            extensions["field"] = errors[0].Field;
            extensions["rule"] = errors[0].Rule;
        }
        return TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: title, extensions: extensions);
    }

    /// <summary>
    /// 404 for a value in the address that names nothing there (an instrument that is not listed): the message, naming
    /// the value as typed, as the detail; <c>field</c> and <c>rule</c> as every refusal carries them.
    /// </summary>
    public static ProblemHttpResult NotFound(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return TypedResults.Problem(RuleText.Field(error), statusCode: StatusCodes.Status404NotFound, title: Text.T("problem.status.404"),
            extensions: new Dictionary<string, object?> { ["field"] = error.Field, ["rule"] = error.Rule });
    }

    public static ValidationProblem Rows(IReadOnlyList<RowError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors = [.. errors.Select(e => e with { Message = RuleText.Row(e) })];
        return TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Row == 0 ? "file" : $"row {e.Row}" + (e.Column.Length > 0 ? $" column {e.Column}" : ""))
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: Text.T("problem.import"),
            extensions: new Dictionary<string, object?>
            {
                ["rows"] = errors.Select(e => new { row = e.Row, column = e.Column, field = e.Field, rule = e.Rule, message = e.Message }).ToList(),
            });
    }
}
