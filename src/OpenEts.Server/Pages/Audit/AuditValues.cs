using OpenEts.Application.Allocation;
using OpenEts.Application.Identity;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Mrv;
using OpenEts.Application.Offsets;
using OpenEts.Domain.DualControl.Cards;
using OpenEts.Domain.DualControl.Monitoring;
using OpenEts.Domain.DualControl.Targets;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;
using OpenEts.Matching;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Mrv;

namespace OpenEts.Server.Pages.Audit;

/// <summary>
/// The payload fields whose values are codes from a fixed set (a status, a grade, a side), each named in the reader's
/// language with the code beside it, as the pages already name them: <c>已提交 (Submitted)</c>. Free text and identifiers
/// are not listed and stay as written; a code with no name stays as written too.
/// </summary>
public static class AuditValues
{
    /// <summary>
    /// A named field: <paramref name="Field"/> in the entries whose kind starts with <paramref name="KindPrefix"/>, its
    /// codes named by the resource <paramref name="KeyPrefix"/> + code. <paramref name="Codes"/> are every code the
    /// platform writes there (null when the set is open, as jurisdictions are).
    /// </summary>
    public sealed record Named(string KindPrefix, string Field, string KeyPrefix, IReadOnlyList<string>? Codes);

    /// <summary>Every named field. The first that names a code wins, so a field may list several key prefixes.</summary>
    public static IReadOnlyList<Named> Fields { get; } =
    [
        new("registry.account.opened", "kind", "reg.kind.", Codes<AccountKind>()),
        new("registry.account.state-changed", "state", "reg.state.", Codes<AccountState>()),
        new("registry.offsets.class-defined", "category", "offsets.category.", Codes<ProjectCategory>()),
        new("offsets.project.", "category", "offsets.category.", Codes<ProjectCategory>()),
        new("", "jurisdiction", "alloc.jurisdiction.", null),
        new("", "jurisdiction", "jurisdiction.", null),
        new("allocation.circumstance.recorded", "kind", "alloc.circ.kind.", Codes<CircumstanceKind>()),
        new("mrv.report.returned", "from", "mrv.status.", Codes<ReportStatus>()),
        new("mrv.report.verifier-assigned", "conflictOfInterest", "mrv.conflict.", ["none"]),
        new("mrv.factors.published", "kind", "mrv.factors.kind.", Codes<FactorCorrectionKind>()),
        new("offsets.project.returned", "from", "offsets.status.", Codes<ProjectStatus>()),
        new("offsets.report.returned", "from", "offsets.reportstatus.", Codes<MonitoringStatus>()),
        new("offsets.document.attached", "kind", "offsets.document.", Codes<DocumentKind>()),
        new("energy.assessment.scored", "grade", "energy.grade.", Codes<Grade>()),
        new("energy.monitoring.meter.registered", "kind", "em.kind.", Codes<EnergyKind>()),
        new("energy.monitoring.meter.registered", "cadence", "em.cadence.", Codes<MeterCadence>()),
        new("energy.monitoring.fault.repaired", "state", "em.state.", Codes<FaultState>()),
        new("cards.", "colour", "cards.colour.", Codes<CardColour>()),
        new("cards.violation.recorded", "kind", "cards.kind.", Codes<ViolationKind>()),
        new("inclusion.sample.finding", "finding", "incl.sample.f.", Codes<SampleFinding>()),
        new("inclusion.sample.finding", "previous", "incl.sample.f.", Codes<SampleFinding>()),
        new("inclusion.partner.key-issued", "behaviours", "incl.b.", Behaviours.Codes),
        new("exchange.", "side", "exchange.", Codes<Side>()),
        new("exchange.order.placed", "type", "exchange.type.", Codes<OrderType>()),
        new("exchange.day.closed", "rule", "exchange.closingrule.", Codes<OpenEts.Domain.Exchange.MarketData.ClosingRule>()),
        new("exchange.auction.announced", "pricing", "exchange.auctions.pricing.", Codes<AuctionPricing>()),
        // Who suspended, reinstated or closed a trading account, or withdrew a client's transfer: the exchange or the member.
        new("exchange.account.", "by", "", ["exchange", "member"]),
        new("exchange.account.", "by", "cash.account.", null),
        new("exchange.client.transfer.withdrawn", "by", "", ["exchange", "member"]),
        new("exchange.client.transfer.withdrawn", "by", "cash.account.", null),
        // The outcomes of a batch of low-carbon actions, keyed by the rule that refused them, or counted.
        new("inclusion.actions.", "outcomes", "incl.q.r.", null),
        new("inclusion.actions.", "outcomes", "incl.status.", [QualityCount.Accepted]),
        // Roles, organisation kinds, sectors and coverage are named by their bare enum names, as the user and organisation pages do.
        new("", "role", "", [.. Roles.OfPeople.Select(Roles.Name)]),
        new("", "previousRole", "", [.. Roles.OfPeople.Select(Roles.Name)]),
        new("token.created", "scope", "token.scope.", [.. Enum.GetValues<TokenScope>().Select(TokenScopes.Name)]),
        new("entity.", "kind", "", Codes<OrganisationKind>()),
        new("entity.", "sector", "", Codes<Sector>()),
        new("entity.", "status", "", Codes<CoverageStatus>()),
    ];

    /// <summary>
    /// <paramref name="code"/> of <paramref name="field"/> in an entry of <paramref name="kind"/> as shown: its name with
    /// the code beside it, the name alone when it already shows the code (English names mostly are the code), the code
    /// alone when it has no name.
    /// </summary>
    /// <param name="programme">The carbon-inclusion programme the entry names (its code or version id), whose data names its
    /// catalogue items and causes; null when it names none.</param>
    public static string Show(string kind, string field, string code, string? programme = null) =>
        NameOf(kind, field, code, programme) is not { } name ? code
        : name.Contains(code, StringComparison.OrdinalIgnoreCase) ? name
        : $"{name} ({code})";

    /// <summary>
    /// <see cref="Show"/> when the code has a name (a listed code, a province, one of MRV's codes, a code of the programme data),
    /// else null.
    /// </summary>
    public static string? ShowNamed(string kind, string field, string code, string? programme = null) =>
        NameOf(kind, field, code, programme) is null ? null : Show(kind, field, code, programme);

    /// <summary>
    /// The fields that older entries wrote as an enum's number (an offset project's category among its details, before
    /// the offsets' payloads wrote codes by name): the number is named as its code would be.
    /// </summary>
    public static IReadOnlyList<(string KindPrefix, string Field, Type Enum)> Numbered { get; } =
    [
        ("offsets.project.", "category", typeof(ProjectCategory)),
    ];

    /// <summary><see cref="ShowNamed"/> for a number written in place of an enum's code (<see cref="Numbered"/>), else null.</summary>
    public static string? ShowNumbered(string kind, string field, decimal number)
    {
        ArgumentNullException.ThrowIfNull(kind);
        foreach (var (prefix, name, type) in Numbered)
        {
            if (name == field && kind.StartsWith(prefix, StringComparison.Ordinal) && decimal.IsInteger(number)
                && number is >= int.MinValue and <= int.MaxValue && Enum.GetName(type, (int)number) is { } code)
            {
                return ShowNamed(kind, field, code);
            }
        }
        return null;
    }

    /// <summary>The fields that hold a province code (an offset project's host province), named as the offsets pages name them.</summary>
    public static IReadOnlyList<string> ProvinceFields { get; } = ["province", "hostProvince"];

    private static string? ProvinceOf(string field, string code) =>
        ProvinceFields.Contains(field) && Province.IsCode(code) ? Province.NameOf(code) : null;

    // MRV's codes named as the MRV pages name them (from the domain's tables or MRV's resources): a report's or a
    // monitoring plan's emission sources and outputs by kind, their units, the fuels and carbonates by material, a
    // report's grid region, and what a published correction corrects (a grid region or a fuel).
    private static string? MrvCodeOf(string kind, string field, string code) =>
        !kind.StartsWith("mrv.", StringComparison.Ordinal) || code.Length == 0 || char.IsAsciiDigit(code[0]) ? null
        : field switch
        {
            "kind" when Enum.TryParse<SourceKind>(code, out var source) && Enum.IsDefined(source) => MrvText.Kind(source),
            "kind" when Enum.TryParse<OutputKind>(code, out var output) && Enum.IsDefined(output) => MrvText.Output(output),
            "unit" when Enum.TryParse<MeasureUnit>(code, out var unit) && Enum.IsDefined(unit) => MrvText.Unit(unit),
            "material" => MrvText.Material(code),
            "region" => MrvText.Region(code),
            "target" => MrvText.Target(code),
            _ => null,
        };

    /// <summary>
    /// The fields whose codes are named from the programme data rather than the resources, by their Chinese names there, as the
    /// inclusion and offsets pages name them: a carbon-inclusion entry's catalogue items and donation causes (in the entry's
    /// programme), an offsets monitoring report's forestry species.
    /// </summary>
    public static IReadOnlyList<(string KindPrefix, string Field)> DataFields { get; } =
    [
        ("inclusion.", "item"), ("inclusion.", "items"), ("inclusion.", "cause"), ("offsets.", "species"),
    ];

    private static string? DataOf(string kind, string field, string code, string? programme)
    {
        if (!DataFields.Any(d => d.Field == field && kind.StartsWith(d.KindPrefix, StringComparison.Ordinal)))
        {
            return null;
        }
        if (field == "species")
        {
            return ForestrySpecies.Find(code)?.Name;
        }
        // A programme is written by its code (merchants, vouchers) or its version's id (coins spent): the latest version of it
        // that lists the code names it. The server's programmes are the shipped ones.
        var versions = InclusionProgrammes.Shipped.All.Where(p => p.Code == programme || p.Id == programme).Reverse();
        return field == "cause"
            ? versions.Select(p => p.Cause(code)?.Name).FirstOrDefault(n => n is not null)
            : versions.Select(p => p.Item(code)?.Name).FirstOrDefault(n => n is not null);
    }

    /// <summary>The resource key that names <paramref name="code"/> of <paramref name="field"/> in <paramref name="kind"/>, or null.</summary>
    public static string? KeyOf(string kind, string field, string code)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length == 0)
        {
            return null;
        }
        foreach (var named in Fields)
        {
            if (named.Field != field || !kind.StartsWith(named.KindPrefix, StringComparison.Ordinal))
            {
                continue;
            }
            // Pages key a code as declared (Submitted), in lower case (closure) or in kebab case (read-write); registry
            // events write enum names in camel case (holding).
            foreach (var spelling in Spellings(code))
            {
                if (Text.Has(named.KeyPrefix + spelling))
                {
                    return named.KeyPrefix + spelling;
                }
            }
        }
        return null;
    }

    private static string? NameOf(string kind, string field, string code, string? programme) =>
        ProvinceOf(field, code) ?? (KeyOf(kind, field, code) is { } key ? Text.T(key) : null) ?? MrvCodeOf(kind, field, code)
        ?? DataOf(kind, field, code, programme);

    private static IEnumerable<string> Spellings(string code)
    {
        yield return code;
        yield return char.ToUpperInvariant(code[0]) + code[1..];
        yield return code.ToLowerInvariant();
    }

    private static string[] Codes<T>()
        where T : struct, Enum => Enum.GetNames<T>();
}
