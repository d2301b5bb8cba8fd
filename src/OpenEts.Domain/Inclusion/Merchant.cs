namespace OpenEts.Domain.Inclusion;

/// <summary>
/// A merchant (商户) that accepts a programme's 碳币 for catalogue items: an organisation on the register, listed by the
/// regulator for one programme with the items it honours. Its representatives confirm citizens' redemption codes.
/// </summary>
/// <param name="Id">Storage id, 0 before it is saved.</param>
/// <param name="Programme">The programme's code, e.g. <c>fuzhou-lvbao</c>.</param>
/// <param name="OrganisationId">The organisation whose representatives act for the merchant.</param>
/// <param name="Name">The merchant's shop name (Chinese), 1–100 characters.</param>
/// <param name="Items">The catalogue item codes it honours; empty means every item of the programme.</param>
public sealed record Merchant(long Id, string Programme, long OrganisationId, string Name, IReadOnlyList<string> Items)
{
    /// <summary>True when the merchant honours <paramref name="item"/> of <paramref name="programme"/>.</summary>
    public bool Accepts(string programme, string item) =>
        string.Equals(programme, Programme, StringComparison.Ordinal)
        && (Items.Count == 0 || Items.Contains(item, StringComparer.OrdinalIgnoreCase));
}
