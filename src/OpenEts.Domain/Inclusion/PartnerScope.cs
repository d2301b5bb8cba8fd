namespace OpenEts.Domain.Inclusion;

/// <summary>
/// What a data partner's key may submit: actions of one programme, of the listed behaviours only (a bike-share operator
/// sends bike rides, not meter readings).
/// </summary>
/// <param name="Programme">The programme's code.</param>
/// <param name="Behaviours">The behaviours it may submit (at least one).</param>
public sealed record PartnerScope(string Programme, IReadOnlyList<Behaviour> Behaviours)
{
    /// <summary>True when the key may submit <paramref name="behaviour"/> in <paramref name="programme"/>.</summary>
    public bool Permits(string programme, Behaviour behaviour) =>
        string.Equals(programme, Programme, StringComparison.Ordinal) && Behaviours.Contains(behaviour);
}
