namespace OpenEts.Server.Pages.Registry;

/// <summary>One registry event touching an account, flattened for the history table and the exports.</summary>
/// <param name="Sequence">The journal sequence number.</param>
/// <param name="Kind">The event's journal kind, e.g. <c>registry.transfer.executed</c>.</param>
/// <param name="Blocks">Serial blocks moved, as <c>first-last</c>, space-separated; empty when none moved.</param>
public sealed record HistoryRow(
    long Sequence, DateTimeOffset At, string Actor, string Kind, string? Class, string? From, string? To, long? Quantity,
    string Blocks, long? Proposal);
