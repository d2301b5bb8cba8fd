using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Exchange;

/// <summary>
/// The exchange operator halts an instrument (暂停交易) or resumes it (恢复交易). While halted, the book keeps its
/// orders and accepts only cancels; resuming returns it to trading.
/// </summary>
/// <param name="Instrument">The instrument's code.</param>
/// <param name="Halt">True to halt, false to resume.</param>
/// <param name="Reason">Why: required for a halt (the operator page, /Exchange and /Market show it), optional for a resume.</param>
public sealed record HaltInstrument(string Instrument, bool Halt, string Reason) : IExchangeCommand
{
    /// <summary>The request as typed.</summary>
    public sealed record Form(string? Instrument, string? Reason);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Operator;

    /// <summary>Reads a halt (<paramref name="halt"/> true) or a resume.</summary>
    public static bool TryParse(Form form, bool halt, [NotNullWhen(true)] out HaltInstrument? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var instrument = FieldReader.Text(form.Instrument);
        if (instrument.Length == 0)
        {
            read.Fail("instrument", "Required", "instrument: the instrument's code, e.g. GDEA-2017");
        }
        var reason = FieldReader.Text(form.Reason);
        if (halt && reason.Length == 0)
        {
            read.Fail("reason", "Required", "reason: say why the instrument is halted; traders are shown it");
        }
        else if (reason.Length > 500)
        {
            read.Fail("reason", "Text", "reason: at most 500 characters");
        }
        command = read.IsValid ? new HaltInstrument(instrument, halt, reason) : null;
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
        if (await work.Session.Exchange.FindInstrumentAsync(Instrument).ConfigureAwait(false) is null || work.Book(Instrument) is not { } book)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.UnknownInstrument, "instrument", $"{Instrument} is not listed", RefusalKind.Malformed);
        }
        if (book.IsHalted == Halt)
        {
            return Halt
                ? new ExchangeOutcome.Refused(ExchangeRule.AlreadyHalted, "instrument", $"{Instrument} is already halted", RefusalKind.Conflict)
                : new ExchangeOutcome.Refused(ExchangeRule.NotHalted, "instrument", $"{Instrument} is not halted", RefusalKind.Conflict);
        }
        var kind = Halt ? ExchangeInput.Halted : ExchangeInput.Resumed;
        var (outcome, _) = await work.SubmitAsync(kind, Instrument,
            new ExchangeInput(Instrument, 0, 0, null, null, null, 0, work.Actor.UserName, null, Reason.Length == 0 ? null : Reason)).ConfigureAwait(false);
        if (!outcome.IsAccepted)
        {
            throw new ExchangeRefusalException(ExchangeWork.EngineRefusal(outcome));
        }
        await work.Session.Exchange.SetHaltedAsync(Instrument, Halt).ConfigureAwait(false);
        return new ExchangeOutcome.Completed(kind, Instrument, false, null, []);
    }
}
