namespace OpenEts.Application.Inclusion;

/// <summary>A partner with its new key: the only time the key exists outside the partner's hands.</summary>
public sealed record PartnerKeyIssued(InclusionPartner Partner, string Key)
{
    public override string ToString() => $"PartnerKeyIssued {{ Partner = {Partner.Name}, Key = {Partner.KeyShown}… }}";
}
