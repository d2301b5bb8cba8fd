using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OpenEts.Server.Hosting;

namespace OpenEts.Server.Tests.Hosting;

public sealed class KeyRingCertificateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("openets-keyring-cert-").FullName;

    [Fact]
    public void Load_PemWithCertificateAndKey_AsOpenSslWritesIt_HasTheRsaPrivateKey()
    {
        using var rsa = RSA.Create(2048);
        using var cert = new CertificateRequest("CN=OpenETS key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, "key-ring.pem");
        File.WriteAllText(path, cert.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem() + "\n");

        using var loaded = KeyRingCertificate.Load(path, null);

        Assert.Equal(cert.Thumbprint, loaded!.Thumbprint);
        Assert.True(loaded.HasPrivateKey);
    }

    [Fact]
    public void Load_CertificateWithoutItsKey_IsRefusedNamingTheFile()
    {
        using var rsa = RSA.Create(2048);
        using var cert = new CertificateRequest("CN=OpenETS key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, "public-only.pem");
        File.WriteAllText(path, cert.ExportCertificatePem());

        var refused = Assert.Throws<InvalidOperationException>(() => KeyRingCertificate.Load(path, null));

        Assert.Contains(path, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_IsRefusedNamingTheFile()
    {
        var path = Path.Combine(_folder, "nowhere.pfx");

        Assert.Contains(path, Assert.Throws<InvalidOperationException>(() => KeyRingCertificate.Load(path, null)).Message, StringComparison.Ordinal);
        Assert.Null(KeyRingCertificate.Load(null, null));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
