using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Organisations;

/// <summary>An organisation as the API and the journal show it.</summary>
/// <param name="Jurisdiction">The market's code (<c>GD</c>, <c>CN</c>), null for none.</param>
public sealed record OrganisationView(string Code, string Name, string Kind, string Sector, string Region, string Status,
    string? Jurisdiction)
{
    public static OrganisationView From(Organisation o) =>
        new(o.Code.Value, o.Name, o.Kind.ToString(), o.Sector.ToString(), o.Region, o.Status.ToString(), o.Jurisdiction?.Code);
}
