using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Identity;

/// <summary>How creating an API token ended.</summary>
public abstract record TokenCreation
{
    private TokenCreation()
    {
    }

    /// <summary>The token was made; <paramref name="Secret"/> is shown once and never stored.</summary>
    public sealed record Created(ApiTokenRecord Token, string Secret) : TokenCreation;

    /// <summary>A field of the request was bad; nothing was made.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : TokenCreation;

    /// <summary>An API token asked; only a signed-in session may create tokens.</summary>
    public sealed record SessionRequired : TokenCreation;

    /// <summary>The server requires two-factor sign-in for API tokens and the user has not enrolled.</summary>
    public sealed record SecondFactorRequired : TokenCreation;
}
