using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Exchange;
using OpenEts.Application.Registry;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Api;

// Batched order entry (批量委托) for a member's order gateway: many orders in one request, each with its own outcome.
internal static partial class ExchangeEndpoints
{
    private static void MapOrderBatch(RouteGroupBuilder group) =>
        group.MapPost("/orders/batch", PlaceBatchAsync).RequireAuthorization(Traders)
            .WithSummary($"Place 1 to {PlaceOrderBatch.MaxOrders} orders in one request (an order gateway's 批量委托), each exactly as POST /orders "
                + "would place it alone, in the order given: the same access checks (account: your organisation's own or your clients'), checks, "
                + "reservation and settlement. Answered once every order is durable, with one result per order (its index, the status it would "
                + "have had alone, and the outcome or the refusal naming field and rule); a refused order leaves the others as if sent singly. "
                + "A malformed order refuses the whole batch with 400 naming orders[i].field, and nothing is placed");

    /// <summary>A batch of orders, each as <c>POST /orders</c> takes one.</summary>
    public sealed record OrderBatchInput(IReadOnlyList<OrderInput?>? Orders);

    /// <summary>
    /// One order's result in a batch: <c>index</c> in the request, <c>status</c> as <c>POST /orders</c> would have answered it
    /// alone (200, or 400/403/409 with <c>field</c>, <c>rule</c> and <c>message</c>), and on 200 the <c>outcome</c>.
    /// </summary>
    public sealed record OrderBatchItemView(int Index, int Status, ExchangeOutcomeView? Outcome, string? Field, string? Rule, string? Message);

    /// <summary>A batch's results, one per order in the request's order; <c>placed</c> counts the 200s.</summary>
    public sealed record OrderBatchView(int Placed, int Refused, IReadOnlyList<OrderBatchItemView> Results);

    private static async Task<Results<Ok<OrderBatchView>, ValidationProblem>> PlaceBatchAsync(
        OrderBatchInput input, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct)
    {
        var forms = input.Orders?.Select(o => o is null ? null
            : new PlaceOrder.Form(o.Instrument, o.Side, o.Type, o.Price, o.Quantity, o.IdempotencyKey, o.Account)).ToList();
        if (!PlaceOrderBatch.TryParse(forms, out var commands, out var errors))
        {
            return Problems.Fields(errors);
        }
        var outcomes = await exchange.HandleManyAsync(http.User.Actor(), [.. commands], clock.GetUtcNow(), ct).ConfigureAwait(false);
        var results = new OrderBatchItemView[outcomes.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = Item(i, outcomes[i]);
        }
        var placed = results.Count(r => r.Status == StatusCodes.Status200OK);
        return TypedResults.Ok(new OrderBatchView(placed, results.Length - placed, results));
    }

    // One order's result: what POST /orders answers for the same outcome, as one entry.
    private static OrderBatchItemView Item(int index, ExchangeOutcome outcome) => outcome switch
    {
        ExchangeOutcome.Completed c => new(index, StatusCodes.Status200OK, View(c), null, null, null),
        ExchangeOutcome.Invalid { Errors: [var first, ..] } => new(index, StatusCodes.Status400BadRequest, null, first.Field, first.Rule, RuleText.Field(first)),
        ExchangeOutcome.Refused r => new(index, r.Kind switch
            {
                RefusalKind.Malformed => StatusCodes.Status400BadRequest,
                RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status409Conflict,
            }, null, r.Field, r.Rule.ToString(), RuleText.Message(r.Field, r.Rule.ToString(), r.Message, r.Figures)),
        ExchangeOutcome.Forbidden f => new(index, StatusCodes.Status403Forbidden, null, "actor", "Role",
            RuleText.Message("", "Role", $"only {string.Join(", ", f.Allowed)} may do this")),
        _ => throw new UnreachableException(),
    };
}
