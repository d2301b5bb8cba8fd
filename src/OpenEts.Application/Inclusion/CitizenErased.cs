namespace OpenEts.Application.Inclusion;

/// <summary>A citizen's personal data was erased: the pseudonym that remains, the raw actions deleted and the coins forfeited.</summary>
public sealed record CitizenErased(string UserName, long EventsDeleted, long CoinsForfeited);
