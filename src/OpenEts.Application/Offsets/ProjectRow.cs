namespace OpenEts.Application.Offsets;

/// <summary>A project as the list shows it: the project, its owner's name and the credits issued so far (owner + buffer).</summary>
public sealed record ProjectRow(OffsetProject Project, string OwnerName, long Issued);
