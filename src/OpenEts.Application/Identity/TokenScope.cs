namespace OpenEts.Application.Identity;

/// <summary>What an API token may do: read only (GET), or also write.</summary>
public enum TokenScope
{
    Read,
    ReadWrite,
}

/// <summary>The scopes' names in requests, storage and the journal: <c>read</c>, <c>read-write</c>.</summary>
public static class TokenScopes
{
    public static string Name(TokenScope scope) => scope switch
    {
        TokenScope.Read => "read",
        TokenScope.ReadWrite => "read-write",
        _ => throw new ArgumentOutOfRangeException(nameof(scope)),
    };

    public static bool TryParse(string? text, out TokenScope scope)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "read":
                scope = TokenScope.Read;
                return true;
            case "read-write":
                scope = TokenScope.ReadWrite;
                return true;
            default:
                scope = default;
                return false;
        }
    }
}
