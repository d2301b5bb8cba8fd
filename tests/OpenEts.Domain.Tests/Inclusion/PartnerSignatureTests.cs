using System.Security.Cryptography;
using System.Text;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Domain.Tests.Inclusion;

/// <summary>
/// Partners' per-event signatures against a hand-checked vector: the worked example of docs/inclusion.md, whose bytes were
/// written by hand (printf) and signed with OpenSSL 3.0 (<c>openssl dgst -sha256 -sign</c>) under a fixed test key pair.
/// </summary>
public sealed class PartnerSignatureTests
{
    // The test key's public half (its private half is in docs/inclusion.md, for partners to check their own code against).
    private const string PublicKeyPem = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEZG0cTbNUTM8g7n51Wuxg0R7teV+C
        K+LSRVK5mzzI9DLPja9npnH53HMehQcSJxHYyKjoyyne7nGRCZ8uy4/JlA==
        -----END PUBLIC KEY-----
        """;

    // OpenSSL's DER signature of the worked example, and the same r‖s in the 64-byte form WebCrypto gives.
    private const string DerSignature = "MEYCIQDneMzXJZliZZYTdVmVJq5C063k2ArRCJd3q0CtwV854gIhAPaUGjDpdt2HHtYGlgSxoLWGgULZ5KN/P1TJyAYefziX";
    private const string P1363Signature = "53jM1yWZYmWWE3VZlSauQtOt5NgK0QiXd6tArcFfOeL2lBow6Xbdhx7WBpYEsaC1hoFC2eSjfz9UycgGHn84lw==";

    private static readonly DateTimeOffset RideAt = new(2026, 11, 30, 8, 15, 0, TimeSpan.FromHours(8));

    private static byte[] Example(string user = "citizen-sz", decimal quantity = 12m, DateTimeOffset? at = null, decimal? ownAverage = null) =>
        PartnerSignature.Message("shenzhen-tanpuhui", "gate-12", "t-1", user, "metro", at ?? RideAt, quantity, 25m, ownAverage);

    [Fact]
    public void Message_WorkedExample_IsTheTenDocumentedLines()
    {
        var message = Example();

        Assert.Equal("openets-inclusion-action-v1\nshenzhen-tanpuhui\ngate-12\nt-1\ncitizen-sz\nmetro\n2026-11-30T00:15:00.000Z\n12\n25\n",
            Encoding.UTF8.GetString(message));
        Assert.Equal("4dc15d566246777f64d64422982d7ce8ec4344007a456bf331915df25fd1c233", Convert.ToHexStringLower(SHA256.HashData(message)));
    }

    [Theory]
    [InlineData(DerSignature)]
    [InlineData(P1363Signature)]
    public void Verify_OpenSslSignatureOfTheWorkedExample_Verifies(string signature)
    {
        using var key = PartnerSignature.Verifier(PartnerSignature.ReadPublicKey(PublicKeyPem, out _)!);

        Assert.True(PartnerSignature.Verify(key, Example(), signature));
    }

    [Fact]
    public void Verify_AnyFieldChanged_IsRefused()
    {
        using var key = PartnerSignature.Verifier(PartnerSignature.ReadPublicKey(PublicKeyPem, out _)!);

        Assert.False(PartnerSignature.Verify(key, Example(user: "citizen-gz"), DerSignature));
        Assert.False(PartnerSignature.Verify(key, Example(quantity: 13m), DerSignature));
        Assert.False(PartnerSignature.Verify(key, Example(at: RideAt.AddMilliseconds(1)), DerSignature));
        Assert.False(PartnerSignature.Verify(key, Example(ownAverage: 0m), P1363Signature));
        Assert.False(PartnerSignature.Verify(key, Example(), DerSignature[..^4] + "AAAA"));
        Assert.False(PartnerSignature.Verify(key, Example(), "not base64!"));
        Assert.False(PartnerSignature.Verify(key, Example(), null));
    }

    [Fact]
    public void Message_SameInstantAndValueWrittenOtherwise_IsTheSameBytes() =>
        Assert.Equal(Example(), Example(quantity: 12.000m, at: new DateTimeOffset(2026, 11, 30, 0, 15, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("12.00", "12")]
    [InlineData("12.50", "12.5")]
    [InlineData("0.0", "0")]
    [InlineData("0.001", "0.001")]
    public void Number_AnyScale_IsThePlainDecimalWithoutTrailingZeros(string value, string written) =>
        Assert.Equal(written, PartnerSignature.Number(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void ReadPublicKey_PemBase64OtherCurveOrJunk_ReadsOnlyAP256Key()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        var fromPem = PartnerSignature.ReadPublicKey(PublicKeyPem, out _);
        Assert.NotNull(fromPem);
        Assert.Equal(fromPem, PartnerSignature.ReadPublicKey(fromPem, out _));
        Assert.Null(PartnerSignature.ReadPublicKey(Convert.ToBase64String(p384.ExportSubjectPublicKeyInfo()), out var curve));
        Assert.Contains("P-256", curve, StringComparison.Ordinal);
        Assert.Null(PartnerSignature.ReadPublicKey("hello", out _));
        Assert.False(PartnerSignature.Signable("t-1", "line\nbreak"));
        Assert.True(PartnerSignature.Signable("t-1", "深圳通"));
    }
}
