namespace OpenEts.Server.Auth;

/// <summary>Authentication scheme names.</summary>
internal static class Schemes
{
    /// <summary>Picks <see cref="Token"/> when a bearer token is sent, else the sign-in cookie.</summary>
    public const string Smart = "smart";

    /// <summary>API tokens: <c>Authorization: Bearer oets_…</c>.</summary>
    public const string Token = "token";
}
