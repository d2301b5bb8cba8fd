namespace OpenEts.Domain.Inclusion;

/// <summary>
/// A public-good cause (公益项目) listed by a programme to which citizens may give coins, e.g. tree planting as Ant
/// Forest does. Coins given are spent like a redemption and counted in the cause's public total.
/// </summary>
/// <param name="Code">Its code, e.g. <c>tree-planting</c>.</param>
/// <param name="Name">Its name (Chinese).</param>
/// <param name="Source">Where the cause comes from, or why the platform lists it.</param>
/// <param name="Confirmed">True when the programme's own sources list it.</param>
public sealed record DonationCause(string Code, string Name, string Source, bool Confirmed);
