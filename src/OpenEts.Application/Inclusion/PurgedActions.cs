namespace OpenEts.Application.Inclusion;

/// <summary>What a purge did: actions of days before <paramref name="FirstKept"/> deleted, how many, and whether more remain.</summary>
public sealed record PurgedActions(DateOnly FirstKept, long Deleted, bool More);
