using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Organisations;
using OpenEts.Domain.Organisations;

namespace OpenEts.Server.Api;

/// <summary>problem+json bodies that name the field (or row and column) and the rule.</summary>
internal static class Problems
{
    /// <summary>
    /// 400 with <c>errors</c> (messages by field) and <c>rules</c> (field, rule, message each); <c>field</c> and
    /// <c>rule</c> name the first, as a refusal's do.
    /// </summary>
    public static ValidationProblem Fields(IReadOnlyList<FieldError> errors, string title = "The request has invalid fields")
    {
        ArgumentNullException.ThrowIfNull(errors);
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

    public static ValidationProblem Rows(IReadOnlyList<RowError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Row == 0 ? "file" : $"row {e.Row}" + (e.Column.Length > 0 ? $" column {e.Column}" : ""))
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "The file has errors; nothing was imported",
            extensions: new Dictionary<string, object?>
            {
                ["rows"] = errors.Select(e => new { row = e.Row, column = e.Column, field = e.Field, rule = e.Rule, message = e.Message }).ToList(),
            });
}
