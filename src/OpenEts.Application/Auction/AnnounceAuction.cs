using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OpenEts.Application.Cash;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Allocation.Auction;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Auction;

/// <summary>
/// The regulator announces an allowance auction (有偿发放公告): the unit class and volume offered, when bids are taken,
/// and the market figures of the months before the notice, from which the plan's rule computes the reserve price. The
/// platform has no exchange market data yet, so the regulator gives those figures (and they are stored and shown with
/// the auction).
/// </summary>
public sealed record AnnounceAuction(
    string Jurisdiction, int Year, UnitClass Class, long VolumeTonnes, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
    IReadOnlyList<ReservePriceInput> ReserveInputs, IdempotencyKey Key) : ICashCommand
{
    /// <summary>One month's market figures as typed: <c>month</c> as yyyy-MM; a price, or a turnover and a volume.</summary>
    public sealed record MonthForm(string? Month, decimal? Price, decimal? Turnover, long? Volume);

    /// <summary>The request as typed; times as ISO 8601 with an offset (e.g. <c>2017-03-27T09:00:00+08:00</c>).</summary>
    public sealed record Form(
        string? Jurisdiction, int? Year, string? Class, long? Volume, string? OpensAt, string? ClosesAt,
        IReadOnlyList<MonthForm>? ReserveInputs, string? IdempotencyKey);

    /// <summary>The rules it runs under, set by <see cref="AuctionService"/> from the plan before it runs.</summary>
    public AuctionRules? Rules { get; init; }

    /// <summary>
    /// What the registry's issuance account holds of <see cref="Class"/> when announced, set by <see cref="AuctionService"/>
    /// (null: not read, as by a caller without the registry): the auction's winners are allocated from it.
    /// </summary>
    public long? Available { get; init; }

    /// <summary>
    /// The jurisdictions plans are of, set by <see cref="AuctionService"/> when no rules were found: a jurisdiction none is
    /// of (the registry code <c>GD</c> for <c>guangdong</c>) is named as such rather than as a year without an approved plan.
    /// </summary>
    public IReadOnlyList<string> PlanJurisdictions { get; init; } = [];

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => AuctionRoles.Regulator;

    public static bool TryParse(Form form, [NotNullWhen(true)] out AnnounceAuction? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var jurisdiction = FieldReader.Text(form.Jurisdiction).ToLowerInvariant();
        if (jurisdiction.Length is 0 or > 16)
        {
            read.Fail("jurisdiction", "Required", "jurisdiction: the plan's code, such as guangdong or national");
        }
        var year = read.Year(form.Year, "year");
        var unitClass = read.Class(form.Class);
        var volume = read.Quantity(form.Volume, "volume");
        var opens = Time(read, form.OpensAt, "opensAt");
        var closes = Time(read, form.ClosesAt, "closesAt");
        if (read.IsValid && closes <= opens)
        {
            read.Fail("closesAt", "Range", "closesAt must be after opensAt");
        }
        var inputs = new List<ReservePriceInput>();
        var months = form.ReserveInputs ?? [];
        for (var i = 0; i < months.Count; i++)
        {
            var m = months[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"reserveInputs[{i}]");
            if (!DateOnly.TryParseExact(m.Month?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            {
                read.Fail(at + ".month", "Month", $"{at}.month must be a month as yyyy-MM");
            }
            if (m.Price is < 0 || m.Turnover is < 0 || m.Volume is < 0)
            {
                read.Fail(at, "Range", $"{at}: prices, turnover and volume are never negative");
            }
            inputs.Add(new ReservePriceInput(month, m.Price ?? 0m, m.Turnover ?? 0m, m.Volume ?? 0));
        }
        var key = read.Key(form.IdempotencyKey);
        command = read.IsValid ? new AnnounceAuction(jurisdiction, year, unitClass, volume.Value, opens, closes, inputs, key) : null;
        errors = read.Errors;
        return command is not null;
    }

    private static DateTimeOffset Time(FieldReader read, string? text, string field)
    {
        if (DateTimeOffset.TryParse(text?.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return at;
        }
        read.Fail(field, "DateTime", $"{field} must be a time as ISO 8601 with its offset, e.g. 2017-03-27T09:00:00+08:00");
        return default;
    }

    /// <inheritdoc/>
    public async Task<CashCommandOutcome> RunAsync(CashWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Rules is null && PlanJurisdictions.Count > 0 && !PlanJurisdictions.Contains(Jurisdiction, StringComparer.OrdinalIgnoreCase))
        {
            return CashCommandOutcome.Refused.Of("UnknownJurisdiction", "jurisdiction",
                $"no allocation plan is for '{Jurisdiction}': the plans' jurisdictions are {string.Join(", ", PlanJurisdictions)}", RefusalKind.Malformed);
        }
        if (Rules is null)
        {
            return new CashCommandOutcome.Refused("NoAuctionRules", "jurisdiction",
                $"no approved plan gives auction rules for {Jurisdiction} {Year}", RefusalKind.Conflict);
        }
        if (Class.Type != UnitType.Allowance || Class.Vintage != Year)
        {
            return new CashCommandOutcome.Refused("AuctionClass", "class",
                $"an allowance auction of {Year} offers {Year}'s allowances (such as GDEA-{Year}), not {Class}", RefusalKind.Malformed);
        }
        var rule = Rules.ReservePrice;
        if (rule.Kind != ReservePriceRule.FixedPrice && ReserveInputs.Count != rule.Months)
        {
            // The commonest slip, named with its figures (the rule's general refusal below speaks of the rule only).
            return CashCommandOutcome.Refused.Of("ReserveMonths", "reserveInputs",
                $"the plan's reserve rule averages {rule.Months} months before the notice; {ReserveInputs.Count} were given", RefusalKind.Malformed);
        }
        var notice = BeijingTime.TradingDay(work.Now);
        if (rule.Kind != ReservePriceRule.FixedPrice && !rule.CoversMonthsBefore(notice, ReserveInputs))
        {
            // The rule averages the calendar months before the notice (GD §1.4a, §1.6), not any months the form was given.
            var months = rule.MonthsBefore(notice);
            var given = string.Join(", ", ReserveInputs.Select(i => i.Month).Order().Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
            return CashCommandOutcome.Refused.Of("ReserveMonthsBeforeNotice", "reserveInputs",
                $"the plan's reserve rule averages the {rule.Months} calendar months before the notice ({months[0]:yyyy-MM} to {months[^1]:yyyy-MM}); the months given were {given}",
                RefusalKind.Malformed);
        }
        if (!rule.TryCompute(ReserveInputs, out var reserve, out var reason))
        {
            return new CashCommandOutcome.Refused("ReservePrice", "reserveInputs", reason!, RefusalKind.Malformed) { Figures = [reason!] };
        }
        if (await work.Session.Auctions.FindAuctionAsync(Key.Value).ConfigureAwait(false) is { } earlier)
        {
            return earlier.Class == Class && earlier.VolumeTonnes == VolumeTonnes && earlier.OpensAt == OpensAt
                ? new CashCommandOutcome.Completed("auction.announced", earlier.Id, Duplicate: true)
                : new CashCommandOutcome.Refused(nameof(CashRejection.KeyReused), "idempotencyKey",
                    $"the idempotency key '{Key.Value}' was used for a different auction", RefusalKind.Conflict);
        }
        if (Available is { } held)
        {
            // The winners are allocated from the issuance account at the close: more than it holds, less what the auctions
            // still open offer of it (a second auction of the same tonnes), could never be delivered.
            var offered = await AuctionQueries.OfferedAsync(work.Session, Class).ConfigureAwait(false);
            if (VolumeTonnes > held - offered)
            {
                return CashCommandOutcome.Refused.Of("AuctionVolume", "volume",
                    $"the issuance account holds {held:N0} t of {Class}, {offered:N0} t of it offered by auctions still open: an auction of {VolumeTonnes:N0} t could not be delivered",
                    RefusalKind.Conflict);
            }
        }
        var auction = await work.Session.Auctions.InsertAuctionAsync(new AuctionRecord(
            0, Jurisdiction, Year, Class, VolumeTonnes, OpensAt, ClosesAt, Yuan.From(reserve), Rules, ReserveInputs,
            AuctionStatus.Open, work.Now, work.Actor.UserName) { Key = Key.Value }).ConfigureAwait(false);
        await work.Session.Journal.AppendAsync(work.Now, work.Actor.UserName, "auction.announced", AuctionService.Subject(auction.Id),
            Json.Serialize(new
            {
                auction = auction.Id, jurisdiction = Jurisdiction, year = Year, @class = Class.ToString(), volume = VolumeTonnes,
                opensAt = OpensAt, closesAt = ClosesAt, reserve, rule = Rules.ReservePrice.Kind, inputs = ReserveInputs,
                key = Key.Value,
            })).ConfigureAwait(false);
        return new CashCommandOutcome.Completed("auction.announced", auction.Id, Duplicate: false);
    }
}
