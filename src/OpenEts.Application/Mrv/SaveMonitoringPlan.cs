using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Mrv;

/// <summary>
/// Saves a company's monitoring plan (监测计划) for a year: each source with its method, meter and measurement frequency.
/// Its reports are then checked against it: a line whose source the plan does not list raises a warning that the
/// verifier must acknowledge. Only a representative of that company.
/// </summary>
public sealed record SaveMonitoringPlan(int Year, IReadOnlyList<PlanSource> Sources) : IMrvCommand
{
    public sealed record Form(int? Year, IReadOnlyList<PlanSourceForm>? Sources);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => MrvRoles.Company;

    public static bool TryParse(Form form, [NotNullWhen(true)] out SaveMonitoringPlan? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var year = read.ReportingYear(form.Year);
        var sources = new List<PlanSource>();
        if ((form.Sources?.Count ?? 0) > MrvFields.MaxItems)
        {
            read.Fail("sources", "Range", $"sources holds at most {MrvFields.MaxItems} items");
        }
        else
        {
            for (var i = 0; i < (form.Sources?.Count ?? 0); i++)
            {
                var f = form.Sources![i];
                var at = $"sources[{i}]";
                sources.Add(new PlanSource(read.Source(f.Kind, at + ".kind"), read.Text(f.Material, at + ".material", MrvFields.CodeLength),
                    read.Text(f.Method, at + ".method", MrvFields.ShortText), read.Text(f.Meter, at + ".meter", MrvFields.ShortText),
                    read.Text(f.Frequency, at + ".frequency", MrvFields.ShortText)));
            }
        }
        command = read.IsValid ? new SaveMonitoringPlan(year, sources) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<MrvDecision> DecideAsync(MrvWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (await work.OwnOrganisationAsync().ConfigureAwait(false) is not { Kind: OrganisationKind.Company } company)
        {
            return new MrvDecision.Refuse("NotACompany", "actor", "only a covered company's representative keeps a monitoring plan", RefusalKind.Forbidden);
        }
        // A plan naming a fuel or carbonate the library does not have would cover lines no report can compute.
        var library = MrvFactors.AtVersion(await work.Session.Mrv.ListFactorVersionsAsync().ConfigureAwait(false), null);
        var errors = new List<FieldError>();
        for (var i = 0; i < Sources.Count; i++)
        {
            if (library.MaterialsFor(Sources[i].Kind) is { } known
                && !known.Contains(Sources[i].Material, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(FieldError.Of($"sources[{i}].material", "UnknownMaterial",
                    $"{SourceKinds.Code(Sources[i].Kind)} '{Sources[i].Material}' is not in factor library {library.Version}: one of {string.Join(", ", known.Order(StringComparer.Ordinal))}"));
            }
        }
        if (errors.Count > 0)
        {
            return new MrvDecision.Fail(errors);
        }
        return new MrvDecision.Write("mrv.plan.saved", MrvWork.Subject(company, Year), new { year = Year, sources = Sources })
        {
            Plan = new MonitoringPlan(company.Id, Year, Sources, work.Now),
        };
    }
}
