namespace OpenEts.Server.Pages.Shared;

/// <summary>
/// An input of a filter form whose value comes from the address (<c>?from=…</c>, <c>?year=…</c>), as <c>_FilterInput</c>
/// shows it: the text as typed, and its error beside it, marked as <see cref="FieldMark"/> says (with an error, a text
/// input whatever its <see cref="Type"/>, so that the text shows as typed).
/// </summary>
/// <param name="Id">The input's id; its error's is <c>{Id}-error</c>.</param>
/// <param name="Name">The address parameter.</param>
/// <param name="Label">The label, in the page's language.</param>
/// <param name="Value">The text shown: as typed.</param>
/// <param name="Error">The error beside the input, or null.</param>
/// <param name="Type">The input's type while it has no error (<c>date</c>, <c>number</c>).</param>
public sealed record FilterInput(string Id, string Name, string Label, string? Value, string? Error, string Type = "text");
