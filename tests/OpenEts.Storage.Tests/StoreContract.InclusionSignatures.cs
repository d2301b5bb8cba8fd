using System.Security.Cryptography;
using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Storage.Tests;

// Partners' per-event signatures: a partner whose key names a public key has every event verified; an unsigned or
// badly signed event is refused alone and counted on the quality dashboard; after the signing key is rotated (a new
// API key with the new public key, the old one revoked) events signed with the old private key are refused.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task Inclusion_SignedPartner_CountsSignedEventsRefusesUnsignedBadAndRotatedOnesAndCountsThem()
    {
        await using var w = await InclusionWorldAsync();
        var regulator = await w.ActorOf("regulator");
        var partners = new PartnerActionsHandler(w.Store, w.Handler);
        using var first = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var second = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        async Task<PartnerKeyIssued> IssueAsync(string name, ECDsa? signing)
        {
            Assert.True(IssuePartnerKey.TryParse(new IssuePartnerKey.Form(name, "shenzhen-tanpuhui", "metro",
                    signing is null ? null : signing.ExportSubjectPublicKeyInfoPem()), InclusionProgrammes.Shipped, out var issue, out var errors),
                string.Join("; ", errors.Select(e => e.Message)));
            return (PartnerKeyIssued)((InclusionCommandOutcome.Completed)await w.Handler.HandleAsync(regulator, issue, Ct)).Result;
        }
        RecordActions.ActionForm Signed(string id, ECDsa by, decimal km = 10m)
        {
            var ride = Ride(id, "metro", km) with { User = "citizen" };
            var message = PartnerSignature.Message("shenzhen-tanpuhui", ride.Source!, id, "citizen", "metro", DateTimeOffset.Parse(ride.OccurredAt!,
                System.Globalization.CultureInfo.InvariantCulture), km, ride.Minutes, null);
            return ride with { Signature = Convert.ToBase64String(by.SignData(message, HashAlgorithmName.SHA256)) };
        }
        async Task<IReadOnlyList<ActionResult>> SendAsync(string key, params RecordActions.ActionForm[] actions) =>
            ((RecordedActions)((InclusionCommandOutcome.Completed)await partners.HandleAsync(key, Batch("shenzhen-tanpuhui", actions), Ct)).Result).Items;

        var signing = await IssueAsync("深圳通（签名）", first);
        var plain = await IssueAsync("深圳通（按批）", null);
        var results = await SendAsync(signing.Key, Signed("s1", first), Ride("s2", "metro", 10m) with { User = "citizen" },
            Signed("s3", first) with { Quantity = 11m }, Signed("s4", second));
        var unsigned = await SendAsync(plain.Key, Ride("u1", "metro", 10m) with { User = "citizen" });
        var rotated = await IssueAsync("深圳通（签名，轮换）", second);
        await w.Handler.HandleAsync(regulator, new RevokePartnerKey(signing.Partner.Id), Ct);
        var afterRotation = await SendAsync(rotated.Key, Signed("r1", first), Signed("r2", second));
        var oldKey = await partners.HandleAsync(signing.Key, Batch("shenzhen-tanpuhui", Signed("r3", first)), Ct);
        var day = new DateOnly(2026, 11, 30);
        var kept = await w.Store.ReadAsync(s => s.Inclusion.QualityAsync(null, null, day, day), Ct);

        Assert.True(signing.Partner.SignsEvents);
        Assert.Equal([ActionStatus.Counted, ActionStatus.Refused, ActionStatus.Refused, ActionStatus.Refused], results.Select(r => r.Status).ToArray());
        Assert.Equal(["", "MissingSignature", "BadSignature", "BadSignature"], results.Select(r => r.Rule ?? "").ToArray());
        Assert.Equal(ActionStatus.Counted, Assert.Single(unsigned).Status);
        Assert.Equal(["BadSignature", ""], afterRotation.Select(r => r.Rule ?? "").ToArray());
        Assert.Equal("PartnerKey", Assert.IsType<InclusionCommandOutcome.Refused>(oldKey).Rule);
        Assert.Equal([("BadSignature", 2L), ("Counted", 1L), ("MissingSignature", 1L)],
            kept.Where(k => k.Partner == signing.Partner.Id).Select(k => (k.Outcome, k.Events)).ToArray());
        Assert.Equal([("BadSignature", 1L), ("Counted", 1L)], kept.Where(k => k.Partner == rotated.Partner.Id).Select(k => (k.Outcome, k.Events)).ToArray());
        Assert.False(IssuePartnerKey.TryParse(new IssuePartnerKey.Form("x", "shenzhen-tanpuhui", "metro", "not a key"), InclusionProgrammes.Shipped,
            out _, out var bad));
        Assert.Equal("PublicKey", Assert.Single(bad).Rule);
    }
}
