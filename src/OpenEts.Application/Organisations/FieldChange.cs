namespace OpenEts.Application.Organisations;

/// <summary>One field of a change: its value before (null: it had none, e.g. on creation) and after.</summary>
/// <param name="Field">The field's name, camelCase (<c>name</c>, <c>sector</c>, …).</param>
public sealed record FieldChange(string Field, string? Before, string? After);
