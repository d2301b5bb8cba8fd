namespace OpenEts.Domain.Compliance;

/// <summary>A unit refused for compliance: the rule and an English sentence naming the values.</summary>
public sealed record ComplianceRefusal(ComplianceRule Rule, string Message)
{
    /// <summary>
    /// The figures <see cref="Message"/> names, in its order and as invariant text, for a message in another language: for
    /// the quantity rules the limit, what is used, what was asked and what is left (see <see cref="ComplianceYear.Check"/>);
    /// empty for the unit rules.
    /// </summary>
    public IReadOnlyList<string> Figures { get; init; } = [];

    /// <summary>Equal when the rule, the sentence and the figures are (the figures compared item by item).</summary>
    public bool Equals(ComplianceRefusal? other) =>
        other is not null && Rule == other.Rule && Message == other.Message && Figures.SequenceEqual(other.Figures);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Rule, Message, Figures.Count);
}
