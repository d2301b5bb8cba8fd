namespace OpenEts.Application.Identity;

/// <summary>Salted, slow password hashing (the server uses ASP.NET Core's PBKDF2 hasher).</summary>
public interface IPasswordHashing
{
    string Hash(string password);

    /// <summary>Checks a password; <c>Rehash</c> when the stored hash uses older parameters.</summary>
    PasswordCheck Verify(string hash, string password);
}

public enum PasswordCheck
{
    Failed,
    Success,
    SuccessRehash,
}
