namespace OpenEts.Server.Pages.Shared;

/// <summary>
/// How a form field with an error is marked, as the registry pages do: <c>class="invalid"</c>, <c>aria-invalid="true"</c>
/// and <c>aria-describedby</c> naming its <c>field-error</c> span (<c>{id}-error</c>). Each answers null for a clean field,
/// and Razor leaves out an attribute whose value is null.
/// </summary>
public static class FieldMark
{
    public static string? Class(string? error) => error is null ? null : "invalid";

    public static string? Invalid(string? error) => error is null ? null : "true";

    public static string? DescribedBy(string? error, string id) => error is null ? null : id + "-error";
}
