using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Domain.Allocation;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Allocation;

/// <summary>
/// The regulator runs the true-up (多退少补) of a year under the approved plan, once the year's emission reports are
/// approved: each entity's final allocation is computed from its approved actual output; the difference to its
/// pre-allocation is issued (<c>AllocateUnits</c>) or withdrawn to the issuance account (<c>CorrectUnits</c>, with the
/// reason journalled). Entities without an approved report are left for a later run; entities done are not moved again.
/// </summary>
public sealed record RunTrueUp(string Jurisdiction, int Year) : IAllocationRun
{
    /// <summary>The request as typed.</summary>
    public sealed record Form(string? Jurisdiction, int? Year);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => AllocationRoles.Regulator;

    /// <inheritdoc/>
    public AllocationStage Stage => AllocationStage.Final;

    /// <summary>Reads <paramref name="form"/>; on failure <paramref name="errors"/> names each bad field and its rule.</summary>
    public static bool TryParse(Form form, [NotNullWhen(true)] out RunTrueUp? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var jurisdiction = AllocationFields.Jurisdiction(read, form.Jurisdiction);
        var year = read.Year(form.Year, "year");
        command = read.IsValid ? new RunTrueUp(jurisdiction, year) : null;
        errors = read.Errors;
        return command is not null;
    }
}
