namespace OpenEts.Application.Registry;

/// <summary>One page of an account's history, newest first (<see cref="RegistryQueries.AccountViewAsync"/>).</summary>
/// <param name="Kinds">The event kinds the whole history holds, to filter by.</param>
/// <param name="Classes">The unit classes the whole history names, to filter by.</param>
/// <param name="Kind">The kind filter applied; null when none (none asked, or one the history does not hold).</param>
/// <param name="Class">The class filter applied; null when none (none asked, or one the history does not name).</param>
/// <param name="Total">The events passing the filters applied.</param>
/// <param name="Page">The page shown, from 1: the page asked, or the nearest that exists.</param>
/// <param name="LastPage">The last page (1 for an empty history).</param>
/// <param name="Rows">The events of the page shown, newest first.</param>
public sealed record AccountHistoryPage(
    IReadOnlyList<string> Kinds, IReadOnlyList<string> Classes, string? Kind, string? Class, int Total, int Page, int LastPage,
    IReadOnlyList<RegistryHistoryRow> Rows);
