namespace OpenEts.Domain.DualControl.Cards;

/// <summary>A number in a jurisdiction's card rules with where it is published; <see cref="Confirmed"/> is false for [UNCONFIRMED].</summary>
/// <param name="Value">The number, in the unit its property documents.</param>
/// <param name="Source">The publication (URL, reference section) or the reason it is a platform choice.</param>
/// <param name="Confirmed">False when the figure was not found in a published text.</param>
public sealed record RuleNumber(decimal Value, string Source, bool Confirmed)
{
    /// <summary>The value as a whole number (days, quarters, levels); throws when it is not whole.</summary>
    public int Whole => decimal.Truncate(Value) == Value ? checked((int)Value) : throw new InvalidOperationException($"{Value} is not a whole number");
}
