using OpenEts.Domain.Identity;
using OpenEts.Domain.Offsets;

namespace OpenEts.Application.Offsets;

/// <summary>Who may ask offsets for what, by role; each command then checks the programme's role for the step and the project's owner.</summary>
public static class OffsetsRoles
{
    /// <summary>File projects and monitoring reports of their own organisation.</summary>
    public static IReadOnlyList<Role> Owner { get; } = [Role.CompanyRepresentative];

    /// <summary>Validate projects and verify monitoring reports: the programmes' validator roles.</summary>
    public static IReadOnlyList<Role> Validators { get; } = [.. Programmes.All.Select(p => p.Validator).Distinct()];

    /// <summary>Register projects and issue credits: the programmes' registrar roles.</summary>
    public static IReadOnlyList<Role> Registrars { get; } = [.. Programmes.All.Select(p => p.Registrar).Distinct()];

    /// <summary>Return with comments: whoever holds the project or report at its step (checked per programme).</summary>
    public static IReadOnlyList<Role> Holders { get; } = [.. Validators.Concat(Registrars).Distinct()];

    /// <summary>Attach documents: the owner (project design, monitoring), the validator (opinions, evidence), the registrar.</summary>
    public static IReadOnlyList<Role> Attachers { get; } = [.. Owner.Concat(Holders).Distinct()];

    /// <summary>The role that acts next on a project at <paramref name="status"/> in <paramref name="programme"/> (and may return it).</summary>
    public static Role? HolderOf(Programme programme, ProjectStatus status)
    {
        ArgumentNullException.ThrowIfNull(programme);
        return status switch
        {
            ProjectStatus.Submitted => programme.Validator,
            ProjectStatus.Validated => programme.Registrar,
            ProjectStatus.Returned => Role.CompanyRepresentative,
            _ => null,
        };
    }

    /// <summary>The role that acts next on a monitoring report at <paramref name="status"/>.</summary>
    public static Role? HolderOf(Programme programme, MonitoringStatus status)
    {
        ArgumentNullException.ThrowIfNull(programme);
        return status switch
        {
            MonitoringStatus.Submitted => programme.Validator,
            MonitoringStatus.Verified => programme.Registrar,
            MonitoringStatus.Returned => Role.CompanyRepresentative,
            _ => null,
        };
    }
}
