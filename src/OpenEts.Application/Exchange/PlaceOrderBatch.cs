using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Exchange;

/// <summary>
/// A member's order gateway places many orders in one request (批量委托): each is a <see cref="PlaceOrder"/> of its own —
/// the same access checks (the account it names, its member's clients only), pre-trade checks, reservation, journal
/// entry, matching and settlement — run one after another in the order given, with nothing of another caller between
/// them, and each has its own outcome: a refused order leaves the others' outcomes as if each had been sent singly.
/// Every outcome is durable before the batch is answered.
/// </summary>
public static class PlaceOrderBatch
{
    /// <summary>The most orders one batch holds (one group commit's worth).</summary>
    public const int MaxOrders = 500;

    /// <summary>
    /// Reads every order of the batch; when any is malformed, nothing is placed and each error names its item,
    /// <c>orders[3].price</c>. A batch needs 1 to <see cref="MaxOrders"/> orders.
    /// </summary>
    public static bool TryParse(IReadOnlyList<PlaceOrder.Form?>? forms, [NotNullWhen(true)] out IReadOnlyList<PlaceOrder>? commands,
        out IReadOnlyList<FieldError> errors)
    {
        var found = new List<FieldError>();
        commands = null;
        if (forms is null || forms.Count == 0 || forms.Count > MaxOrders)
        {
            found.Add(new FieldError("orders", "BatchSize",
                string.Create(CultureInfo.InvariantCulture, $"orders: a batch holds 1 to {MaxOrders} orders, not {forms?.Count ?? 0}")));
            errors = found;
            return false;
        }
        var parsed = new List<PlaceOrder>(forms.Count);
        for (var i = 0; i < forms.Count; i++)
        {
            var item = string.Create(CultureInfo.InvariantCulture, $"orders[{i}]");
            if (forms[i] is not { } form)
            {
                found.Add(new FieldError(item, "Required", item + ": an order, not null"));
                continue;
            }
            if (PlaceOrder.TryParse(form, out var command, out var itemErrors))
            {
                parsed.Add(command);
                continue;
            }
            found.AddRange(itemErrors.Select(e => e with { Field = $"{item}.{e.Field}", Message = $"{item}: {e.Message}" }));
        }
        errors = found;
        if (found.Count > 0)
        {
            return false;
        }
        commands = parsed;
        return true;
    }
}
