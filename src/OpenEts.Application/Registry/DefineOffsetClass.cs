using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>
/// Defines an offset class (programme + project + vintage) and the attributes compliance reads: project title,
/// category, host province, pre-CDM. Once per class, before any of it is issued: the regulator.
/// </summary>
public sealed record DefineOffsetClass(
    UnitClass Class, string Title, ProjectCategory Category, string HostProvince, bool PreCdm, IdempotencyKey Key) : IRegistryCommand
{
    /// <summary>The request as typed by a person: every field as text or a plain value, none trusted yet.</summary>
    public sealed record Form(string? Class, string? Title, string? Category, string? HostProvince, bool? PreCdm, string? IdempotencyKey);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => RegistryRoles.Regulator;

    /// <summary>Reads <paramref name="form"/>; on failure <paramref name="errors"/> names each bad field and its rule.</summary>
    public static bool TryParse(Form form, [NotNullWhen(true)] out DefineOffsetClass? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var unitClass = read.Class(form.Class);
        var category = read.Choice(form.Category, "category", Enum.GetValues<ProjectCategory>());
        var province = FieldReader.Text(form.HostProvince).ToUpperInvariant();
        var key = read.Key(form.IdempotencyKey);
        command = read.IsValid
            ? new DefineOffsetClass(unitClass, FieldReader.Text(form.Title), category, province, form.PreCdm ?? false, key)
            : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public RegistryOutcome Execute(RegistryLedger ledger, UserId actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.DefineOffsetClass(actor, now, Key, Class, Title, Category, HostProvince, PreCdm);
    }
}
