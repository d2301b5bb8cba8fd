namespace OpenEts.Application.Identity;

/// <summary>
/// What a new password must be (NIST SP 800-63B §5.1.1.2, as issue 8 asks): at least <see cref="MinLength"/>
/// characters, at most <see cref="MaxLength"/>, not one of the common passwords shipped with the project
/// (CommonPasswords.txt, compared in lower case), and not the user name. No composition rules (a digit, a capital):
/// length and a list of known passwords are what resists guessing.
/// </summary>
public static class PasswordPolicy
{
    /// <summary>The fewest characters (Unicode scalar values) a password may have.</summary>
    public const int MinLength = 12;

    /// <summary>The most characters a password may have (a pass-phrase fits; the hasher's work stays bounded).</summary>
    public const int MaxLength = 256;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    /// <summary>How many common passwords the shipped list holds.</summary>
    public static int CommonCount => Common.Value.Count;

    /// <summary>
    /// Checks <paramref name="password"/> for <paramref name="userName"/>; null when it may be used, else the rule it
    /// breaks (<c>PasswordTooShort</c>, <c>PasswordTooLong</c>, <c>PasswordCommon</c>, <c>PasswordIsUserName</c>) and a
    /// sentence. The sentence never repeats the password.
    /// </summary>
    public static (string Rule, string Message)? Check(string? password, string? userName)
    {
        var text = password ?? "";
        var length = text.EnumerateRunes().Count();
        if (length < MinLength)
        {
            return ("PasswordTooShort", $"a password has at least {MinLength} characters (this one has {length})");
        }
        if (length > MaxLength)
        {
            return ("PasswordTooLong", $"a password has at most {MaxLength} characters (this one has {length})");
        }
        if (userName is { Length: > 0 } && string.Equals(text, userName.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return ("PasswordIsUserName", "a password must not be the user name");
        }
        if (Common.Value.Contains(text.ToLowerInvariant()))
        {
            return ("PasswordCommon", "this password is in the list of common passwords that are tried first; choose another");
        }
        return null;
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("OpenEts.Application.Identity.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded in " + typeof(PasswordPolicy).Assembly.GetName().Name);
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.ToLowerInvariant());
            }
        }
        return set;
    }
}
