namespace OpenEts.Domain.DualControl.Cards;

/// <summary>
/// One line of a jurisdiction's card rules: a violation of <see cref="Kind"/> (with a fine in
/// [<see cref="FineFromYuan"/>, <see cref="FineBelowYuan"/>) when a band is given) earns a card of <see cref="Colour"/>.
/// </summary>
/// <param name="Kind">The violation.</param>
/// <param name="Colour">The card it earns.</param>
/// <param name="FineFromYuan">The band's lowest fine, inclusive, in yuan; null: no lower bound.</param>
/// <param name="FineBelowYuan">The band's fine ceiling, exclusive, in yuan; null: no upper bound.</param>
/// <param name="Source">Where the rule is published (URL and reference section).</param>
/// <param name="Confirmed">False for an [UNCONFIRMED] rule.</param>
public sealed record CardTrigger(ViolationKind Kind, CardColour Colour, decimal? FineFromYuan, decimal? FineBelowYuan, string Source, bool Confirmed)
{
    /// <summary>True when a violation of <paramref name="kind"/> with <paramref name="fineYuan"/> falls under this line.</summary>
    /// <remarks>A line with a fine band needs a fine: a banded violation recorded without one matches no banded line.</remarks>
    public bool Matches(ViolationKind kind, decimal? fineYuan)
    {
        if (kind != Kind)
        {
            return false;
        }
        if (FineFromYuan is null && FineBelowYuan is null)
        {
            return true;
        }
        return fineYuan is { } fine && (FineFromYuan is not { } from || fine >= from) && (FineBelowYuan is not { } below || fine < below);
    }
}
