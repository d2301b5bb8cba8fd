using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// One line of a programme's monthly top list: the rank, the nickname the citizen chose and still stands behind (their
/// consent in force and not erased; null otherwise: shown as anonymous), the reduction, and whether it is the reader's own.
/// </summary>
public sealed record RankEntry(long Rank, string? Nickname, CarbonGrams Reduction, bool Own);
