using OpenEts.Application.Identity;

namespace OpenEts.Storage.Tests.Infrastructure;

/// <summary>A fast stand-in for the PBKDF2 hasher: storage tests check what is stored, not the hash's strength.</summary>
public sealed class FakeHashing : IPasswordHashing
{
    public string Hash(string password) => "fake:" + password;

    public PasswordCheck Verify(string hash, string password) =>
        hash == "fake:" + password ? PasswordCheck.Success : PasswordCheck.Failed;
}
