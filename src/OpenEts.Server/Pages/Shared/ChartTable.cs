namespace OpenEts.Server.Pages.Shared;

/// <summary>
/// A chart's figures as a table, under the chart in a closed <c>&lt;details&gt;</c> (<c>_ChartTable.cshtml</c>): what a
/// screen reader reads, and what a reader copies, for a chart that is otherwise only a picture. One row a category, one
/// column a series; a figure the chart leaves out (withheld or none) is "—".
/// </summary>
/// <param name="Id">The table's element id.</param>
/// <param name="Caption">What the chart shows, as its heading says.</param>
/// <param name="Category">The first column's heading: what the categories are (year, sector, behaviour).</param>
/// <param name="Spec">The chart's data.</param>
public sealed record ChartTable(string Id, string Caption, string Category, ChartSpec Spec);
