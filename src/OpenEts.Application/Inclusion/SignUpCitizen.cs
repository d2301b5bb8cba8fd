using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OpenEts.Application.Forms;
using OpenEts.Application.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// A person signs up as a citizen of carbon inclusion (公众注册), with the least personal information: a password, and
/// optionally a nickname and a contact. They must explicitly agree to the consent notice in force, by its version
/// (个人信息保护法 Art. 14). The platform gives them a pseudonym as their sign-in id (<see cref="CitizenPseudonym"/>):
/// the journal and every other table know them only by it. Run by <see cref="CitizenSignUpHandler"/>; no one is signed in.
/// </summary>
public sealed record SignUpCitizen(string? Nickname, string? Contact, string Password, string ConsentVersion)
{
    /// <summary>The longest nickname.</summary>
    public const int MaxNicknameLength = 32;

    /// <summary>The longest contact (a phone number or an e-mail address).</summary>
    public const int MaxContactLength = 100;

    /// <summary>The journal kind of a sign-up.</summary>
    public const string JournalKind = "inclusion.citizen.signed-up";

    /// <summary>The form as typed. <paramref name="Agree"/> is the consent box; <paramref name="ConsentVersion"/> the notice version shown.</summary>
    public sealed record Form(string? Nickname, string? Contact, string? Password, string? ConsentVersion, bool? Agree)
    {
        public override string ToString() => $"Form {{ Nickname = {Nickname}, Contact = ***, Password = ***, ConsentVersion = {ConsentVersion}, Agree = {Agree} }}";
    }

    public static bool TryParse(Form form, [NotNullWhen(true)] out SignUpCitizen? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        if (form.Agree != true)
        {
            read.Fail("agree", "ConsentRequired", "agree: signing up needs your explicit consent to the notice");
        }
        var version = FieldReader.Text(form.ConsentVersion);
        if (!ConsentNotice.Current.Permits(version))
        {
            read.Fail("consentVersion", "ConsentOutdated",
                $"consentVersion: the notice in force is version {ConsentNotice.Current.Version}; read it and agree again");
        }
        var (nickname, contact) = ReadProfile(read, form.Nickname, form.Contact);
        if (string.IsNullOrEmpty(form.Password))
        {
            read.Fail("password", "Required", "password: choose a password");
        }
        // The policy's rules that do not need the pseudonym, with the form's other errors, so that one submit names them all.
        else if (PasswordPolicy.Check(form.Password, null) is { } weak)
        {
            read.Fail("password", weak.Rule, "password: " + weak.Message);
        }
        command = read.IsValid ? new SignUpCitizen(nickname, contact, form.Password!, version) : null;
        errors = read.Errors;
        return command is not null;
    }

    public override string ToString() => $"SignUpCitizen {{ Nickname = {Nickname}, Contact = ***, Password = ***, ConsentVersion = {ConsentVersion} }}";

    /// <summary>
    /// The optional nickname and contact as typed, each null when left empty; a bad one fails <paramref name="read"/>
    /// (<c>Nickname</c>, <c>Contact</c>). The same rules at sign-up and when the citizen corrects them.
    /// </summary>
    internal static (string? Nickname, string? Contact) ReadProfile(FieldReader read, string? nicknameText, string? contactText)
    {
        var nickname = FieldReader.Text(nicknameText);
        if (nickname.Length > MaxNicknameLength || nickname.Any(char.IsControl))
        {
            read.Fail("nickname", "Nickname", string.Create(CultureInfo.InvariantCulture, $"nickname: at most {MaxNicknameLength} characters"));
        }
        var contact = FieldReader.Text(contactText);
        if (contact.Length > 0 && !IsContact(contact))
        {
            read.Fail("contact", "Contact", "contact: a mobile number (11 digits, starting with 1) or an e-mail address, or nothing");
        }
        return (nickname.Length == 0 ? null : nickname, contact.Length == 0 ? null : contact);
    }

    private static bool IsContact(string text) =>
        text.Length <= MaxContactLength
        && ((text.Length == 11 && text[0] == '1' && text.All(char.IsAsciiDigit))
            || (text.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < text.Length - 1 && !text.Any(char.IsWhiteSpace)));
}
