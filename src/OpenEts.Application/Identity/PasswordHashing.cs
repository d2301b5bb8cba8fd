using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OpenEts.Application.Identity;

/// <summary>
/// PBKDF2 password hashing in ASP.NET Core Identity's version 3 format (HMAC-SHA512, 100 000 iterations, 128-bit salt,
/// 256-bit subkey), so hashes made by its <c>PasswordHasher</c> verify here and the other way round. It lives in
/// Application, without ASP.NET Core, so that the server and the <c>ets</c> command line hash alike.
/// </summary>
/// <remarks>
/// Format (base64): <c>0x01</c>, then big-endian uint32 PRF (0 SHA-1, 1 SHA-256, 2 SHA-512), iteration count and salt
/// length, then the salt and the subkey. A hash with a weaker PRF or fewer iterations verifies with
/// <see cref="PasswordCheck.SuccessRehash"/>, as ASP.NET Core's does.
/// </remarks>
public sealed class PasswordHashing : IPasswordHashing
{
    private const byte FormatMarker = 0x01;
    private const int Iterations = 100_000;
    private const int SaltBytes = 16;
    private const int SubkeyBytes = 32;
    private const int HeaderBytes = 13;

    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var subkey = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA512, SubkeyBytes);
        var output = new byte[HeaderBytes + SaltBytes + SubkeyBytes];
        output[0] = FormatMarker;
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(1), 2);
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(5), Iterations);
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(9), SaltBytes);
        salt.CopyTo(output, HeaderBytes);
        subkey.CopyTo(output, HeaderBytes + SaltBytes);
        return Convert.ToBase64String(output);
    }

    public PasswordCheck Verify(string hash, string password)
    {
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentNullException.ThrowIfNull(password);
        var bytes = new byte[hash.Length];
        if (!Convert.TryFromBase64String(hash, bytes, out var length) || length < HeaderBytes || bytes[0] != FormatMarker)
        {
            return PasswordCheck.Failed;
        }
        var decoded = bytes.AsSpan(0, length);
        var prf = BinaryPrimitives.ReadUInt32BigEndian(decoded[1..]);
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(decoded[5..]);
        var saltLength = BinaryPrimitives.ReadUInt32BigEndian(decoded[9..]);
        HashAlgorithmName? algorithm = prf switch
        {
            0 => HashAlgorithmName.SHA1,
            1 => HashAlgorithmName.SHA256,
            2 => HashAlgorithmName.SHA512,
            _ => null,
        };
        // At least a 128-bit salt and a 128-bit subkey, as ASP.NET Core requires.
        if (algorithm is not { } name || iterations is 0 or > int.MaxValue || saltLength < 16
            || (long)HeaderBytes + saltLength + 16 > length)
        {
            return PasswordCheck.Failed;
        }
        var salt = decoded.Slice(HeaderBytes, (int)saltLength);
        var expected = decoded[(HeaderBytes + (int)saltLength)..];
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, (int)iterations, name, expected.Length);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
        {
            return PasswordCheck.Failed;
        }
        return iterations < Iterations || prf != 2 ? PasswordCheck.SuccessRehash : PasswordCheck.Success;
    }
}
