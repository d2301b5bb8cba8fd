namespace OpenEts.Application.Inclusion;

/// <summary>A citizen signed up: their pseudonym, which is also their sign-in id, and the notice version they agreed to.</summary>
public sealed record CitizenSignedUp(string UserName, string ConsentVersion);
