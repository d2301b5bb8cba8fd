using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

/// <summary>
/// The exchange operator switches an instrument's configurable trading rules: the T+1 resale restriction
/// (<see cref="Instrument.ResaleNextDay"/>: units bought on a Beijing trading day cannot be sold the same day;
/// trading.md §5.1 [UNCONFIRMED], off by default) and the national best-5-levels rule (<see cref="Instrument.BestFiveLevels"/>:
/// an order trades at the counterparty's price within the best 5 levels, trading.md §5.1 [confirmed], off by default). A
/// rule left out (null) keeps its setting. Journalled as <c>exchange.instrument.rules-set</c> with the instrument's rules
/// as they stand after it; the best-5 switch changes the book from the next input on (the entry rebuilds it on replay too).
/// </summary>
/// <param name="Instrument">The instrument's code.</param>
/// <param name="ResaleNextDay">On, off, or null to keep it.</param>
/// <param name="BestFiveLevels">On, off, or null to keep it.</param>
public sealed record SetTradingRules(string Instrument, bool? ResaleNextDay, bool? BestFiveLevels = null) : IExchangeCommand
{
    /// <summary>The journal kind; its payload is the instrument's rules after the change.</summary>
    public const string Kind = "exchange.instrument.rules-set";

    /// <summary>The request as typed.</summary>
    public sealed record Form(string? Instrument, bool? ResaleNextDay, bool? BestFiveLevels = null);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Operator;

    public static bool TryParse(Form form, [NotNullWhen(true)] out SetTradingRules? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var instrument = FieldReader.Text(form.Instrument);
        if (instrument.Length == 0)
        {
            read.Fail("instrument", "Required", "instrument: the instrument's code, e.g. GDEA-2017");
        }
        command = read.IsValid ? new SetTradingRules(instrument, form.ResaleNextDay, form.BestFiveLevels) : null;
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
        if (await work.Session.Exchange.FindInstrumentAsync(Instrument).ConfigureAwait(false) is not { } listed || work.Book(Instrument) is null)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.UnknownInstrument, "instrument", $"{Instrument} is not listed", RefusalKind.Malformed);
        }
        var resale = ResaleNextDay ?? listed.Instrument.ResaleNextDay;
        var bestFive = BestFiveLevels ?? listed.Instrument.BestFiveLevels;
        if (resale != listed.Instrument.ResaleNextDay || bestFive != listed.Instrument.BestFiveLevels)
        {
            await work.Session.Exchange.SetTradingRulesAsync(Instrument, resale, bestFive).ConfigureAwait(false);
        }
        var sequence = await work.JournalEntryAsync(Kind, Instrument, new Payload(Instrument, resale, bestFive)).ConfigureAwait(false);
        work.SetMatchLevels(Instrument, MatchLevels(bestFive), sequence);
        return new ExchangeOutcome.Completed(Kind, Instrument, false, null, []);
    }

    /// <summary>The instrument and the book's level limit a rules entry sets (entries without the best-5 switch set none).</summary>
    public static (string Instrument, int MatchLevels) MatchLevelsFromJson(string json)
    {
        var payload = JsonSerializer.Deserialize<Payload>(json, Json.Options) ?? throw new JsonException("no trading rules");
        return (payload.Instrument, MatchLevels(payload.BestFiveLevels));
    }

    private static int MatchLevels(bool bestFive) => bestFive ? InstrumentSettings.NationalMatchLevels : 0;

    private sealed record Payload(string Instrument, bool ResaleNextDay, bool BestFiveLevels);
}
