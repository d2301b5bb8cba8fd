using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Organisations;

/// <summary>An organisation as the API and the journal show it.</summary>
public sealed record OrganisationView(string Code, string Name, string Kind, string Sector, string Region, string Status)
{
    public static OrganisationView From(Organisation o) =>
        new(o.Code.Value, o.Name, o.Kind.ToString(), o.Sector.ToString(), o.Region, o.Status.ToString());
}
