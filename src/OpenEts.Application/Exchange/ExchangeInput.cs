using System.Text.Json;
using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

/// <summary>
/// One input to a book as the input journal holds it (the payload of an <c>exchange.order.placed</c>,
/// <c>exchange.order.cancelled</c>, <c>exchange.order.expired</c>, <c>exchange.instrument.halted</c> or <c>exchange.instrument.resumed</c> entry).
/// The entry's journal sequence is the engine's input sequence, so replaying the entries in journal order rebuilds every
/// book exactly.
/// </summary>
/// <param name="Instrument">The instrument's code.</param>
/// <param name="Order">The order number (0 for halts and resumes).</param>
/// <param name="Account">The trading account (0 for halts and resumes).</param>
/// <param name="Side"><c>Buy</c> or <c>Sell</c> for a new order.</param>
/// <param name="Type"><c>Limit</c>, <c>Market</c>, <c>Ioc</c> or <c>Fok</c> for a new order.</param>
/// <param name="Price">Fen per tonne; null for a market order without protection.</param>
/// <param name="Quantity">Tonnes, for a new order.</param>
/// <param name="User">Who sent it.</param>
/// <param name="Reservation">A buy's cash reservation.</param>
/// <param name="Key">The sender's idempotency key.</param>
public sealed record ExchangeInput(
    string Instrument, long Order, long Account, string? Side, string? Type, long? Price, long Quantity, string? User, long? Reservation,
    string? Key)
{
    /// <summary>
    /// For a new buy: the yuan its reservation holds (price × quantity + the maximum fee). The order's entry records its
    /// reservation, in place of a <c>cash.reserved</c> entry of its own; absent from every other input.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Reserved { get; init; }

    /// <summary>The journal kinds of the inputs, by engine command.</summary>
    public const string Placed = "exchange.order.placed";

    public const string Cancelled = "exchange.order.cancelled";

    /// <summary>A resting order's new price and open quantity (the engine's amend).</summary>
    public const string Amended = "exchange.order.amended";

    /// <summary>A day order taken off the book at the end of its trading day (to the engine, a cancel).</summary>
    public const string Expired = "exchange.order.expired";

    public const string Halted = "exchange.instrument.halted";

    public const string Resumed = "exchange.instrument.resumed";

    /// <summary>The engine's command for this input, at journal sequence <paramref name="sequence"/>.</summary>
    public Command ToCommand(string kind, long sequence) => kind switch
    {
        Placed => Command.New(sequence, Order, Account, Enum.Parse<Side>(Side!), Enum.Parse<OrderType>(Type!), Price ?? Command.NoPrice, Quantity),
        Cancelled or Expired => Command.Cancel(sequence, Order, Account),
        Amended => Command.Amend(sequence, Order, Account, Price ?? throw new InvalidOperationException("an amend has a price"), Quantity),
        Halted => Command.Halt(sequence),
        Resumed => Command.Resume(sequence),
        _ => throw new InvalidOperationException($"{kind} is not an exchange input"),
    };

    /// <summary>True when journal entries of <paramref name="kind"/> are inputs to a book.</summary>
    public static bool IsInput(string kind) => kind is Placed or Cancelled or Amended or Expired or Halted or Resumed;

    public string ToJson() => JsonSerializer.Serialize(this, Application.Json.Options);

    public static ExchangeInput FromJson(string json) =>
        JsonSerializer.Deserialize<ExchangeInput>(json, Application.Json.Options) ?? throw new JsonException("no exchange input");
}
