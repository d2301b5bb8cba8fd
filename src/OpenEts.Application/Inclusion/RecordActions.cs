using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// Records a batch of low-carbon actions into a programme (记录低碳行为). Each action is counted at most once: its
/// source and event id are its idempotency key, so a replayed upload counts nothing twice. Each is checked against the
/// platform's limits (<see cref="InclusionLimits"/>), quantified by the methodology of the programme version in force on
/// its Beijing day, rewarded by its coin rule within the caps, and credited as coins in the lot of its day (spendable and
/// lapsing by the programme's timing). A bad action is refused alone, with its rule; the rest of the batch counts.
/// A citizen records their own actions; the regulator and a data partner (<see cref="Role.DataPartner"/>) any citizen's,
/// a partner only in its key's programme and of its key's behaviours (else <c>OutOfScope</c>: the batch, or the action).
/// </summary>
public sealed record RecordActions(string Programme, IReadOnlyList<RecordActions.Item> Items) : IInclusionCommand
{
    /// <summary>
    /// One action as typed: who (a user name; empty for oneself), the source and its event id, what, when (ISO 8601 with
    /// offset), how much, and the partner's signature of it (<see cref="PartnerSignature"/>; base64) when its key requires one.
    /// </summary>
    public sealed record ActionForm(
        string? EventId, string? Source, string? Behaviour, string? OccurredAt, decimal? Quantity, decimal? Minutes = null,
        decimal? OwnAverage = null, string? User = null, string? Signature = null);

    /// <summary>The batch as typed.</summary>
    public sealed record Form(string? Programme, IReadOnlyList<ActionForm>? Actions);

    /// <summary>One action as read: a typed action, or the field errors that refuse it; its signature as sent (checked by <see cref="PartnerActionsHandler"/>).</summary>
    public sealed record Item(int Index, string EventId, string Source, string User, Behaviour Behaviour, DateTimeOffset OccurredAt,
        ActionMeasure Measure, IReadOnlyList<FieldError> Errors, string? Signature = null);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => InclusionRoles.Recorders;

    /// <summary>Reads the batch; only the programme and the batch's size can fail it as a whole.</summary>
    public static bool TryParse(Form form, InclusionProgrammes programmes, [NotNullWhen(true)] out RecordActions? command,
        out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(programmes);
        var read = new FieldReader();
        var programme = read.Programme(programmes, form.Programme);
        var actions = form.Actions ?? [];
        if (actions.Count is 0 or > InclusionLimits.MaxBatch)
        {
            read.Fail("actions", "BatchSize", $"a batch holds 1 to {InclusionLimits.MaxBatch} actions");
        }
        command = read.IsValid
            ? new RecordActions(programme!, [.. actions.Select((a, i) => ReadItem(a, i, programmes, programme!))])
            : null;
        errors = read.Errors;
        return command is not null;
    }

    private static Item ReadItem(ActionForm? a, int index, InclusionProgrammes programmes, string programme)
    {
        var read = new FieldReader();
        a ??= new ActionForm(null, null, null, null, null);
        var eventId = FieldReader.Text(a.EventId);
        var source = FieldReader.Text(a.Source);
        if (eventId.Length is 0 or > 128)
        {
            read.Fail(Field("eventId"), "Required", "eventId: the source's id of the event, 1–128 characters");
        }
        if (source.Length is 0 or > 64)
        {
            read.Fail(Field("source"), "Required", "source: the data source (partner, card, meter), 1–64 characters");
        }
        var behaviour = Behaviours.Find(a.Behaviour);
        if (behaviour is null)
        {
            read.Fail(Field("behaviour"), "UnknownValue", $"behaviour is one of: {string.Join(", ", Behaviours.Codes)}");
        }
        if (!FieldReader.TryTime(a.OccurredAt, out var at))
        {
            // Without its offset a time would be read in the server's own zone: another Beijing day, other caps and periods.
            read.Fail(Field("occurredAt"), "Time", "occurredAt is a time with its offset, such as 2026-11-30T08:15:00+08:00");
        }
        // A methodology that counts trips (Guangzhou's metro, kgCO2 per trip) takes one trip an action: its quantity is no
        // distance, so it is 1 or left out, and no speed is read from it.
        var trips = behaviour is { } tb && at != default
            && programmes.InForce(programme, InclusionTime.DayOf(at))?.Find(tb)?.Methodology is { CountsTrips: true };
        var quantity = trips ? a.Quantity ?? 1m : a.Quantity;
        if (trips && quantity != 1m)
        {
            read.Fail(Field("quantity"), "OneTripPerAction",
                $"quantity: {Behaviours.CodeOf(behaviour!.Value)} in {programme} counts trips (kgCO2 per trip), one an action: its quantity is 1, not km");
        }
        else if (quantity is { } exact && decimal.Round(exact, 3) != exact)
        {
            read.Fail(Field("quantity"), "Precision", "quantity has at most 3 decimals (1 m, 1 Wh)");
        }
        else if (quantity is not { } q)
        {
            read.Fail(Field("quantity"), "Required", "quantity is a number ≥ 0 in the behaviour's unit (km, steps, kWh, count)");
        }
        else if (q < 0)
        {
            read.Fail(Field("quantity"), "QuantityRange", "quantity is a number ≥ 0 in the behaviour's unit (km, steps, kWh, count)");
        }
        else if (behaviour is { } b && q > InclusionLimits.MaxQuantity(b))
        {
            read.Fail(Field("quantity"), "ImpossibleQuantity", b == Behaviour.SolarPv
                ? string.Create(CultureInfo.InvariantCulture,
                    $"solar-pv: at most {InclusionLimits.MaxQuantity(b)} kWh a day (a household rooftop of at most {InclusionLimits.HouseholdPvKilowatts} kW yields at most {InclusionLimits.PvKwhPerKilowattDay} kWh per kW a day)")
                : $"{Behaviours.CodeOf(b)}: at most {InclusionLimits.MaxQuantity(b).ToString(CultureInfo.InvariantCulture)} {Behaviours.UnitOf(b)} in one action");
        }
        if (a.Minutes is < 0 or > 1440)
        {
            read.FailOf(Field("minutes"), "Range", $"{"minutes"} is from {0} to {1440}");
        }
        else if (!trips && behaviour is { } rb && InclusionLimits.MaxSpeed(rb) is { } max && a.Minutes is > 0 && a.Quantity is > 0
            && a.Quantity.Value / (a.Minutes.Value / 60m) > max)
        {
            read.FailOf(Field("minutes"), "ImpossibleSpeed", $"{Behaviours.CodeOf(rb)}: faster than {max} km/h on average");
        }
        // ownAverage is not checked: the platform never reads it (electricity's own average is the household's readings it
        // holds, UsageLedger.OwnAverage), so no range of its applies; it is kept only as a partner signed it.
        return new Item(index, eventId, source, FieldReader.Text(a.User), behaviour ?? default, at,
            new ActionMeasure(quantity ?? 0, a.Minutes, a.OwnAverage), read.IsValid ? [] : read.Errors, a.Signature);

        // The field's name is made only for an error: most actions of a batch have none.
        string Field(string name) => $"actions[{index}].{name}";
    }

    /// <inheritdoc/>
    public async Task<InclusionCommandOutcome> ExecuteAsync(InclusionWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.Actor.Role == Role.Citizen)
        {
            // A citizen's own sources carry their id (c12/phone), as a partner's carry the partner's: what one citizen sends
            // never collides with, blocks or passes for another's or a partner's events.
            return await (this with { Items = [.. Items.Select(i => i with { Source = CitizenSource.Of(work.Actor.UserId, i.Source) })] })
                .RecordAsync(work).ConfigureAwait(false);
        }
        if (work.Actor.Role != Role.DataPartner)
        {
            // The regulator's uploads (a card operator's file) keep their sources as named, but not one that would pass for a
            // partner's or a citizen's own.
            return await (this with
            {
                Items = [.. Items.Select(i => i.Errors.Count == 0 && IsReserved(i.Source)
                    ? i with { Errors = [new FieldError($"actions[{i.Index}].source", "ReservedSource", "source: a name starting p or c, digits and / is a partner's or a citizen's own")] }
                    : i)],
            }).RecordAsync(work).ConfigureAwait(false);
        }
        if (work.Actor.Partner is not var (partnerId, scope))
        {
            return new InclusionCommandOutcome.Forbidden(Roles);
        }
        if (!string.Equals(scope.Programme, Programme, StringComparison.Ordinal))
        {
            return new InclusionCommandOutcome.Refused("OutOfScope", "programme", $"this key submits to {scope.Programme} only", RefusalKind.Forbidden);
        }
        // A partner's sources carry its id (p7/card-1), so that one partner's event ids never collide with or block another's.
        return await (this with
        {
            Items = [.. Items.Select(i => i with
            {
                Source = $"p{partnerId}/{i.Source}",
                Errors = i.Errors.Count > 0 || scope.Permits(Programme, i.Behaviour)
                    ? i.Errors
                    : [new FieldError($"actions[{i.Index}].behaviour", "OutOfScope", $"this key may not submit {Behaviours.CodeOf(i.Behaviour)}")],
            })],
        }).RecordAsync(work).ConfigureAwait(false);
    }

    // The batch is read in one query per table (who the users are, their consents, the events already recorded, their
    // rollups, lots and wallets), decided in memory action by action in the order the one-by-one rules take (users by
    // first appearance, then each user's actions in batch order), and written in one bulk statement per table. The write
    // transaction holds the store's one writer, so what was read stays true until the commit: the result is the same as
    // recording the actions one at a time, and the batch commits whole or not at all.
    private async Task<InclusionCommandOutcome> RecordAsync(InclusionWork work)
    {
        var results = new ActionResult[Items.Count];
        var timely = new List<Item>(Items.Count);
        foreach (var item in Items)
        {
            if (item.Errors.Count > 0)
            {
                // The field without its "actions[i]." prefix: the result names its action by index already.
                var field = item.Errors[0].Field;
                results[item.Index] = Refuse(item, item.Errors[0].Rule, string.Join("; ", item.Errors.Select(e => e.Message)), field[(field.IndexOf('.', StringComparison.Ordinal) + 1)..])
                    with { Figures = item.Errors[0].Figures };
            }
            else if (item.OccurredAt > work.Now + InclusionLimits.FutureSkew)
            {
                results[item.Index] = RefuseOf(item, "FromTheFuture",
                    $"the event is stamped more than {InclusionLimits.FutureSkew.TotalMinutes} minutes in the future", "occurredAt");
            }
            else if (item.OccurredAt < work.Now - InclusionLimits.MaxAge)
            {
                results[item.Index] = RefuseOf(item, "TooOld", $"events older than {InclusionLimits.MaxAge.TotalDays} days are not counted", "occurredAt");
            }
            else
            {
                timely.Add(item);
            }
        }
        var users = await UsersAsync(work, timely).ConfigureAwait(false);
        var consented = await ConsentedAsync(work, [.. users.Values]).ConfigureAwait(false);
        var byUser = new Dictionary<long, List<Item>>();
        foreach (var item in timely)
        {
            var name = work.Actor.Role == Role.Citizen && item.User.Length == 0 ? work.Actor.UserName : item.User;
            if (!users.TryGetValue(name, out var id))
            {
                // Named by the field it is about: a partner's action without a user was answered " is not a citizen" before.
                results[item.Index] = work.Actor.Role == Role.Citizen
                    ? Refuse(item, "NotYourself", "a citizen records only their own actions", "user")
                    : name.Length == 0
                    ? Refuse(item, "Required", "user: the citizen's sign-in id, whose action this is", "user")
                    : RefuseOf(item, "UnknownCitizen", $"{name} is not a citizen", "user");
                continue;
            }
            if (!consented.Contains(id))
            {
                results[item.Index] = Refuse(item, "NoConsent", "the citizen has not agreed to the notice in force, or withdrew, or is erased");
                continue;
            }
            if (!byUser.TryGetValue(id, out var list))
            {
                byUser[id] = list = [];
            }
            list.Add(item);
        }
        if (byUser.Count > 0)
        {
            await RecordForUsersAsync(work, byUser, results).ConfigureAwait(false);
        }
        await MarkAggregatedAsync(work, results).ConfigureAwait(false);
        var recorded = new RecordedActions(results);
        // The quality dashboard's counters: derived from this batch's results, written in its transaction, one row per
        // outcome (never per event); the journal entry below carries the same counts, so they can be rebuilt from it.
        var outcomes = QualityCount.Tally(results);
        await work.Session.Inclusion.AddQualityAsync(work.Actor.Partner?.Id ?? QualityCount.Direct, Programme, work.Today, outcomes).ConfigureAwait(false);
        await work.JournalAsync("actions.recorded", byUser.Count == 1 ? users.Keys.FirstOrDefault() ?? work.Actor.UserName : $"{Programme} ×{byUser.Count}", new
        {
            programme = Programme,
            citizens = byUser.Count,
            counted = recorded.Counted,
            duplicates = recorded.Duplicates,
            refused = recorded.Refused,
            reductionGrams = recorded.Reduction.Grams,
            coins = recorded.Coins,
            outcomes = outcomes.ToDictionary(o => o.Outcome, o => o.Events, StringComparer.Ordinal),
        }).ConfigureAwait(false);
        return new InclusionCommandOutcome.Completed(recorded);
    }

    /// <summary>Why a counted action earned fewer coins than its reduction is worth: the cap reached, and the coins it cut.</summary>
    private static string CapMessage(InclusionProgramme programme, Cap cap, long cut) =>
        $"maxCoins: at most {cap.MaxCoins} coins a {(cap.Period == CapPeriod.Day ? "day" : "month")}"
        + $"{(cap.Scope == CapScope.Source ? " per data source" : "")}{(cap.Behaviour is { } b ? " for " + Behaviours.CodeOf(b) : "")} ({programme.Id}); "
        + $"counted, with {cut} coins cut";

    /// <summary>
    /// Marks each counted action whose day lies in a period already aggregated: it keeps its coins and stays in the public
    /// totals, but that period's PHCER report is filed and no later aggregation may overlap it, so the action never reaches
    /// PHCER. The answer says so (rule <c>InAggregatedPeriod</c>) and the quality dashboard counts it apart.
    /// </summary>
    private async Task MarkAggregatedAsync(InclusionWork work, ActionResult[] results)
    {
        if (!results.Any(r => r.Status == ActionStatus.Counted))
        {
            return;
        }
        var aggregations = await work.Session.Inclusion.AggregationsAsync(Programme).ConfigureAwait(false);
        if (aggregations.Count == 0)
        {
            return;
        }
        var late = new Dictionary<long, List<(string Source, string EventId)>>();
        foreach (var item in Items)
        {
            if (results[item.Index].Status != ActionStatus.Counted)
            {
                continue;
            }
            var day = InclusionTime.DayOf(item.OccurredAt);
            if (aggregations.FirstOrDefault(a => a.PeriodStart <= day && day <= a.PeriodEnd) is { } a)
            {
                if (!late.TryGetValue(a.Id, out var events))
                {
                    late[a.Id] = events = [];
                }
                events.Add((item.Source, item.EventId));
                results[item.Index] = results[item.Index] with
                {
                    Rule = "InAggregatedPeriod",
                    Message = $"counted for coins, but {day:yyyy-MM-dd} lies in {a.PeriodStart:yyyy-MM-dd} – {a.PeriodEnd:yyyy-MM-dd}, aggregated already "
                        + $"(report {a.Report}): left out of PHCER",
                    Field = "occurredAt",
                };
            }
        }
        // Named in the store, so that the aggregation's sample never draws them: its report was filed without them.
        foreach (var (aggregation, events) in late)
        {
            await work.Session.Inclusion.MarkLateAsync(aggregation, events).ConfigureAwait(false);
        }
    }

    // p7/… and c12/…: the sources a partner's and a citizen's own actions are kept under.
    private static bool IsReserved(string source)
    {
        var slash = source.IndexOf('/', StringComparison.Ordinal);
        return slash > 1 && source[0] is 'p' or 'c' && !source.AsSpan(1, slash - 1).ContainsAnyExceptInRange('0', '9');
    }

    private static ActionResult Refuse(Item item, string rule, string message, string? field = null) =>
        new(item.Index, item.EventId, ActionStatus.Refused, rule, message, CarbonGrams.Zero, 0, 0, field);

    // A refusal whose sentence names figures (the minutes or days allowed), kept apart for a message in another language.
    private static ActionResult RefuseOf(Item item, string rule, FormattableString message, string? field = null) =>
        Refuse(item, rule, Domain.Text.Figures.Sentence(message), field) with { Figures = Domain.Text.Figures.Of(message) };

    /// <summary>The users the timely actions name that are citizens, by name, in order of first appearance.</summary>
    private static async Task<Dictionary<string, long>> UsersAsync(InclusionWork work, List<Item> timely)
    {
        var users = new Dictionary<string, long>(StringComparer.Ordinal);
        if (work.Actor.Role == Role.Citizen)
        {
            // A citizen records only their own actions: their name or none.
            if (timely.Any(i => i.User.Length == 0 || string.Equals(i.User, work.Actor.UserName, StringComparison.Ordinal)))
            {
                users[work.Actor.UserName] = work.Actor.UserId;
            }
            return users;
        }
        var names = timely.Select(i => i.User).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var citizens = await work.Session.Users.IdsByNamesAsync(names, Role.Citizen).ConfigureAwait(false);
        foreach (var name in names)
        {
            if (citizens.TryGetValue(name, out var id))
            {
                users[name] = id;
            }
        }
        return users;
    }

    /// <summary>Those of the users whose actions may be recorded (<see cref="CitizenPrivacy.PermitsProcessing"/>).</summary>
    private static async Task<HashSet<long>> ConsentedAsync(InclusionWork work, List<long> userIds)
    {
        var profiles = userIds.Count == 0 ? []
            : (await work.Session.Inclusion.CitizensAsync(userIds).ConfigureAwait(false)).ToDictionary(p => p.UserId);
        return [.. userIds.Where(id => CitizenPrivacy.PermitsProcessing(profiles.GetValueOrDefault(id), ConsentNotice.Current))];
    }

    private async Task RecordForUsersAsync(InclusionWork work, Dictionary<long, List<Item>> byUser, ActionResult[] results)
    {
        var data = work.Session.Inclusion;
        var ids = byUser.Keys.ToList();
        // Each user's usage is read over the windows of the programme's caps: the days of their actions, or the whole
        // months when a version of the programme caps a month.
        var monthly = work.Programmes.Versions(Programme).Any(v => v.Caps.Any(c => c.Period == CapPeriod.Month));
        // Each citizen's own window is read, not the span of the whole batch: a batch mixing late actions with today's
        // would otherwise read every citizen's rows over all the days between.
        var windows = new List<(long UserId, DateOnly From, DateOnly To)>(byUser.Count);
        foreach (var (userId, items) in byUser)
        {
            var (from, to) = WindowOf(items, monthly);
            windows.Add((userId, from, to));
        }
        var daily = ByUser(await data.DailyAsync(windows, Programme).ConfigureAwait(false));
        var lots = ByUser(await data.LotsAsync([.. windows.Select(w => (w.UserId, w.From))], Programme).ConfigureAwait(false));
        var wallets = (await data.WalletsAsync(ids, Programme).ConfigureAwait(false)).ToDictionary(w => w.UserId);
        var keys = new HashSet<(string Source, string EventId)>(Items.Count);
        foreach (var items in byUser.Values)
        {
            foreach (var item in items)
            {
                keys.Add((item.Source, item.EventId));
            }
        }
        var recorded = await data.RecordedEventsAsync(keys).ConfigureAwait(false);
        var trips = await TripsAsync(data, byUser).ConfigureAwait(false);
        var measured = await MeasuredAsync(work, data, byUser).ConfigureAwait(false);
        var batch = new Writes(recorded, Programme, keys.Count);
        foreach (var (userId, items) in byUser)
        {
            RecordForUser(work, userId, items, results, batch, daily.GetValueOrDefault(userId) ?? [], lots.GetValueOrDefault(userId) ?? [],
                wallets.GetValueOrDefault(userId), trips.TryGetValue(userId, out var counted) ? new TripLog(counted) : null,
                measured.GetValueOrDefault(userId));
        }
        // The public statistics' month cells are counted before the batch's daily rows are written (they tell whether a
        // citizen acted in the month already).
        List<(long UserId, DailyRollup Add)> allDaily = [.. batch.Daily, .. batch.NewDaily];
        List<MonthCell> cells = allDaily.Count > 0 ? await MonthCellsAsync(data, allDaily).ConfigureAwait(false) : [];
        if (batch.Events.Count > 0)
        {
            await data.InsertEventsAsync(batch.Events).ConfigureAwait(false);
        }
        // Rows read absent are created by a plain insert; rows that exist are added to or replaced.
        if (batch.NewDaily.Count > 0)
        {
            await data.InsertDailyAsync(Programme, batch.NewDaily).ConfigureAwait(false);
        }
        if (batch.Daily.Count > 0)
        {
            await data.AddDailyAsync(Programme, batch.Daily).ConfigureAwait(false);
        }
        if (batch.NewLots.Count > 0)
        {
            await data.InsertLotsAsync(Programme, batch.NewLots).ConfigureAwait(false);
        }
        if (batch.Lots.Count > 0)
        {
            await data.SaveLotsAsync(Programme, batch.Lots).ConfigureAwait(false);
        }
        if (batch.NewWallets.Count > 0)
        {
            await data.InsertWalletsAsync(batch.NewWallets).ConfigureAwait(false);
        }
        if (batch.Wallets.Count > 0)
        {
            await data.SaveWalletsAsync(batch.Wallets).ConfigureAwait(false);
        }
        // The programme's public totals, in the same transaction as the rows they sum, so the two never disagree.
        if (allDaily.Count > 0)
        {
            await data.AddProgrammeDailyAsync(Programme, [.. allDaily.Select(d => d.Add)]).ConfigureAwait(false);
            await data.AddProgrammeMonthsAsync(Programme, cells).ConfigureAwait(false);
            // Each citizen's month total, for their rank in the programme (InclusionQueries.RankingsAsync).
            await data.AddCitizenMonthsAsync(Programme, [.. allDaily.GroupBy(d => (d.UserId, Month: MonthCell.MonthOf(d.Add.Day)))
                .Select(g => (g.Key.UserId, g.Key.Month, g.Aggregate(CarbonGrams.Zero, (sum, d) => sum + d.Add.Reduction)))]).ConfigureAwait(false);
        }
        await data.AddProgrammeTotalsAsync(batch.Totals).ConfigureAwait(false);
    }

    /// <summary>Rows read for many users, as one list per user (in the order read).</summary>
    private static Dictionary<long, List<T>> ByUser<T>(IReadOnlyList<(long UserId, T Row)> rows)
    {
        var byUser = new Dictionary<long, List<T>>();
        foreach (var (userId, row) in rows)
        {
            if (!byUser.TryGetValue(userId, out var list))
            {
                byUser[userId] = list = [];
            }
            list.Add(row);
        }
        return byUser;
    }

    /// <summary>
    /// How many citizens the batch adds to each month cell of the public statistics (by behaviour, and every earner): those
    /// with no daily row of the cell in the month before this batch. A cell that counts <see cref="MinimumGroup.MaxCitizens"/>
    /// already is not counted further, so past the programme's first batches of a month nothing is read for it.
    /// </summary>
    private async Task<List<MonthCell>> MonthCellsAsync(IInclusionData data, List<(long UserId, DailyRollup Add)> daily)
    {
        var acted = daily.Select(d => (d.UserId, Month: MonthCell.MonthOf(d.Add.Day), d.Add.Behaviour)).Distinct().ToList();
        var first = acted.Min(a => a.Month);
        var last = acted.Max(a => a.Month);
        var kept = (await data.ProgrammeMonthsAsync(Programme, first, last).ConfigureAwait(false)).Where(c => c.Saturated)
            .Select(c => (c.Month, c.Kind, c.Kind == MonthCellKind.Behaviour ? c.Behaviour : default)).ToHashSet();
        bool Open(DateOnly month, MonthCellKind kind, Behaviour behaviour) => !kept.Contains((month, kind, behaviour));
        var open = acted.Where(a => Open(a.Month, MonthCellKind.Behaviour, a.Behaviour) || Open(a.Month, MonthCellKind.Earners, default)).ToList();
        if (open.Count == 0)
        {
            return [];
        }
        // Each citizen's rows over the months they acted in (from the first to the end of the last).
        var months = new Dictionary<long, (DateOnly First, DateOnly Last)>();
        foreach (var a in open)
        {
            months[a.UserId] = months.TryGetValue(a.UserId, out var m)
                ? (a.Month < m.First ? a.Month : m.First, a.Month > m.Last ? a.Month : m.Last)
                : (a.Month, a.Month);
        }
        var before = (await data.DailyAsync([.. months.Select(m => (m.Key, m.Value.First, m.Value.Last.AddMonths(1).AddDays(-1)))], Programme)
            .ConfigureAwait(false)).Select(d => (d.UserId, Month: MonthCell.MonthOf(d.Rollup.Day), d.Rollup.Behaviour)).ToHashSet();
        var earnedBefore = before.Select(b => (b.UserId, b.Month)).ToHashSet();
        var added = new Dictionary<(DateOnly, MonthCellKind, Behaviour), long>();
        void Count(DateOnly month, MonthCellKind kind, Behaviour behaviour) =>
            added[(month, kind, behaviour)] = added.GetValueOrDefault((month, kind, behaviour)) + 1;
        foreach (var a in open.Where(a => Open(a.Month, MonthCellKind.Behaviour, a.Behaviour) && !before.Contains(a)))
        {
            Count(a.Month, MonthCellKind.Behaviour, a.Behaviour);
        }
        foreach (var (userId, month) in open.Select(a => (a.UserId, a.Month)).Distinct())
        {
            if (Open(month, MonthCellKind.Earners, default) && !earnedBefore.Contains((userId, month)))
            {
                Count(month, MonthCellKind.Earners, default);
            }
        }
        return [.. added.Select(kv => new MonthCell(kv.Key.Item1, kv.Key.Item2, kv.Key.Item3, kv.Value, 0))];
    }

    /// <summary>
    /// The trips already counted for each user with a trip in the batch (in any programme; none yet: an empty list), over
    /// the span of that user's trips in the batch widened by the longest trip: one query for the batch, none when it
    /// holds no trip.
    /// </summary>
    private static async Task<Dictionary<long, List<Trip>>> TripsAsync(IInclusionData data, Dictionary<long, List<Item>> byUser)
    {
        var spans = new List<(long UserId, DateTimeOffset From, DateTimeOffset To)>(byUser.Count);
        foreach (var (userId, items) in byUser)
        {
            var (from, to, any) = (DateTimeOffset.MaxValue, DateTimeOffset.MinValue, false);
            foreach (var item in items)
            {
                if (Trip.IsTrip(item.Behaviour))
                {
                    var trip = Trip.Of(item.OccurredAt, item.Measure.Minutes);
                    (from, to, any) = (trip.Start < from ? trip.Start : from, trip.End > to ? trip.End : to, true);
                }
            }
            if (any)
            {
                spans.Add((userId, from - InclusionLimits.LongestTrip - TripLog.Tolerance, to + TripLog.Tolerance));
            }
        }
        var trips = spans.ToDictionary(s => s.UserId, _ => new List<Trip>());
        if (spans.Count > 0)
        {
            foreach (var (userId, trip) in await data.TripsAsync(spans).ConfigureAwait(false))
            {
                trips[userId].Add(trip);
            }
        }
        return trips;
    }

    /// <summary>
    /// What each user's counted actions measured on the days their rules read, for the users whose actions need it: the
    /// day's steps so far for a day's rule (<see cref="InclusionMethodology.SumsTheDay"/>), and the household's readings
    /// of the <see cref="InclusionMethodology.OwnAverageDays"/> days before and after for electricity. One query for the
    /// batch, none when it holds neither.
    /// </summary>
    private async Task<Dictionary<long, List<(DateOnly Day, Behaviour Behaviour, decimal Quantity)>>> MeasuredAsync(InclusionWork work,
        IInclusionData data, Dictionary<long, List<Item>> byUser)
    {
        var windows = new List<(long UserId, DateOnly From, DateOnly To)>();
        var behaviours = new HashSet<Behaviour>();
        foreach (var (userId, items) in byUser)
        {
            var (from, to, any) = (DateOnly.MaxValue, DateOnly.MinValue, false);
            foreach (var item in items)
            {
                var day = InclusionTime.DayOf(item.OccurredAt);
                var methodology = work.Programmes.InForce(Programme, day)?.Find(item.Behaviour)?.Methodology;
                // Electricity reads the week before (its own average) and the week after (readings whose averages it
                // would belong to: Reward refuses it ReadingOutOfOrder).
                var (back, ahead) = methodology switch
                {
                    { SumsTheDay: true } => (0, 0),
                    { Formula: MethodologyFormula.Electricity } => (InclusionMethodology.OwnAverageDays, InclusionMethodology.OwnAverageDays),
                    _ => (-1, 0),
                };
                if (back >= 0 && item.Errors.Count == 0)
                {
                    (from, to, any) = (day.AddDays(-back) < from ? day.AddDays(-back) : from, day.AddDays(ahead) > to ? day.AddDays(ahead) : to, true);
                    behaviours.Add(item.Behaviour);
                }
            }
            if (any)
            {
                windows.Add((userId, from, to));
            }
        }
        return windows.Count == 0 ? [] : ByUser([.. (await data.MeasuredAsync(windows, Programme, behaviours).ConfigureAwait(false))
            .Select(m => (m.UserId, (m.Day, m.Behaviour, m.Quantity)))]);
    }

    private static (DateOnly From, DateOnly To) WindowOf(List<Item> items, bool months)
    {
        var first = items.Min(i => InclusionTime.DayOf(i.OccurredAt));
        var last = items.Max(i => InclusionTime.DayOf(i.OccurredAt));
        return months ? (new DateOnly(first.Year, first.Month, 1), new DateOnly(last.Year, last.Month, 1).AddMonths(1).AddDays(-1)) : (first, last);
    }

    /// <summary>What a batch writes, gathered as its actions are decided; the event keys recorded so far, the batch's own included.</summary>
    private sealed class Writes(IReadOnlySet<(string Source, string EventId)> recordedBefore, string programme, int events)
    {
        // Grown past this many entries, a scratch collection is replaced rather than cleared (clearing costs its capacity).
        private const int KeptCapacity = 64;

        private readonly HashSet<(string Source, string EventId)> _recordedNow = new(events);
        private readonly UsageLedger _usage = new(16);
        private Dictionary<(DateOnly, Behaviour, string), DailyRollup> _added = [];
        private HashSet<DateOnly> _touched = [];

        /// <summary>
        /// One citizen's working collections, emptied (their usage ledger, the daily rows their actions add, the days
        /// whose lots change): the batch's citizens are recorded one after another, so one set serves them all.
        /// </summary>
        public (UsageLedger Usage, Dictionary<(DateOnly, Behaviour, string), DailyRollup> Added, HashSet<DateOnly> Touched) Scratch(int capacity)
        {
            _usage.Reset(capacity);
            if (_added.Count > KeptCapacity)
            {
                _added = [];
            }
            _added.Clear();
            if (_touched.Count > KeptCapacity)
            {
                _touched = [];
            }
            _touched.Clear();
            return (_usage, _added, _touched);
        }

        public List<InclusionEvent> Events { get; } = [];

        /// <summary>Additions to daily rows that exist.</summary>
        public List<(long UserId, DailyRollup Add)> Daily { get; } = [];

        /// <summary>Daily rows the batch creates.</summary>
        public List<(long UserId, DailyRollup Add)> NewDaily { get; } = [];

        /// <summary>Lots that exist, as they are now.</summary>
        public List<(long UserId, CoinLot Lot)> Lots { get; } = [];

        /// <summary>Lots the batch creates.</summary>
        public List<(long UserId, CoinLot Lot)> NewLots { get; } = [];

        /// <summary>Wallets that exist, as they are now.</summary>
        public List<InclusionWallet> Wallets { get; } = [];

        /// <summary>Wallets the batch creates.</summary>
        public List<InclusionWallet> NewWallets { get; } = [];

        private (long Citizens, long Credited, long Expired, CarbonGrams Reduction, long Actions) _totals;

        /// <summary>What the batch adds to the programme's wallet sums.</summary>
        public ProgrammeTotals Totals =>
            new(programme, _totals.Citizens, _totals.Credited, Redeemed: 0, _totals.Expired, _totals.Reduction, _totals.Actions, Donated: 0);

        /// <summary>Adds one citizen's changes to the programme's sums (a new wallet counts a citizen).</summary>
        public void AddToTotals(bool newCitizen, long credited, long expired, CarbonGrams reduction, long actions) =>
            _totals = (_totals.Citizens + (newCitizen ? 1 : 0), _totals.Credited + credited, _totals.Expired + expired,
                _totals.Reduction + reduction, _totals.Actions + actions);

        /// <summary>Takes the event unless its source already sent its id (before, or earlier in this batch).</summary>
        public bool TryRecord(InclusionEvent e)
        {
            if (recordedBefore.Contains((e.Source, e.EventId)) || !_recordedNow.Add((e.Source, e.EventId)))
            {
                return false;
            }
            Events.Add(e);
            return true;
        }
    }

    // Whether the rows read hold this row's key (else the batch creates it): loops, as they run for every citizen of a batch.
    private static bool Holds(List<DailyRollup> daily, DailyRollup row)
    {
        foreach (var d in daily)
        {
            if (d.Day == row.Day && d.Behaviour == row.Behaviour && string.Equals(d.Source, row.Source, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Holds(List<CoinLot> lots, DateOnly earned)
    {
        foreach (var l in lots)
        {
            if (l.Earned == earned)
            {
                return true;
            }
        }
        return false;
    }

    // daily and lots: the user's rows as read (the only rows of theirs a batch can change: what is not among them is new).
    private void RecordForUser(InclusionWork work, long userId, List<Item> items, ActionResult[] results, Writes batch,
        List<DailyRollup> daily, List<CoinLot> lots, InclusionWallet? existing, TripLog? trips,
        List<(DateOnly Day, Behaviour Behaviour, decimal Quantity)>? measured)
    {
        var wallet = existing ?? new InclusionWallet(userId, Programme, 0, 0, 0, CarbonGrams.Zero, 0);
        var (usage, added, touched) = batch.Scratch(daily.Count + items.Count);
        foreach (var d in daily)
        {
            usage.Add(d.Day, d.Behaviour, d.Source, d.Actions, d.Coins);
        }
        foreach (var (day, behaviour, quantity) in measured ?? [])
        {
            usage.AddMeasured(day, behaviour, quantity);
        }
        var ledger = new CoinLedger(lots);
        var lapsed = ledger.Expire(work.Today);
        // By index: a foreach over the interface would box the list's enumerator for every citizen.
        var ledgerLots = ledger.Lots;
        for (var i = 0; i < ledgerLots.Count; i++)
        {
            var lot = ledgerLots[i];
            if (lot.Remaining == 0)
            {
                touched.Add(lot.Earned);
            }
        }
        var (credited, reduction, actions) = (0L, CarbonGrams.Zero, 0L);
        foreach (var item in items)
        {
            var day = InclusionTime.DayOf(item.OccurredAt);
            var programme = work.Programmes.InForce(Programme, day);
            if (programme is null)
            {
                results[item.Index] = Refuse(item, "ProgrammeNotInForce", $"{Programme} has no rules in force on {day:yyyy-MM-dd}");
                continue;
            }
            // A trip while another counted trip of the citizen was under way is refused before any rule rewards it.
            Trip? trip = trips is not null && Trip.IsTrip(item.Behaviour) ? Trip.Of(item.OccurredAt, item.Measure.Minutes) : null;
            var reward = trip is { } t && trips!.Conflicts(t)
                ? new Reward(CarbonGrams.Zero, 0, 0, "OverlappingTrip")
                : Reward.Evaluate(programme, item.Behaviour, item.Source, day, item.Measure, usage);
            var stored = new InclusionEvent(item.Source, item.EventId, userId, Programme, item.Behaviour, item.OccurredAt, day,
                item.Measure.Quantity, item.Measure.Minutes, reward.Reduction, reward.Coins, reward.Refusal);
            if (!batch.TryRecord(stored))
            {
                results[item.Index] = new ActionResult(item.Index, item.EventId, ActionStatus.Duplicate, "DuplicateEvent",
                    $"{item.Source} already sent event {item.EventId}", CarbonGrams.Zero, 0, 0);
                continue;
            }
            if (reward.Refusal == "ReadingOutOfOrder")
            {
                var latest = usage.LaterReading(day, item.Behaviour)!.Value;
                results[item.Index] = RefuseOf(item, "ReadingOutOfOrder",
                    $"readings are recorded up to {latest:yyyy-MM-dd}: one for {day:yyyy-MM-dd} would change their own {InclusionMethodology.OwnAverageDays}-day averages, counted already",
                    "occurredAt");
                continue;
            }
            if (!reward.Counted)
            {
                results[item.Index] = Refuse(item, reward.Refusal!, reward.Refusal switch
                {
                    "ActionCap" => $"a cap on {Behaviours.CodeOf(item.Behaviour)} actions is reached for this period",
                    "OneTripPerAction" => $"quantity: {programme.Id} counts {Behaviours.CodeOf(item.Behaviour)} in trips, one an action: its quantity is 1, not km",
                    "OverlappingTrip" => $"the citizen was on another counted trip at that time (overlap over {TripLog.Tolerance.TotalMinutes} minutes)",
                    _ => $"{programme.Id} does not reward {Behaviours.CodeOf(item.Behaviour)}",
                }, reward.Refusal switch { "NotRewarded" => "behaviour", "OneTripPerAction" => "quantity", _ => null });
                continue;
            }
            if (trip is { } counted)
            {
                trips!.Add(counted);
            }
            usage.Count(day, item.Behaviour, item.Source, item.Measure.Quantity, reward.Coins);
            var key = (day, item.Behaviour, item.Source);
            added[key] = added.TryGetValue(key, out var row)
                ? row with
                {
                    Actions = row.Actions + 1, Reduction = row.Reduction + reward.Reduction, Coins = row.Coins + reward.Coins,
                    CoinsCut = row.CoinsCut + reward.CoinsCut,
                }
                : new DailyRollup(day, item.Behaviour, item.Source, 1, reward.Reduction, reward.Coins, reward.CoinsCut);
            if (reward.Coins > 0)
            {
                ledger.Credit(day, reward.Coins, programme.Timing);
                touched.Add(day);
            }
            credited += reward.Coins;
            reduction += reward.Reduction;
            actions++;
            results[item.Index] = reward.CutBy is { } cap
                ? new ActionResult(item.Index, item.EventId, ActionStatus.Counted, "CoinCap", CapMessage(programme, cap, reward.CoinsCut), reward.Reduction,
                    reward.Coins, reward.CoinsCut, CutBy: cap)
                : new ActionResult(item.Index, item.EventId, ActionStatus.Counted, null, null, reward.Reduction, reward.Coins, reward.CoinsCut);
        }
        foreach (var row in added.Values)
        {
            (Holds(daily, row) ? batch.Daily : batch.NewDaily).Add((userId, row));
        }
        var lotsNow = ledger.Lots;
        for (var i = 0; i < lotsNow.Count; i++)
        {
            var lot = lotsNow[i];
            if (touched.Contains(lot.Earned))
            {
                (Holds(lots, lot.Earned) ? batch.Lots : batch.NewLots).Add((userId, lot));
            }
        }
        if (actions > 0 || lapsed > 0)
        {
            (existing is null ? batch.NewWallets : batch.Wallets).Add(wallet with
            {
                Credited = wallet.Credited + credited,
                Expired = wallet.Expired + lapsed,
                Reduction = wallet.Reduction + reduction,
                Actions = wallet.Actions + actions,
            });
            batch.AddToTotals(existing is null, credited, lapsed, reduction, actions);
        }
    }
}
