using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Application.Forms;
using OpenEts.Application.Offsets;
using OpenEts.Application.Registry;
using OpenEts.Domain.DualControl.Cards;
using OpenEts.Domain.DualControl.Monitoring;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Cards;

/// <summary>
/// An officer has the jurisdiction's rules propose cards straight from online monitoring: every meter that went over its
/// limit on some Beijing day of the period (an exceedance, read through <see cref="MonitoringQueries"/>) gets one
/// violation per calendar month, with the exceeding days as evidence: observed on the first exceeding day, the highest
/// day's figure measured against the limit. A pollutant concentration meter's days (the day's mean above the
/// concentration limit) are recorded as 超标排放 (<see cref="ViolationKind.ConcentrationExceedance"/>); a load or energy
/// meter's (the day's sum above the permitted daily use) as 超总量 (<see cref="ViolationKind.TotalLoadExceedance"/>). The
/// rules then propose a card as for a typed violation. A meter and month already proposed is skipped, so rerunning
/// proposes nothing twice. Treating energy use above a meter's permitted daily use as 超总量, and judging a
/// concentration by the day's mean, are the platform's readings, not published rules [UNCONFIRMED].
/// </summary>
public sealed record ProposeFromMonitoring(string Jurisdiction, DateOnly? From, DateOnly? To, string? Region) : ICardsCommand
{
    public sealed record Form(string? Jurisdiction, string? From = null, string? To = null, string? Region = null);

    /// <summary>The default period: the 30 Beijing days up to today.</summary>
    public const int DefaultDays = 30;

    /// <summary>The longest period read at once, days.</summary>
    public const int MaxDays = 366;

    /// <summary>The violation kind a meter's exceedance is recorded as: 超标 for a concentration, else 超总量 [UNCONFIRMED for energy].</summary>
    public static ViolationKind KindFor(MeterPoint meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        return meter.Kind.IsJudgedByMean() ? ViolationKind.ConcentrationExceedance : ViolationKind.TotalLoadExceedance;
    }

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => CardsRoles.Officers;

    public static bool TryParse(Form form, CardRuleSets rules, [NotNullWhen(true)] out ProposeFromMonitoring? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(rules);
        var read = new FieldReader();
        var jurisdiction = rules.Codes.FirstOrDefault(c => string.Equals(c, FieldReader.Text(form.Jurisdiction), StringComparison.OrdinalIgnoreCase));
        if (jurisdiction is null)
        {
            read.Fail("jurisdiction", "UnknownValue", $"jurisdiction is one of: {string.Join(", ", rules.Codes)}", FieldReader.Text(form.Jurisdiction), rules.Codes);
        }
        var (from, to) = read.Period(form.From, form.To, MaxDays);
        if (jurisdiction is not null && from is { } first)
        {
            rules.RequireInForce(read, jurisdiction, first, $"{first:yyyy-MM-dd}", "from");
        }
        var region = FieldReader.Text(form.Region);
        if (region.Length > 64)
        {
            read.TooLong("region", 64, region.Length);
        }
        command = read.IsValid ? new ProposeFromMonitoring(jurisdiction!, from, to, region.Length == 0 ? null : region) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<CardsCommandOutcome> ExecuteAsync(CardsWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var to = To ?? work.Today;
        if (to > work.Today)
        {
            return new CardsCommandOutcome.Refused("FutureDate", "to", $"{to:yyyy-MM-dd} is after today", RefusalKind.Malformed);
        }
        var from = From ?? to.AddDays(1 - DefaultDays);
        var taken = (await work.Session.EnergyCards.MonitoringSourcesAsync().ConfigureAwait(false)).ToHashSet();
        var exceedances = await MonitoringQueries.ExceedancesAsync(work.Session, from, to).ConfigureAwait(false);
        var proposed = new List<RecordedViolation>();
        var skipped = 0;
        foreach (var month in exceedances.Where(e => Region is null || string.Equals(e.Unit.Region, Region, StringComparison.OrdinalIgnoreCase))
            .GroupBy(e => (e.Meter.Id, Month: MonitoringFields.MonthKey(e.Day))))
        {
            var days = month.OrderBy(d => d.Day).ToList();
            if (taken.Contains(month.Key) || work.Rules.InForce(Jurisdiction, days[0].Day) is not { } rules)
            {
                skipped++;
                continue;
            }
            var (unit, meter, limit) = (days[0].Unit, days[0].Meter, days[0].Limit);
            var org = await work.Session.Organisations.FindByIdAsync(unit.OrganisationId).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"monitored unit {unit.Id} names organisation {unit.OrganisationId}, which is missing");
            var parameter = meter.Pollutant is { } pollutant
                ? $"{pollutant} {meter.Code} / {(meter.Kind.IsJudgedByMean() ? "日均值" : "日")}"
                : $"{meter.Code} {meter.Kind} / 日";
            var recorded = await RecordViolation.RecordAsync(work, org, rules, KindFor(meter), days[0].Day, parameter,
                days.Max(d => d.Measured), limit.DailyLimitMilli / 1000m, meter.Unit, null, Evidence(meter, limit, days),
                new { monitoring = meter.Code, month = month.Key.Month, days = days.Count }).ConfigureAwait(false);
            await work.Session.EnergyCards.InsertMonitoringSourceAsync(meter.Id, month.Key.Month, recorded.Violation.Id).ConfigureAwait(false);
            proposed.Add(recorded);
        }
        return new CardsCommandOutcome.Completed(new MonitoringProposals(from, to, proposed, skipped));
    }

    /// <summary>
    /// The readings as evidence, in Chinese as the case file it joins (在线监测…): the limit and its basis, then each
    /// exceeding day's figure (its sum, or for a concentration its mean) and how many readings it comes from.
    /// </summary>
    private static string Evidence(MeterPoint meter, MeterLimit limit, List<ExceedingDay> days)
    {
        var (limitText, figure) = meter.Kind.IsJudgedByMean() ? ("日均值", "均值，") : ("日用量", "");
        var text = string.Create(CultureInfo.InvariantCulture,
            $"在线监测，计量点 {meter.Code}（{meter.Name}{(meter.Pollutant is { } p ? "，" + p : "")}），许可{limitText} {limit.DailyLimitMilli / 1000m:0.000} {meter.Unit}（{limit.Basis}）；超限 {days.Count} 天：")
            + string.Join("；", days.Select(d => string.Create(CultureInfo.InvariantCulture,
                $"{d.Day:yyyy-MM-dd} {d.Measured:0.000} {meter.Unit}（{figure}{d.Received} 个读数）")));
        return text.Length <= OffsetsFields.LongText ? text : string.Concat(text.AsSpan(0, OffsetsFields.LongText - 1), "…");
    }
}
