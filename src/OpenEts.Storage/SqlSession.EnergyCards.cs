using System.Globalization;
using System.Text.Json;
using OpenEts.Application.DualControl.Cards;
using OpenEts.Application.Storage;
using OpenEts.Domain.DualControl.Cards;

namespace OpenEts.Storage;

internal sealed partial class SqlSession : IEnergyCardData
{
    private const string ViolationSelect = """
        SELECT v.id AS Id, v.organisation_id AS OrganisationId, o.credit_code AS OrganisationCode, o.name AS OrganisationName, v.rules AS Rules,
            v.kind AS Kind, v.observed_on AS ObservedOn, v.parameter AS Parameter, v.measured AS Measured, v.limit_value AS LimitValue, v.unit AS Unit,
            v.fine_yuan AS FineYuan, v.serious AS Serious, v.evidence AS Evidence, v.recorded_at AS RecordedAt, v.recorded_by AS RecordedBy
        FROM energy_card_violations v JOIN organisations o ON o.id = v.organisation_id
        """;

    private const string CardSelect = """
        SELECT c.id AS Id, c.violation_id AS ViolationId, c.organisation_id AS OrganisationId, o.credit_code AS OrganisationCode,
            o.name AS OrganisationName, c.rules AS Rules, c.colour AS Colour, c.status AS Status, c.trigger_text AS TriggerText,
            c.proposed_at AS ProposedAt, c.confirmed_on AS ConfirmedOn, c.confirmed_by AS ConfirmedBy, c.confirm_evidence AS ConfirmEvidence,
            c.deadline AS Deadline, c.ended_on AS EndedOn, c.ended_by AS EndedBy, c.end_evidence AS EndEvidence, c.escalated_from AS EscalatedFrom
        FROM energy_cards c JOIN organisations o ON o.id = c.organisation_id
        """;

    private static readonly JsonSerializerOptions ListJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public IEnergyCardData EnergyCards => this;

    async Task<ViolationRecord> IEnergyCardData.InsertViolationAsync(ViolationRecord v)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO energy_card_violations (organisation_id, rules, kind, observed_on, parameter, measured, limit_value, unit, fine_yuan, serious,
                evidence, recorded_at, recorded_by)
            VALUES (@org, @rules, @kind, @observed, @parameter, @measured, @limit, @unit, @fine, @serious, @evidence, @at, @by) RETURNING id
            """, new
        {
            org = v.OrganisationId,
            rules = v.Rules,
            kind = v.Kind.ToString(),
            observed = (long)v.ObservedOn.DayNumber,
            parameter = v.Parameter,
            measured = Exact(v.Measured),
            limit = Exact(v.Limit),
            unit = v.Unit,
            fine = Exact(v.FineYuan),
            serious = v.Serious ? 1L : 0L,
            evidence = v.Evidence,
            at = Ms(v.RecordedAt),
            by = v.RecordedBy,
        }).ConfigureAwait(false);
        return v with { Id = id };
    }

    async Task<IReadOnlyList<ViolationRecord>> IEnergyCardData.ViolationsAsync(long? organisationId) =>
        [.. (await QueryAsync<ViolationRow>(ViolationSelect + " WHERE (@org IS NULL OR v.organisation_id = @org) ORDER BY v.id",
            new { org = organisationId }).ConfigureAwait(false)).Select(r => r.ToRecord())];

    async Task<CardRecord> IEnergyCardData.InsertCardAsync(CardRecord c)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO energy_cards (violation_id, organisation_id, rules, colour, status, trigger_text, proposed_at, confirmed_on, confirmed_by,
                confirm_evidence, deadline, ended_on, ended_by, end_evidence, escalated_from)
            VALUES (@violation, @org, @rules, @colour, @status, @trigger, @proposedAt, @confirmedOn, @confirmedBy, @confirmEvidence, @deadline,
                @endedOn, @endedBy, @endEvidence, @escalatedFrom) RETURNING id
            """, CardParameters(c)).ConfigureAwait(false);
        return c with { Id = id };
    }

    async Task<CardRecord?> IEnergyCardData.FindCardAsync(long id) =>
        (await QuerySingleOrDefaultAsync<CardRow>(CardSelect + " WHERE c.id = @id", new { id }).ConfigureAwait(false))?.ToRecord();

    Task IEnergyCardData.UpdateCardAsync(CardRecord c) => ExecuteAsync("""
        UPDATE energy_cards SET status = @status, confirmed_on = @confirmedOn, confirmed_by = @confirmedBy, confirm_evidence = @confirmEvidence,
            deadline = @deadline, ended_on = @endedOn, ended_by = @endedBy, end_evidence = @endEvidence
        WHERE id = @id
        """, CardParameters(c));

    async Task<IReadOnlyList<CardRecord>> IEnergyCardData.CardsAsync(long? organisationId) =>
        [.. (await QueryAsync<CardRow>(CardSelect + " WHERE (@org IS NULL OR c.organisation_id = @org) ORDER BY c.id",
            new { org = organisationId }).ConfigureAwait(false)).Select(r => r.ToRecord())];

    async Task<bool> IEnergyCardData.InsertListAsync(CardList list) => await ExecuteAsync("""
        INSERT INTO energy_card_lists (jurisdiction, year, quarter, due, rows_json, published_at, published_by)
        VALUES (@jurisdiction, @year, @quarter, @due, @rows, @at, @by)
        ON CONFLICT (jurisdiction, year, quarter) DO NOTHING
        """, new
    {
        jurisdiction = list.Jurisdiction,
        year = (long)list.Quarter.Year,
        quarter = (long)list.Quarter.Number,
        due = (long)list.Due.DayNumber,
        rows = JsonSerializer.Serialize(new ListBody(list.Rows, list.Supervised), ListJson),
        at = Ms(list.PublishedAt ?? throw new ArgumentException("only a published list is stored", nameof(list))),
        by = list.PublishedBy ?? "",
    }).ConfigureAwait(false) == 1;

    async Task<CardList?> IEnergyCardData.FindListAsync(string jurisdiction, Quarter quarter) =>
        (await QuerySingleOrDefaultAsync<ListRow>(ListSelect + " WHERE jurisdiction = @jurisdiction AND year = @year AND quarter = @quarter",
            new { jurisdiction, year = (long)quarter.Year, quarter = (long)quarter.Number }).ConfigureAwait(false))?.ToList();

    async Task<IReadOnlyList<CardList>> IEnergyCardData.ListsAsync() =>
        [.. (await QueryAsync<ListRow>(ListSelect + " ORDER BY year DESC, quarter DESC, jurisdiction").ConfigureAwait(false)).Select(r => r.ToList())];

    private const string ListSelect = """
        SELECT jurisdiction AS Jurisdiction, year AS Year, quarter AS QuarterNumber, due AS Due, rows_json AS RowsJson, published_at AS PublishedAt,
            published_by AS PublishedBy FROM energy_card_lists
        """;

    private static object CardParameters(CardRecord c) => new
    {
        id = c.Id,
        violation = c.Violation,
        org = c.OrganisationId,
        rules = c.Rules,
        colour = c.Colour.ToString(),
        status = c.Status.ToString(),
        trigger = c.Trigger,
        proposedAt = Ms(c.ProposedAt),
        confirmedOn = DayOrNull(c.ConfirmedOn),
        confirmedBy = c.ConfirmedBy,
        confirmEvidence = c.ConfirmEvidence,
        deadline = DayOrNull(c.Deadline),
        endedOn = DayOrNull(c.EndedOn),
        endedBy = c.EndedBy,
        endEvidence = c.EndEvidence,
        escalatedFrom = c.EscalatedFrom,
    };

    private static long? DayOrNull(DateOnly? day) => day is { } d ? d.DayNumber : null;

    private static DateOnly? DayOf(long? dayNumber) => dayNumber is { } n ? DateOnly.FromDayNumber(checked((int)n)) : null;

    private static string? Exact(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static decimal? Exact(string? text) => text is null ? null : decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private sealed record ListBody(IReadOnlyList<CardListRow> Rows, IReadOnlyList<SupervisedCompany> Supervised);

    private sealed class ViolationRow
    {
        public long Id { get; set; }
        public long OrganisationId { get; set; }
        public string OrganisationCode { get; set; } = "";
        public string OrganisationName { get; set; } = "";
        public string Rules { get; set; } = "";
        public string Kind { get; set; } = "";
        public long ObservedOn { get; set; }
        public string? Parameter { get; set; }
        public string? Measured { get; set; }
        public string? LimitValue { get; set; }
        public string? Unit { get; set; }
        public string? FineYuan { get; set; }
        public long Serious { get; set; }
        public string Evidence { get; set; } = "";
        public long RecordedAt { get; set; }
        public string RecordedBy { get; set; } = "";

        public ViolationRecord ToRecord() => new(Id, OrganisationId, OrganisationCode, OrganisationName, Rules, Enum.Parse<ViolationKind>(Kind),
            DayOf(ObservedOn)!.Value, Parameter, Exact(Measured), Exact(LimitValue), Unit, Exact(FineYuan), Serious != 0, Evidence, At(RecordedAt), RecordedBy);
    }

    private sealed class CardRow
    {
        public long Id { get; set; }
        public long ViolationId { get; set; }
        public long OrganisationId { get; set; }
        public string OrganisationCode { get; set; } = "";
        public string OrganisationName { get; set; } = "";
        public string Rules { get; set; } = "";
        public string Colour { get; set; } = "";
        public string Status { get; set; } = "";
        public string TriggerText { get; set; } = "";
        public long ProposedAt { get; set; }
        public long? ConfirmedOn { get; set; }
        public string? ConfirmedBy { get; set; }
        public string? ConfirmEvidence { get; set; }
        public long? Deadline { get; set; }
        public long? EndedOn { get; set; }
        public string? EndedBy { get; set; }
        public string? EndEvidence { get; set; }
        public long? EscalatedFrom { get; set; }

        public CardRecord ToRecord() => new(Id, ViolationId, OrganisationId, OrganisationCode, OrganisationName, Rules, Enum.Parse<CardColour>(Colour),
            Enum.Parse<CardStatus>(Status), TriggerText, At(ProposedAt), DayOf(ConfirmedOn), ConfirmedBy, ConfirmEvidence, DayOf(Deadline), DayOf(EndedOn),
            EndedBy, EndEvidence, EscalatedFrom);
    }

    private sealed class ListRow
    {
        public string Jurisdiction { get; set; } = "";
        public long Year { get; set; }
        public long QuarterNumber { get; set; }
        public long Due { get; set; }
        public string RowsJson { get; set; } = "";
        public long PublishedAt { get; set; }
        public string PublishedBy { get; set; } = "";

        public CardList ToList()
        {
            var body = JsonSerializer.Deserialize<ListBody>(RowsJson, ListJson) ?? throw new InvalidOperationException("a stored card list has no rows");
            return new CardList(Jurisdiction, Quarter.From(checked((int)Year), checked((int)QuarterNumber)), DayOf(Due)!.Value, body.Rows, body.Supervised,
                At(PublishedAt), PublishedBy);
        }
    }
}
