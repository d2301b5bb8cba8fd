namespace OpenEts.Domain.Registry;

/// <summary>
/// The regulator defined an offset class's attributes, once, before any unit of it is issued. Programme, project and
/// vintage are the class's own (<see cref="UnitClass.Type"/>, <see cref="UnitClass.Project"/>,
/// <see cref="UnitClass.Vintage"/>); this event adds what compliance rules read besides.
/// </summary>
/// <param name="At">When it happened (the <c>now</c> passed in).</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Key">The request's idempotency key.</param>
/// <param name="Class">The fine-grained offset class.</param>
/// <param name="Title">The project's title, as registered by its programme.</param>
/// <param name="Category">The project category.</param>
/// <param name="HostProvince">The host province (<see cref="Province"/> code, e.g. <c>GD</c>).</param>
/// <param name="PreCdm">True for reductions from before the project's CDM registration (pre-CDM, 减排量产生于CDM注册前).</param>
public sealed record OffsetClassDefined(
    DateTimeOffset At, UserId Actor, IdempotencyKey? Key,
    UnitClass Class, string Title, ProjectCategory Category, string HostProvince, bool PreCdm) : RegistryEvent(At, Actor, Key)
{
    /// <inheritdoc/>
    public override RegistryEventFacts Facts(RegistryLedger ledger) =>
        new([], null, null, null, Class, Quantities.AllowanceCount.Zero, [], null);
}
