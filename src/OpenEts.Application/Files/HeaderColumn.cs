namespace OpenEts.Application.Files;

/// <summary>A column a sheet reader looks for: its field, the header names it goes by, and whether it must be there.</summary>
/// <param name="Names">Accepted headers, the Chinese one first and an English one last (for messages).</param>
public sealed record HeaderColumn(string Field, IReadOnlyList<string> Names, bool Required = true);
