using OpenEts.Domain.DualControl.Cards;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Cards;

/// <summary>A quarter's list as it would be published now, for an overseer (<see cref="CardsQueries.PreviewAsync"/>).</summary>
/// <param name="List">The list previewed; null when the jurisdiction's rules do not reach the quarter asked (nothing to preview).</param>
/// <param name="Jurisdiction">The jurisdiction previewed, or asked when nothing is.</param>
/// <param name="Quarter">The quarter previewed, or asked when nothing is.</param>
/// <param name="Instead">True when the default list is previewed in place of one asked whose jurisdiction or quarter could not be read.</param>
/// <param name="Errors">Why the list asked for could not be previewed, by field; empty when it was.</param>
public sealed record CardPreview(CardList? List, string Jurisdiction, Quarter Quarter, bool Instead, IReadOnlyList<FieldError> Errors);
