namespace OpenEts.Server.Pages.Exchange;

/// <summary>
/// The note under a member's list that stops at its newest <see cref="Application.Exchange.ExchangeQueries.ListLimit"/>
/// rows (what still waits for the member is listed whatever its age): it says so and links the member's daily report,
/// which lists every trade of a day (<c>_ListLimited.cshtml</c>).
/// </summary>
/// <param name="Shown">The rows the list holds.</param>
/// <param name="Id">The note's element id.</param>
/// <param name="Text">The note's text key, with the limit as {0}.</param>
/// <param name="Client">The client account viewed, whose report is linked; null for the organisation's own.</param>
public sealed record ListLimited(int Shown, string Id, string Text, long? Client)
{
    /// <summary>Whether the list holds its limit, so that older rows may be left out.</summary>
    public bool Limited => Application.Exchange.ExchangeQueries.MayLeaveOut(Shown);
}
