using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using OpenEts.Domain.Journal;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Api;

public sealed class JournalDigestApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record DigestView(string Format, long Sequence, string Hash, DateTimeOffset At, string KeyId, string Signature);

    private sealed record DigestFile(string Format, string? KeyId, string? PublicKey, List<DigestView> Digests);

    [Fact]
    public async Task Issue_8_Digests_SignedByTheRegulator_ArePublicAndCheckWithThePublishedKey()
    {
        using var regulator = await server.SignedInAsync("regulator");
        using var anonymous = server.CreateClient();

        using var signed = await regulator.PostAsync("/api/v1/journal/digests", null, Ct);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var digest = (await signed.Content.ReadFromJsonAsync<DigestView>(Ct))!;
        var file = (await anonymous.GetFromJsonAsync<DigestFile>("/api/v1/journal/digests", Ct))!;

        Assert.Equal("openets-journal-digest/1", file.Format);
        var published = Assert.Single(file.Digests, d => d.Sequence == digest.Sequence);
        using var key = ECDsa.Create();
        key.ImportFromPem(file.PublicKey);
        Assert.True(new JournalDigest(published.Sequence, published.Hash, published.At, published.KeyId, published.Signature).IsSignedBy(key));
        var page = await anonymous.GetStringAsync("/Transparency", Ct);
        Assert.Contains(digest.Hash, page, StringComparison.Ordinal);
        Assert.Contains("BEGIN PUBLIC KEY", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningADigest_AsACompany_IsForbidden()
    {
        using var company = await server.SignedInAsync("power-a");

        using var response = await company.PostAsync("/api/v1/journal/digests", null, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
