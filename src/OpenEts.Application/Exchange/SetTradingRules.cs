using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;

namespace OpenEts.Application.Exchange;

/// <summary>
/// The exchange operator switches an instrument's configurable trading rules: the T+1 resale restriction
/// (<see cref="Instrument.ResaleNextDay"/>: units bought on a Beijing trading day cannot be sold the same day;
/// trading.md §5.1 [UNCONFIRMED], off by default). A rule left out (null) keeps its setting. Journalled as
/// <c>exchange.instrument.rules-set</c> with the instrument's rules as they stand after it.
/// </summary>
/// <param name="Instrument">The instrument's code.</param>
/// <param name="ResaleNextDay">On, off, or null to keep it.</param>
public sealed record SetTradingRules(string Instrument, bool? ResaleNextDay) : IExchangeCommand
{
    /// <summary>The journal kind; its payload is the instrument's rules after the change.</summary>
    public const string Kind = "exchange.instrument.rules-set";

    /// <summary>The request as typed.</summary>
    public sealed record Form(string? Instrument, bool? ResaleNextDay);

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
        command = read.IsValid ? new SetTradingRules(instrument, form.ResaleNextDay) : null;
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
        if (await work.Session.Exchange.FindInstrumentAsync(Instrument).ConfigureAwait(false) is not { } listed)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.UnknownInstrument, "instrument", $"{Instrument} is not listed", RefusalKind.Malformed);
        }
        var resale = ResaleNextDay ?? listed.Instrument.ResaleNextDay;
        if (resale != listed.Instrument.ResaleNextDay)
        {
            await work.Session.Exchange.SetResaleNextDayAsync(Instrument, resale).ConfigureAwait(false);
        }
        await work.JournalAsync(Kind, Instrument, new { instrument = Instrument, resaleNextDay = resale }).ConfigureAwait(false);
        return new ExchangeOutcome.Completed(Kind, Instrument, false, null, []);
    }
}
