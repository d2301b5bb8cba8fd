using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Domain.Allocation;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Allocation;

/// <summary>
/// The regulator runs pre-allocation (预分配) of a year under the approved plan: each covered entity's free
/// pre-allocation is issued to its holding account through the registry's <c>AllocateUnits</c>. Run again, it issues
/// nothing twice: entities already pre-allocated are skipped (and the registry's idempotency keys hold the same line).
/// </summary>
public sealed record RunPreAllocation(string Jurisdiction, int Year) : IAllocationRun
{
    /// <summary>The request as typed.</summary>
    public sealed record Form(string? Jurisdiction, int? Year);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => AllocationRoles.Regulator;

    /// <inheritdoc/>
    public AllocationStage Stage => AllocationStage.Pre;

    /// <summary>Reads <paramref name="form"/>; on failure <paramref name="errors"/> names each bad field and its rule.</summary>
    public static bool TryParse(Form form, [NotNullWhen(true)] out RunPreAllocation? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var jurisdiction = AllocationFields.Jurisdiction(read, form.Jurisdiction);
        var year = read.Year(form.Year, "year");
        command = read.IsValid ? new RunPreAllocation(jurisdiction, year) : null;
        errors = read.Errors;
        return command is not null;
    }
}
