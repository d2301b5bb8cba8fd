using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Exchange;

/// <summary>
/// The exchange operator lists an instrument (上市): its code, the registry unit class it trades, the reference price,
/// tick, lot, maximum order, band and trading calendar. Its book opens empty. Defaults are the national market's
/// (trading.md §5.1 [confirmed]): tick 0.01 元, lot 1 t, at most 99 999 t, ±10 %, the national hours.
/// </summary>
public sealed record ListInstrument(Instrument Instrument) : IExchangeCommand
{
    /// <summary>The journal kind of a listing; its payload is the instrument's figures and rebuilds its book on replay.</summary>
    public const string Kind = "exchange.instrument.listed";

    /// <summary>The request as typed: prices in yuan, band in percent.</summary>
    public sealed record Form(
        string? Code, string? Class, decimal? ReferencePrice, decimal? Tick, long? Lot, long? MaxOrder, decimal? BandPercent, string? Calendar);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Operator;

    public static bool TryParse(Form form, [NotNullWhen(true)] out ListInstrument? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var unitClass = read.Class(form.Class);
        var reference = Fen(read, form.ReferencePrice, "referencePrice");
        var tick = form.Tick is null ? 1 : Fen(read, form.Tick, "tick");
        var band = form.BandPercent ?? Domain.Exchange.Instrument.NationalBandBasisPoints / 100m;
        if (band < 0 || band > 100 || decimal.Round(band, 2) != band)
        {
            read.Fail("bandPercent", "Band", "bandPercent: 0 to 100 with at most two decimals");
        }
        command = null;
        if (read.IsValid)
        {
            if (Domain.Exchange.Instrument.TryCreate(FieldReader.Text(form.Code), unitClass, reference, tick, form.Lot ?? 1,
                form.MaxOrder ?? Domain.Exchange.Instrument.NationalMaxOrderTonnes, (int)(band * 100m), form.Calendar ?? TradingCalendar.National.Name,
                out var instrument, out var reason))
            {
                command = new ListInstrument(instrument);
            }
            else
            {
                // The reason starts with its field (lot: …, maxOrder: …, tick: …).
                var field = reason.Split(':', 2)[0];
                read.Fail(field is "calendar" or "referencePrice" or "tick" or "lot" or "maxOrder" ? field : "code", "Instrument", reason);
            }
        }
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<ExchangeOutcome> RunAsync(ExchangeWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (await work.OperatorRefusalAsync().ConfigureAwait(false) is { } notOperator)
        {
            return notOperator;
        }
        if (await work.Session.Exchange.FindInstrumentAsync(Instrument.Code).ConfigureAwait(false) is not null)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.AlreadyListed, "code", $"{Instrument.Code} is already listed", RefusalKind.Conflict);
        }
        if (!work.RegistryRead(l => l.IssuedClasses.Contains(Instrument.Class)))
        {
            // A book of a class the registry never issued could take no sell: nobody holds a unit of it.
            return new ExchangeOutcome.Refused(ExchangeRule.UnknownClass, "class",
                $"the registry has issued no {Instrument.Class}: an instrument trades a class once it is issued", RefusalKind.Conflict);
        }
        await work.Session.Exchange.InsertInstrumentAsync(Instrument, work.Now).ConfigureAwait(false);
        var entry = await work.Session.Journal.AppendAsync(work.Now, work.Actor.UserName, Kind, Instrument.Code, ToJson(Instrument))
            .ConfigureAwait(false);
        work.AddBook(Instrument, entry.Sequence);
        return new ExchangeOutcome.Completed(Kind, Instrument.Code, false, null, []);
    }

    /// <summary>The listing's journal payload.</summary>
    public static string ToJson(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return Json.Serialize(new Listing(instrument.Code, instrument.Class.ToString(), instrument.ReferencePriceFen, instrument.TickFen,
            instrument.LotTonnes, instrument.MaxOrderTonnes, instrument.BandBasisPoints, instrument.Calendar));
    }

    /// <summary>The instrument a listing's payload describes.</summary>
    public static Instrument FromJson(string json)
    {
        var l = JsonSerializer.Deserialize<Listing>(json, Json.Options) ?? throw new JsonException("no listing");
        return new Instrument(l.Code, UnitClass.Parse(l.Class), l.Reference, l.Tick, l.Lot, l.MaxOrder, l.BandBp, l.Calendar);
    }

    private static long Fen(FieldReader read, decimal? yuan, string field)
    {
        if (yuan is { } v && v > 0 && decimal.Round(v, 2) == v && v <= 1_000_000m)
        {
            return (long)(v * 100m);
        }
        read.Fail(field, "Price", $"{field}: yuan, positive, at most two decimals");
        return 0;
    }

    private sealed record Listing(string Code, string Class, long Reference, long Tick, long Lot, long MaxOrder, int BandBp, string Calendar);
}
