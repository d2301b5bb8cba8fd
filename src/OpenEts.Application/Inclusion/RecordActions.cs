using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
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
    /// <summary>One action as typed: who (a user name; empty for oneself), the source and its event id, what, when (ISO 8601 with offset), how much.</summary>
    public sealed record ActionForm(
        string? EventId, string? Source, string? Behaviour, string? OccurredAt, decimal? Quantity, decimal? Minutes = null,
        decimal? OwnAverage = null, string? User = null);

    /// <summary>The batch as typed.</summary>
    public sealed record Form(string? Programme, IReadOnlyList<ActionForm>? Actions);

    /// <summary>One action as read: a typed action, or the field errors that refuse it.</summary>
    public sealed record Item(int Index, string EventId, string Source, string User, Behaviour Behaviour, DateTimeOffset OccurredAt,
        ActionMeasure Measure, IReadOnlyList<FieldError> Errors);

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
            ? new RecordActions(programme!, [.. actions.Select(ReadItem)])
            : null;
        errors = read.Errors;
        return command is not null;
    }

    private static Item ReadItem(ActionForm? a, int index)
    {
        var read = new FieldReader();
        a ??= new ActionForm(null, null, null, null, null);
        var prefix = $"actions[{index}].";
        var eventId = FieldReader.Text(a.EventId);
        var source = FieldReader.Text(a.Source);
        if (eventId.Length is 0 or > 128)
        {
            read.Fail(prefix + "eventId", "Required", "eventId: the source's id of the event, 1–128 characters");
        }
        if (source.Length is 0 or > 64)
        {
            read.Fail(prefix + "source", "Required", "source: the data source (partner, card, meter), 1–64 characters");
        }
        var behaviour = Behaviours.Find(a.Behaviour);
        if (behaviour is null)
        {
            read.Fail(prefix + "behaviour", "UnknownValue", $"behaviour is one of: {string.Join(", ", Behaviours.Codes)}");
        }
        if (!DateTimeOffset.TryParse(a.OccurredAt?.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            || a.OccurredAt!.Trim().Length < 19)
        {
            read.Fail(prefix + "occurredAt", "Time", "occurredAt is a time such as 2026-11-30T08:15:00+08:00");
        }
        if (a.Quantity is { } exact && decimal.Round(exact, 3) != exact)
        {
            read.Fail(prefix + "quantity", "Precision", "quantity has at most 3 decimals (1 m, 1 Wh)");
        }
        else if (a.Quantity is not { } q || q < 0)
        {
            read.Fail(prefix + "quantity", "Required", "quantity is a number ≥ 0 in the behaviour's unit (km, steps, kWh, count)");
        }
        else if (behaviour is { } b && q > InclusionLimits.MaxQuantity(b))
        {
            read.Fail(prefix + "quantity", "ImpossibleQuantity", $"{Behaviours.CodeOf(b)}: at most {InclusionLimits.MaxQuantity(b).ToString(CultureInfo.InvariantCulture)} {Behaviours.UnitOf(b)} in one action");
        }
        if (a.Minutes is < 0 or > 1440)
        {
            read.Fail(prefix + "minutes", "Range", "minutes is 0–1440");
        }
        else if (behaviour is { } rb && InclusionLimits.MaxSpeed(rb) is { } max && a.Minutes is > 0 && a.Quantity is > 0
            && a.Quantity.Value / (a.Minutes.Value / 60m) > max)
        {
            read.Fail(prefix + "minutes", "ImpossibleSpeed", $"{Behaviours.CodeOf(rb)}: faster than {max.ToString(CultureInfo.InvariantCulture)} km/h on average");
        }
        if (a.OwnAverage is < 0 or > 200)
        {
            read.Fail(prefix + "ownAverage", "Range", "ownAverage is 0–200 kWh");
        }
        return new Item(index, eventId, source, FieldReader.Text(a.User), behaviour ?? default, at,
            new ActionMeasure(a.Quantity ?? 0, a.Minutes, a.OwnAverage), read.Errors);
    }

    /// <inheritdoc/>
    public async Task<InclusionCommandOutcome> ExecuteAsync(InclusionWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.Actor.Role != Role.DataPartner)
        {
            return await RecordAsync(work).ConfigureAwait(false);
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

    private async Task<InclusionCommandOutcome> RecordAsync(InclusionWork work)
    {
        var results = new ActionResult[Items.Count];
        var users = new Dictionary<string, long>(StringComparer.Ordinal);
        var consented = new Dictionary<long, bool>();
        var byUser = new Dictionary<long, List<Item>>();
        foreach (var item in Items)
        {
            if (item.Errors.Count > 0)
            {
                results[item.Index] = Refuse(item, item.Errors[0].Rule, string.Join("; ", item.Errors.Select(e => e.Message)));
                continue;
            }
            if (item.OccurredAt > work.Now + InclusionLimits.FutureSkew)
            {
                results[item.Index] = Refuse(item, "FromTheFuture", "the event is stamped in the future");
                continue;
            }
            if (item.OccurredAt < work.Now - InclusionLimits.MaxAge)
            {
                results[item.Index] = Refuse(item, "TooOld", $"events older than {InclusionLimits.MaxAge.TotalDays} days are not counted");
                continue;
            }
            var userId = await UserAsync(work, item.User, users).ConfigureAwait(false);
            if (userId is not { } id)
            {
                results[item.Index] = Refuse(item, work.Actor.Role == Role.Citizen ? "NotYourself" : "UnknownCitizen",
                    work.Actor.Role == Role.Citizen ? "a citizen records only their own actions" : $"{item.User} is not a citizen");
                continue;
            }
            if (!await ConsentedAsync(work, id, consented).ConfigureAwait(false))
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
        foreach (var (userId, items) in byUser)
        {
            await RecordForUserAsync(work, userId, items, results).ConfigureAwait(false);
        }
        var recorded = new RecordedActions(results);
        await work.JournalAsync("actions.recorded", byUser.Count == 1 ? users.Keys.FirstOrDefault() ?? work.Actor.UserName : $"{Programme} ×{byUser.Count}", new
        {
            programme = Programme,
            citizens = byUser.Count,
            counted = recorded.Counted,
            duplicates = recorded.Duplicates,
            refused = recorded.Refused,
            reductionGrams = recorded.Reduction.Grams,
            coins = recorded.Coins,
        }).ConfigureAwait(false);
        return new InclusionCommandOutcome.Completed(recorded);
    }

    private static ActionResult Refuse(Item item, string rule, string message) =>
        new(item.Index, item.EventId, ActionStatus.Refused, rule, message, CarbonGrams.Zero, 0, 0);

    private static async Task<bool> ConsentedAsync(InclusionWork work, long userId, Dictionary<long, bool> cache)
    {
        if (!cache.TryGetValue(userId, out var ok))
        {
            cache[userId] = ok = CitizenPrivacy.PermitsProcessing(await work.Session.Inclusion.CitizenAsync(userId).ConfigureAwait(false),
                ConsentNotice.Current);
        }
        return ok;
    }

    private static async Task<long?> UserAsync(InclusionWork work, string name, Dictionary<string, long> cache)
    {
        if (work.Actor.Role == Role.Citizen)
        {
            if (name.Length > 0 && !string.Equals(name, work.Actor.UserName, StringComparison.Ordinal))
            {
                return null;
            }
            cache.TryAdd(work.Actor.UserName, work.Actor.UserId);
            return work.Actor.UserId;
        }
        if (cache.TryGetValue(name, out var id))
        {
            return id;
        }
        var user = name.Length == 0 ? null : await work.Session.Users.FindByNameAsync(name).ConfigureAwait(false);
        if (user is null || user.Role != Role.Citizen)
        {
            return null;
        }
        cache[name] = user.Id;
        return user.Id;
    }

    private async Task RecordForUserAsync(InclusionWork work, long userId, List<Item> items, ActionResult[] results)
    {
        var data = work.Session.Inclusion;
        var days = items.Select(i => InclusionTime.DayOf(i.OccurredAt)).ToList();
        var from = new DateOnly(days.Min().Year, days.Min().Month, 1);
        var last = days.Max();
        var to = new DateOnly(last.Year, last.Month, 1).AddMonths(1).AddDays(-1);
        var daily = await data.DailyAsync(userId, Programme, from, to).ConfigureAwait(false);
        var usage = new UsageLedger(daily.Select(d => d.Usage));
        var ledger = new CoinLedger(await data.LotsAsync(userId, Programme, from).ConfigureAwait(false));
        var wallet = await data.WalletAsync(userId, Programme).ConfigureAwait(false)
            ?? new InclusionWallet(userId, Programme, 0, 0, 0, CarbonGrams.Zero, 0);
        var lapsed = ledger.Expire(work.Today);
        var added = new Dictionary<(DateOnly, Behaviour, string), DailyRollup>();
        var touched = new HashSet<DateOnly>(ledger.Lots.Where(l => l.Remaining == 0).Select(l => l.Earned));
        var (credited, reduction, actions) = (0L, CarbonGrams.Zero, 0L);
        for (var k = 0; k < items.Count; k++)
        {
            var item = items[k];
            var day = days[k];
            var programme = work.Programmes.InForce(Programme, day);
            if (programme is null)
            {
                results[item.Index] = Refuse(item, "ProgrammeNotInForce", $"{Programme} has no rules in force on {day:yyyy-MM-dd}");
                continue;
            }
            var reward = Reward.Evaluate(programme, item.Behaviour, item.Source, day, item.Measure, usage);
            var stored = new InclusionEvent(item.Source, item.EventId, userId, Programme, item.Behaviour, item.OccurredAt, day,
                item.Measure.Quantity, item.Measure.Minutes, reward.Reduction, reward.Coins, reward.Refusal);
            if (!await data.InsertEventAsync(stored).ConfigureAwait(false))
            {
                results[item.Index] = new ActionResult(item.Index, item.EventId, ActionStatus.Duplicate, "DuplicateEvent",
                    $"{item.Source} already sent event {item.EventId}", CarbonGrams.Zero, 0, 0);
                continue;
            }
            if (!reward.Counted)
            {
                results[item.Index] = Refuse(item, reward.Refusal!, reward.Refusal == "ActionCap"
                    ? $"a cap on {Behaviours.CodeOf(item.Behaviour)} actions is reached for this period"
                    : $"{programme.Id} does not reward {Behaviours.CodeOf(item.Behaviour)}");
                continue;
            }
            usage.Add(day, item.Behaviour, item.Source, 1, reward.Coins);
            var key = (day, item.Behaviour, item.Source);
            added[key] = added.TryGetValue(key, out var row)
                ? row with { Actions = row.Actions + 1, Reduction = row.Reduction + reward.Reduction, Coins = row.Coins + reward.Coins }
                : new DailyRollup(day, item.Behaviour, item.Source, 1, reward.Reduction, reward.Coins);
            if (reward.Coins > 0)
            {
                ledger.Credit(day, reward.Coins, programme.Timing);
                touched.Add(day);
            }
            credited += reward.Coins;
            reduction += reward.Reduction;
            actions++;
            results[item.Index] = new ActionResult(item.Index, item.EventId, ActionStatus.Counted, null, null, reward.Reduction, reward.Coins,
                reward.CoinsCut);
        }
        foreach (var row in added.Values)
        {
            await data.AddDailyAsync(userId, Programme, row).ConfigureAwait(false);
        }
        await data.SaveLotsAsync(userId, Programme, ledger.Lots.Where(l => touched.Contains(l.Earned))).ConfigureAwait(false);
        if (actions > 0 || lapsed > 0)
        {
            await data.SaveWalletAsync(wallet with
            {
                Credited = wallet.Credited + credited,
                Expired = wallet.Expired + lapsed,
                Reduction = wallet.Reduction + reduction,
                Actions = wallet.Actions + actions,
            }).ConfigureAwait(false);
        }
    }
}
