using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.DualControl.Targets;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>
/// The regulator designates a key energy user: an organisation of the covered-entity list (by its 统一社会信用代码), or a
/// unit added beside the list (no organisation). Designating a code again updates its name, city and organisation.
/// </summary>
public sealed record DesignateKeyUser(UnitCode Code, string Name, UnitCode City, CreditCode? Organisation) : IEnergyTargetsCommand
{
    public sealed record Form(string? Code, string? Name, string? City, string? Organisation);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => EnergyTargetsRoles.Regulators;

    public static bool TryParse(Form form, [NotNullWhen(true)] out DesignateKeyUser? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var code = read.UnitCode(form.Code, "code");
        var city = read.UnitCode(form.City, "city");
        var name = FieldReader.Text(form.Name);
        if (name.Length is 0 or > 100)
        {
            read.Fail("name", "Required", "name: 1–100 characters");
        }
        CreditCode? organisation = null;
        if (!string.IsNullOrWhiteSpace(form.Organisation))
        {
            var parsed = CreditCode.Parse(form.Organisation);
            if (parsed.Success)
            {
                organisation = parsed.Code;
            }
            else
            {
                read.Fail("organisation", "CreditCode", $"organisation: {parsed.Message}");
            }
        }
        command = read.IsValid ? new DesignateKeyUser(code, name, city, organisation) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<EnergyTargetsOutcome> ExecuteAsync(EnergyTargetsWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        long? organisationId = null;
        if (Organisation is { } credit)
        {
            if (await work.Session.Organisations.FindByCodeAsync(credit).ConfigureAwait(false) is not { } found)
            {
                return new EnergyTargetsOutcome.Refused("UnknownOrganisation", "organisation",
                    $"{credit.Value} is not on the covered-entity list; leave it blank to add a key user beside the list", RefusalKind.Conflict);
            }
            organisationId = found.Id;
        }
        var user = new KeyEnergyUser(Code, Name, City, organisationId, work.Now, work.Actor.UserName);
        await work.Data.SaveKeyUserAsync(user).ConfigureAwait(false);
        await work.JournalAsync("key-user.designated", Code.Value, new
        {
            code = Code.Value,
            name = Name,
            city = City.Value,
            organisation = Organisation?.Value,
            added = user.Added,
        }).ConfigureAwait(false);
        return new EnergyTargetsOutcome.Completed(user);
    }
}
