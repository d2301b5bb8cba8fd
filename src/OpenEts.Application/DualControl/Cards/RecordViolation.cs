using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Cash;
using OpenEts.Application.Forms;
using OpenEts.Application.Offsets;
using OpenEts.Application.Registry;
using OpenEts.Domain.DualControl.Cards;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Cards;

/// <summary>
/// An officer records a violation with its evidence (for an exceedance: the parameter, measured value and limit; for a
/// fined violation: the fine). The jurisdiction's rules in force on the day observed propose a card, which waits for an
/// officer's confirmation (<see cref="DecideCard"/>). A day before the jurisdiction's first rules is refused
/// (<c>NoCardRules</c>): a later version is not applied to it.
/// </summary>
public sealed record RecordViolation(CreditCode Organisation, string Jurisdiction, ViolationKind Kind, DateOnly ObservedOn, string? Parameter,
    decimal? Measured, decimal? Limit, string? Unit, decimal? FineYuan, string Evidence) : ICardsCommand
{
    public sealed record Form(string? Organisation, string? Jurisdiction, string? Kind, string? ObservedOn, string? Parameter, decimal? Measured,
        decimal? Limit, string? Unit, decimal? FineYuan, string? Evidence);

    /// <summary>The largest measured value or limit accepted.</summary>
    public const decimal MaxValue = 1_000_000_000m;

    /// <summary>The largest fine accepted, yuan.</summary>
    public const decimal MaxFineYuan = 100_000_000m;

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => CardsRoles.Officers;

    public static bool TryParse(Form form, CardRuleSets rules, [NotNullWhen(true)] out RecordViolation? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(rules);
        var read = new FieldReader();
        var organisation = read.Organisation(form.Organisation);
        var jurisdiction = rules.Codes.FirstOrDefault(c => string.Equals(c, FieldReader.Text(form.Jurisdiction), StringComparison.OrdinalIgnoreCase));
        if (jurisdiction is null)
        {
            read.Fail("jurisdiction", "UnknownValue", $"jurisdiction is one of: {string.Join(", ", rules.Codes)}", FieldReader.Text(form.Jurisdiction), rules.Codes);
        }
        var kind = read.Choice(form.Kind, "kind", Enum.GetValues<ViolationKind>());
        var bad = read.Errors.Count;
        var observed = read.Date(form.ObservedOn, "observedOn");
        if (jurisdiction is not null && read.Errors.Count == bad)
        {
            rules.RequireInForce(read, jurisdiction, observed, $"{observed:yyyy-MM-dd}", "observedOn");
        }
        var evidence = read.Words(form.Evidence, "evidence", OffsetsFields.LongText);
        string? parameter = null, unit = null;
        decimal? measured = null, limit = null;
        if (kind is ViolationKind.ConcentrationExceedance or ViolationKind.TotalLoadExceedance)
        {
            parameter = read.Words(form.Parameter, "parameter", OffsetsFields.ShortText);
            unit = read.Words(form.Unit, "unit", 40);
            measured = read.Number(form.Measured, "measured", 0m, MaxValue);
            limit = read.Number(form.Limit, "limit", 0.000001m, MaxValue);
            if (read.IsValid && measured <= limit)
            {
                read.Fail("measured", "NotExceeded", $"measured ({measured}) must exceed the limit ({limit}) for an exceedance");
            }
        }
        var fine = form.FineYuan is null ? (decimal?)null : read.Number(form.FineYuan, "fineYuan", 0m, MaxFineYuan);
        command = read.IsValid
            ? new RecordViolation(organisation, jurisdiction!, kind, observed, parameter, measured, limit, unit, fine, evidence)
            : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<CardsCommandOutcome> ExecuteAsync(CardsWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (await work.Session.Organisations.FindByCodeAsync(Organisation).ConfigureAwait(false) is not { } org)
        {
            return new CardsCommandOutcome.Refused("UnknownOrganisation", "organisation", $"{Organisation.Value} is not on the register", RefusalKind.Conflict);
        }
        if (ObservedOn > work.Today)
        {
            return new CardsCommandOutcome.Refused("FutureDate", "observedOn", $"{ObservedOn:yyyy-MM-dd} is after today", RefusalKind.Malformed);
        }
        var rules = work.Rules.InForce(Jurisdiction, ObservedOn)
            ?? throw new InvalidOperationException($"{Jurisdiction} has no card rules in force on {ObservedOn:yyyy-MM-dd}; TryParse refuses such a day");
        return new CardsCommandOutcome.Completed(await RecordAsync(work, org, rules, Kind, ObservedOn, Parameter, Measured, Limit, Unit, FineYuan,
            Evidence, null).ConfigureAwait(false));
    }

    /// <summary>
    /// Records a violation under <paramref name="rules"/>, proposes the card they give, and journals both; <paramref name="source"/>
    /// says where the violation was found when it was not typed by an officer (online monitoring).
    /// </summary>
    internal static async Task<RecordedViolation> RecordAsync(CardsWork work, Organisation org, CardRules rules, ViolationKind kind, DateOnly observedOn,
        string? parameter, decimal? measured, decimal? limit, string? unit, decimal? fineYuan, string evidence, object? source)
    {
        var serious = measured is { } m && limit is { } l && rules.IsSerious(m, l);
        var violation = await work.Session.EnergyCards.InsertViolationAsync(new ViolationRecord(0, org.Id, org.Code.Value, org.Name, rules.Id, kind,
            observedOn, parameter, measured, limit, unit, fineYuan, serious, evidence, work.Now, work.Actor.UserName)).ConfigureAwait(false);
        CardRecord? card = null;
        if (rules.Propose(kind, fineYuan) is { } proposal)
        {
            card = await work.Session.EnergyCards.InsertCardAsync(new CardRecord(0, violation.Id, org.Id, org.Code.Value, org.Name, rules.Id,
                proposal.Colour, CardStatus.Proposed, proposal.Trigger.Source, work.Now, null, null, null, null, null, null, null, null)).ConfigureAwait(false);
        }
        await work.JournalAsync("violation.recorded", org.Code.Value, new
        {
            violation = violation.Id,
            rules = rules.Id,
            kind = kind.ToString(),
            observedOn,
            parameter,
            measured,
            limit,
            unit,
            fineYuan,
            serious,
            evidence,
            proposed = card is null ? null : new { card = card.Id, colour = card.Colour.ToString(), trigger = card.Trigger },
            source,
        }).ConfigureAwait(false);
        return new RecordedViolation(violation, card);
    }
}
