using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Organisations;
using OpenEts.Domain.Organisations;

namespace OpenEts.Server.Api;

/// <summary>problem+json bodies that name the field (or row and column) and the rule.</summary>
internal static class Problems
{
    public static ValidationProblem Fields(IReadOnlyList<FieldError> errors, string title = "The request has invalid fields") =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: title,
            extensions: new Dictionary<string, object?>
            {
                ["rules"] = errors.Select(e => new { field = e.Field, rule = e.Rule, message = e.Message }).ToList(),
            });

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
