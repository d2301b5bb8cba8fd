namespace OpenEts.Application.Registry;

/// <summary>One page of a public list, newest first.</summary>
/// <param name="Rows">The rows of this page (at most <see cref="RegistryQueries.PublicPageSize"/>).</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageCount">How many pages the list has (at least 1, even when empty).</param>
/// <param name="Total">How many rows the whole list has.</param>
public sealed record PublicPage<T>(IReadOnlyList<T> Rows, int Page, int PageCount, long Total);
