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

    /// <summary>
    /// The type of an input that is a <paramref name="type"/> (<c>date</c>, <c>number</c>) while clean: a browser shows
    /// such an input empty when it cannot read its value, so with an error it is a text input, which shows it as typed.
    /// </summary>
    public static string Type(string? error, string type) => error is null ? type : "text";
}
