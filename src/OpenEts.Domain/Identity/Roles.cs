namespace OpenEts.Domain.Identity;

/// <summary>Role names as written in claims, tokens and files, and the rules about them.</summary>
public static class Roles
{
    /// <summary>The claim text of a role: its enum name.</summary>
    public static string Name(Role role) => role.ToString();

    /// <summary>The roles a person (a user) can hold: every role but <see cref="Role.DataPartner"/>.</summary>
    public static IReadOnlyList<Role> OfPeople { get; } = [.. Enum.GetValues<Role>().Where(r => r != Role.DataPartner)];

    /// <summary>Parses a person's role name (case-insensitive); a data partner's role is never read from text.</summary>
    public static bool TryParse(string? text, out Role role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role) && role != Role.DataPartner;

    /// <summary>True when the role may change state somewhere; the auditor reads only.</summary>
    public static bool CanWrite(Role role) => role != Role.Auditor;

    /// <summary>True when the role reads the audit log: the regulator and the auditor.</summary>
    public static bool ReadsAuditLog(Role role) => role is Role.Regulator or Role.Auditor;

    /// <summary>True when the role manages the covered-entity list: the regulator only.</summary>
    public static bool ManagesEntityList(Role role) => role == Role.Regulator;

    /// <summary>True when the role belongs to an organisation (everyone but citizens and data partners).</summary>
    public static bool BelongsToOrganisation(Role role) => role is not (Role.Citizen or Role.DataPartner);
}
