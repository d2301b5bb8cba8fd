namespace OpenEts.Server.Pages.Registry;

/// <summary>
/// One form on a registry page: its name (the prefix of its error keys, e.g. <c>surrender</c>) and the command's
/// fields it shows an error next to (e.g. <c>quantity</c>); an error for any other field is the form's general message.
/// </summary>
public sealed record RegistryForm(string Name, params IReadOnlyList<string> Fields);
