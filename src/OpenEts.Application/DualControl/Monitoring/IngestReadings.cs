using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Unicode;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.DualControl.Monitoring;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>
/// Receives a batch of meter readings (and optionally monthly figures) from a key energy user's access system (接入端),
/// hourly or daily. All or nothing: one bad row refuses the whole batch, naming every bad row (up to
/// <see cref="MonitoringLimits.MaxErrorsListed"/>) with its field and rule. Idempotent twice over: a batch sent again
/// under the same batch id with the same content changes nothing and says so (<see cref="IngestResult.Resent"/>); a
/// reading the platform already holds for the same meter and slot with the same value is counted as held, not again,
/// while a different value for it is refused (ReadingChanged). A company sends only for its own units' meters; the
/// regulator for any. Readings are stored in bulk and added to per-meter daily rollups in the same transaction.
/// </summary>
public sealed record IngestReadings(string BatchId, IReadOnlyList<IngestReadings.Reading> Readings, IReadOnlyList<IngestReadings.Monthly> MonthlyFigures)
    : IMonitoringCommand
{
    /// <summary>One reading as typed: the sender's reading id, the meter point's code, its time (ISO 8601 with offset), the energy used.</summary>
    public sealed record ReadingForm(string? ReadingId, string? Meter, string? At, decimal? Value);

    /// <summary>One monthly figure as typed: the meter point's code, the month (yyyy-MM), the energy used, its timestamp.</summary>
    public sealed record MonthlyForm(string? Meter, string? Month, decimal? Value, string? At);

    /// <summary>The batch as typed.</summary>
    public sealed record Form(string? BatchId, IReadOnlyList<ReadingForm>? Readings, IReadOnlyList<MonthlyForm>? Monthly = null);

    /// <summary>
    /// One reading as read (<paramref name="Row"/> is its index in the batch, from 0; messages number rows from 1, as a
    /// sender counts them and as the field's label does: readings[0] is row 1).
    /// </summary>
    public readonly record struct Reading(int Row, string ReadingId, string Meter, DateTimeOffset At, MeterQuantity Value);

    /// <summary>One monthly figure as read.</summary>
    public readonly record struct Monthly(int Row, string Meter, DateOnly Month, MeterQuantity Value, DateTimeOffset At);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => MonitoringRoles.Senders;

    /// <summary>Reads the batch; any bad field of any row refuses it whole, every bad row named (up to the listing limit).</summary>
    public static bool TryParse(Form form, [NotNullWhen(true)] out IngestReadings? command, out IReadOnlyList<FieldError> errors) =>
        TryParse(form, null, out command, out errors);

    /// <summary>
    /// Reads the batch as of <paramref name="now"/>: a reading stamped in the future is named with the other bad rows,
    /// rather than only once they are fixed (the handler checks it again at its own time).
    /// </summary>
    public static bool TryParse(Form form, DateTimeOffset? now, [NotNullWhen(true)] out IngestReadings? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var batchId = FieldReader.Text(form.BatchId);
        if (batchId.Length is 0 or > 128)
        {
            read.Fail("batchId", "Required", "batchId: the sender's id of the batch, 1–128 characters (a resent batch keeps its id)");
        }
        var readingForms = form.Readings ?? [];
        var monthlyForms = form.Monthly ?? [];
        var sized = readingForms.Count + monthlyForms.Count is > 0 and <= MonitoringLimits.MaxBatch;
        if (!sized)
        {
            read.Fail("readings", "BatchSize", $"a batch holds 1 to {MonitoringLimits.MaxBatch} readings and monthly figures");
        }
        var readings = new Reading[sized ? readingForms.Count : 0];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < readings.Length; i++)
        {
            var r = readingForms[i] ?? new ReadingForm(null, null, null, null);
            var prefix = $"readings[{i}].";
            var id = FieldReader.Text(r.ReadingId);
            if (id.Length is 0 or > 64)
            {
                read.Fail(prefix + "readingId", "Required", $"row {i + 1}: readingId is the access system's id of the reading, 1–64 characters");
            }
            else if (!ids.Add(id))
            {
                read.Fail(prefix + "readingId", "Duplicate", $"row {i + 1}: readingId {id} appears twice in the batch");
            }
            var meter = FieldReader.Text(r.Meter);
            if (meter.Length is 0 or > 64)
            {
                read.Fail(prefix + "meter", "Required", $"row {i + 1}: meter is the meter point's code, 1–64 characters");
            }
            if (!FieldReader.TryTime(r.At, out var at))
            {
                read.Fail(prefix + "at", "Time", $"row {i + 1}: at is a time with its offset, such as 2026-11-30T08:00:00+08:00");
            }
            else if (IsFuture(at, now))
            {
                read.Fail(prefix + "at", "FromTheFuture", FutureMessage(i, at));
            }
            var value = MeterQuantity.Zero;
            if (r.Value is not { } v)
            {
                read.Fail(prefix + "value", "Required", $"row {i + 1}: value is the energy used in the interval, in the meter's unit");
            }
            else if (!MeterQuantity.TryCreate(v, out value, out var reason))
            {
                read.Fail(prefix + "value", "Range", $"row {i + 1}: {reason}");
            }
            else if (v > MonitoringLimits.MaxReading)
            {
                read.FailOf(prefix + "value", "ImplausibleReading",
                    $"row {i + 1}: {v} is more than {MonitoringLimits.MaxReading:N0}, the most one meter reads in an hour or a day in any unit");
            }
            readings[i] = new Reading(i, id, meter, at, value);
        }
        var monthly = new Monthly[sized ? monthlyForms.Count : 0];
        for (var i = 0; i < monthly.Length; i++)
        {
            var m = monthlyForms[i] ?? new MonthlyForm(null, null, null, null);
            var prefix = $"monthly[{i}].";
            var meter = FieldReader.Text(m.Meter);
            if (meter.Length is 0 or > 64)
            {
                read.Fail(prefix + "meter", "Required", $"monthly row {i + 1}: meter is the meter point's code, 1–64 characters");
            }
            var month = read.Month(m.Month, prefix + "month");
            if (!FieldReader.TryTime(m.At, out var at))
            {
                read.Fail(prefix + "at", "Time", $"monthly row {i + 1}: at is the figure's timestamp with its offset, such as 2026-12-01T00:00:00+08:00");
            }
            var value = MeterQuantity.Zero;
            if (m.Value is not { } v || !MeterQuantity.TryCreate(v, out value, out _))
            {
                read.Fail(prefix + "value", "Range", $"monthly row {i + 1}: value is the month's energy use, ≥ 0, exact to 0.001");
            }
            else if (v > MonitoringLimits.MaxMonthly)
            {
                read.FailOf(prefix + "value", "ImplausibleReading",
                    $"monthly row {i + 1}: {v} is more than {MonitoringLimits.MaxMonthly:N0}, the most one meter reads in a month in any unit");
            }
            monthly[i] = new Monthly(i, meter, month, value, at);
        }
        errors = Capped(read.Errors);
        command = read.IsValid ? new IngestReadings(batchId, readings, monthly) : null;
        return command is not null;
    }

    private static bool IsFuture(DateTimeOffset at, DateTimeOffset? now) => now is { } n && at > n + MonitoringLimits.FutureSkew;

    private static string FutureMessage(int row, DateTimeOffset at) => string.Create(CultureInfo.InvariantCulture, $"row {row + 1}: {at:O} is in the future");

    /// <inheritdoc/>
    public async Task<MonitoringCommandOutcome> ExecuteAsync(MonitoringWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var sender = work.Actor.Role == Role.Regulator ? 0 : work.Actor.OrganisationId ?? -1;
        Prepare();
        var (_, _, hash, byMeter) = _prepared!;
        if (await work.Data.FindBatchAsync(sender, BatchId).ConfigureAwait(false) is { } earlier)
        {
            return earlier.ContentHash == hash
                ? new MonitoringCommandOutcome.Completed(new IngestResult(BatchId, earlier.Readings, 0, earlier.MonthlyFigures, 0, true, earlier.ReceivedAt))
                : new MonitoringCommandOutcome.Refused("KeyReused", "batchId",
                    $"batch {BatchId} was received at {earlier.ReceivedAt:yyyy-MM-dd HH:mm:ss}Z with other content; send changed data under a new batch id",
                    RefusalKind.Conflict);
        }
        var meters = new Dictionary<string, MeterPoint>(StringComparer.Ordinal);
        var rowErrors = new List<FieldError>();
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        var found = await work.MetersAsync([.. Readings.Select(r => r.Meter).Concat(MonthlyFigures.Select(m => m.Meter)).ToHashSet(StringComparer.Ordinal)])
            .ConfigureAwait(false);
        foreach (var (code, row, monthly) in Readings.Select(r => (r.Meter, r.Row, false)).Concat(MonthlyFigures.Select(m => (m.Meter, m.Row, true))))
        {
            if (meters.ContainsKey(code) || unknown.Contains(code))
            {
                continue;
            }
            var field = monthly ? $"monthly[{row}].meter" : $"readings[{row}].meter";
            switch (work.Refusal(code, field, found.GetValueOrDefault(code)))
            {
                case { Kind: RefusalKind.Forbidden } forbidden:
                    return forbidden;
                case { } r:
                    unknown.Add(code);
                    rowErrors.Add(new FieldError(field, r.Rule, r.Message));
                    continue;
            }
            meters[code] = found[code].Meter;
        }
        if (rowErrors.Count > 0)
        {
            return new MonitoringCommandOutcome.Invalid(Capped(rowErrors));
        }
        var slots = new Dictionary<(long Meter, long Slot), Reading>();
        var fresh = new List<(Reading Reading, MeterPoint Meter, ReadingSlot Slot)>(Readings.Count);
        // Meter by meter in id order, each meter's readings in the batch's order, so the stored rows need no sort when the
        // sender sent each meter's readings in time order (as access systems do).
        var groups = byMeter.Select(g =>
        {
            var meter = meters[g.Meter];
            var placed = new (Reading Reading, ReadingSlot Slot)[g.Readings.Count];
            for (var i = 0; i < placed.Length; i++)
            {
                placed[i] = (g.Readings[i], ReadingSlot.Of(g.Readings[i].At, meter.Cadence));
            }
            return (Meter: meter, Placed: placed);
        }).OrderBy(g => g.Meter.Id).ToList();
        // The readings already held in each meter's span of slots, read once for the whole batch.
        var heldValues = (await work.Data.ReadingsAsync([.. groups.Select(g => new ReadingRange(g.Meter.Id,
                g.Placed.Min(p => p.Slot.Slot.ToUnixTimeSeconds()), g.Placed.Max(p => p.Slot.Slot.ToUnixTimeSeconds())))]).ConfigureAwait(false))
            .ToDictionary(h => (h.MeterId, h.SlotSeconds), h => h.ValueMilli);
        foreach (var (meter, placed) in groups)
        {
            foreach (var (r, slot) in placed)
            {
                var key = (meter.Id, slot.Slot.ToUnixTimeSeconds());
                if (IsFuture(r.At, work.Now))
                {
                    rowErrors.Add(new FieldError($"readings[{r.Row}].at", "FromTheFuture", FutureMessage(r.Row, r.At)));
                }
                else if (QualityRules.BeijingDay(slot.Slot) < meter.MonitoredFrom)
                {
                    // Kept, it would fill a day the meter was not monitored on, which completeness and the dashboards skip.
                    rowErrors.Add(FieldError.Of($"readings[{r.Row}].at", "BeforeMonitoring",
                        $"row {r.Row + 1}: meter {meter.Code} is monitored from {meter.MonitoredFrom:yyyy-MM-dd}; a reading for {QualityRules.BeijingDay(slot.Slot):yyyy-MM-dd} is before it"));
                }
                else if (slots.TryGetValue(key, out var twin))
                {
                    rowErrors.Add(new FieldError($"readings[{r.Row}].at", "Duplicate",
                        $"row {r.Row + 1}: meter {meter.Code} has row {twin.Row + 1} for the same slot {slot.Slot:O} in this batch"));
                }
                else if (heldValues.TryGetValue(key, out var heldMilli))
                {
                    slots[key] = r;
                    if (heldMilli != r.Value.Milli)
                    {
                        rowErrors.Add(new FieldError($"readings[{r.Row}].value", "ReadingChanged",
                            $"row {r.Row + 1}: meter {meter.Code} at {slot.Slot:O} holds {MeterQuantity.FromMilli(heldMilli)} already, not {r.Value}; corrections are not taken by resending"));
                    }
                }
                else
                {
                    slots[key] = r;
                    fresh.Add((r, meter, slot));
                }
            }
        }
        var freshMonthly = new List<MonthlyFigure>();
        var monthKeys = new HashSet<(long, DateOnly)>();
        foreach (var m in MonthlyFigures)
        {
            var meter = meters[m.Meter];
            if (m.Month < new DateOnly(meter.MonitoredFrom.Year, meter.MonitoredFrom.Month, 1))
            {
                rowErrors.Add(FieldError.Of($"monthly[{m.Row}].month", "BeforeMonitoring",
                    $"monthly row {m.Row + 1}: meter {meter.Code} is monitored from {meter.MonitoredFrom:yyyy-MM-dd}; a figure for {m.Month:yyyy-MM} is before it"));
                continue;
            }
            if (!monthKeys.Add((meter.Id, m.Month)))
            {
                rowErrors.Add(new FieldError($"monthly[{m.Row}].month", "Duplicate", $"monthly row {m.Row + 1}: meter {meter.Code} has {m.Month:yyyy-MM} twice in this batch"));
                continue;
            }
            var held = await work.Data.FindMonthlyAsync(meter.Id, m.Month).ConfigureAwait(false);
            if (held is null)
            {
                freshMonthly.Add(new MonthlyFigure(meter.Id, m.Month, m.Value, m.At, ReadingSlot.MonthlyIsOnTime(m.At, m.Month)));
            }
            else if (held.Value != m.Value)
            {
                rowErrors.Add(new FieldError($"monthly[{m.Row}].value", "ReadingChanged",
                    $"monthly row {m.Row + 1}: meter {meter.Code} holds {held.Value} for {m.Month:yyyy-MM} already, not {m.Value}"));
            }
        }
        if (rowErrors.Count > 0)
        {
            var first = rowErrors[0];
            return rowErrors.All(e => e.Rule == "ReadingChanged")
                ? new MonitoringCommandOutcome.Refused("ReadingChanged", first.Field, Summary(rowErrors), RefusalKind.Conflict)
                : new MonitoringCommandOutcome.Invalid(Capped(rowErrors));
        }
        var (stored, days) = Store(fresh);
        if (stored.Count > 0)
        {
            await work.Data.InsertReadingsAsync(stored, days).ConfigureAwait(false);
        }
        foreach (var figure in freshMonthly)
        {
            await work.Data.InsertMonthlyAsync(figure).ConfigureAwait(false);
        }
        var batch = new ReadingBatch(sender, BatchId, hash, Readings.Count, MonthlyFigures.Count, stored.Count, freshMonthly.Count, work.Now, work.Actor.UserName);
        await work.Data.InsertBatchAsync(batch).ConfigureAwait(false);
        await work.JournalAsync("readings.received", "meter-batch:" + BatchId, new
        {
            batchId = BatchId,
            sender,
            readings = Readings.Count,
            newReadings = stored.Count,
            monthlyFigures = MonthlyFigures.Count,
            newMonthlyFigures = freshMonthly.Count,
            meters = meters.Keys.Order(StringComparer.Ordinal).ToList(),
            sha256 = hash,
        }).ConfigureAwait(false);
        return new MonitoringCommandOutcome.Completed(new IngestResult(BatchId, Readings.Count, stored.Count, MonthlyFigures.Count, freshMonthly.Count, false, work.Now));
    }

    private static (List<StoredReading> Readings, List<MeterDay> Days) Store(List<(Reading Reading, MeterPoint Meter, ReadingSlot Slot)> fresh)
    {
        var stored = new List<StoredReading>(fresh.Count);
        var days = new Dictionary<(long, int), MeterDay>();
        // Fresh rows come meter by meter in id order; only a meter whose readings came out of time order needs a sort.
        for (var i = 1; i < fresh.Count; i++)
        {
            if (fresh[i].Meter.Id == fresh[i - 1].Meter.Id && fresh[i].Slot.Slot < fresh[i - 1].Slot.Slot)
            {
                fresh = [.. fresh.OrderBy(f => f.Meter.Id).ThenBy(f => f.Slot.Slot)];
                break;
            }
        }
        foreach (var (r, meter, slot) in fresh)
        {
            stored.Add(new StoredReading(meter.Id, slot.Slot.ToUnixTimeSeconds(), r.Value.Milli, (int)slot.Offset.TotalSeconds));
            var day = QualityRules.BeijingDay(slot.Slot);
            var key = (meter.Id, day.DayNumber);
            var sum = days.TryGetValue(key, out var d) ? d : new MeterDay(meter.Id, day.DayNumber, MonitoringFields.MonthKey(day), 0, 0, 0);
            days[key] = sum with
            {
                Received = sum.Received + 1,
                OffTime = sum.OffTime + (slot.IsOnTime ? 0 : 1),
                TotalMilli = checked(sum.TotalMilli + r.Value.Milli),
            };
        }
        return (stored, [.. days.Values]);
    }

    /// <summary>Hashes the batch and groups its readings by meter code, once, before the handler's write transaction.</summary>
    public void Prepare()
    {
        // A copy made with `with` keeps the field: it is reused only for the very lists it was made from.
        if (_prepared is null || !ReferenceEquals(_prepared.Readings, Readings) || !ReferenceEquals(_prepared.Monthly, MonthlyFigures))
        {
            _prepared = new(Readings, MonthlyFigures, ContentHash(),
                [.. Readings.GroupBy(r => r.Meter, StringComparer.Ordinal).Select(g => (g.Key, (IReadOnlyList<Reading>)[.. g]))]);
        }
    }

    // The batch's content hash and its readings by meter code (each in the batch's order), made by Prepare.
    private Prepared? _prepared;

    private sealed record Prepared(IReadOnlyList<Reading> Readings, IReadOnlyList<Monthly> Monthly, string Hash,
        IReadOnlyList<(string Meter, IReadOnlyList<Reading> Readings)> ByMeter);

    // SHA-256 over one line per reading ("id|meter|UTC ticks|milli\n") and per monthly figure ("M|meter|day number|milli|UTC
    // ticks\n"), UTF-8, formatted straight into a buffer that is hashed 64 KiB at a time.
    private string ContentHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        var used = 0;
        for (var i = 0; i < Readings.Count + MonthlyFigures.Count; i++)
        {
            int written;
            while (!TryLine(i, buffer.AsSpan(used), out written))
            {
                if (used == 0)
                {
                    throw new InvalidOperationException($"line {i} of batch {BatchId} is longer than the hash buffer");
                }
                hash.AppendData(buffer, 0, used);
                used = 0;
            }
            used += written;
        }
        hash.AppendData(buffer, 0, used);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private bool TryLine(int i, Span<byte> into, out int written)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (i < Readings.Count)
        {
            var r = Readings[i];
            return Utf8.TryWrite(into, invariant, $"{r.ReadingId}|{r.Meter}|{r.At.UtcTicks}|{r.Value.Milli}\n", out written);
        }
        var m = MonthlyFigures[i - Readings.Count];
        return Utf8.TryWrite(into, invariant, $"M|{m.Meter}|{m.Month.DayNumber}|{m.Value.Milli}|{m.At.UtcTicks}\n", out written);
    }

    private static string Summary(List<FieldError> errors) =>
        string.Join("; ", errors.Take(5).Select(e => e.Message)) + (errors.Count > 5 ? $"; and {errors.Count - 5} more" : "");

    private static IReadOnlyList<FieldError> Capped(IReadOnlyList<FieldError> errors) =>
        errors.Count <= MonitoringLimits.MaxErrorsListed
            ? errors
            : [.. errors.Take(MonitoringLimits.MaxErrorsListed),
                new FieldError("readings", "BatchSize", $"and {errors.Count - MonitoringLimits.MaxErrorsListed} more bad rows; the batch is refused whole")];
}
