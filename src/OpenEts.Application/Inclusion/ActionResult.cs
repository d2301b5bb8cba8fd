using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// One action's result in a batch, by its position: counted with its reduction and coins, a duplicate, or refused with the
/// rule. <paramref name="Field"/>: the action's field the rule is about (<c>quantity</c>, <c>occurredAt</c>, <c>behaviour</c>…),
/// when it is about one, so that a form can name it. <paramref name="CutBy"/>: the cap that cut <paramref name="CoinsCut"/>
/// coins, when one did (rule <c>CoinCap</c> on a counted action).
/// </summary>
public sealed record ActionResult(int Index, string EventId, ActionStatus Status, string? Rule, string? Message, CarbonGrams Reduction, long Coins, long CoinsCut,
    string? Field = null, Cap? CutBy = null)
{
    /// <summary>The figures <see cref="Message"/> names (a speed limit, the minutes or days allowed), for a message in another language.</summary>
    public IReadOnlyList<string> Figures { get; init; } = [];
}
