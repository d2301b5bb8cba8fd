namespace OpenEts.Application.Registry;

/// <summary>
/// What reading one registry account gave an actor: <see cref="Found"/> (with what was read), <see cref="Forbidden"/>
/// (the account exists but is not the actor's to see) or <see cref="NotFound"/>.
/// </summary>
public abstract record AccountRead<T>
{
    private AccountRead()
    {
    }

    /// <summary>The actor may see the account; <paramref name="Value"/> is what was read.</summary>
    public sealed record Found(T Value) : AccountRead<T>;

    /// <summary>The account exists, but the actor neither represents it nor reads every account.</summary>
    public sealed record Forbidden : AccountRead<T>;

    /// <summary>No account has that number.</summary>
    public sealed record NotFound : AccountRead<T>;
}
