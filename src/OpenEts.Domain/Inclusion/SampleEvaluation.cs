namespace OpenEts.Domain.Inclusion;

/// <summary>
/// What a checked sample says about an aggregation (抽样核查结果). The unsupported share found in each behaviour's sample is
/// projected over that behaviour's claim (<see cref="SampleStratum.ProjectedUnsupported"/>), as audit sampling projects
/// the misstatement found in a sample to its population (ISA 530 ¶14); their sum over the claim is the projected error
/// rate. At or under the plan's tolerable rate the error is immaterial and the claim is verified as filed; above it the
/// verified reduction is the claim less the projected error — cut in proportion — since the verifier cannot confirm the
/// claim as filed (materiality, Regulation (EU) 2018/2067 Art. 23 and 27) and a PHCER must never stand for an unsupported
/// tonne. The verifier may still return the report instead (the offsets module's return).
/// </summary>
/// <param name="Claimed">The claim: the sum of the strata's claims.</param>
/// <param name="ProjectedUnsupported">The sum of the strata's projected unsupported reductions (≤ <paramref name="Claimed"/>).</param>
/// <param name="Sampled">Events sampled.</param>
/// <param name="NotSupported">Events found not supported.</param>
/// <param name="TolerableRate">The plan's tolerable rate.</param>
public sealed record SampleEvaluation(CarbonGrams Claimed, CarbonGrams ProjectedUnsupported, long Sampled, long NotSupported, decimal TolerableRate)
{
    /// <summary>The projected unsupported share of the claim, in [0, 1] (0 for no claim).</summary>
    public decimal ProjectedRate => Claimed == CarbonGrams.Zero ? 0 : (decimal)ProjectedUnsupported.Milligrams / Claimed.Milligrams;

    /// <summary>The share of sampled events found not supported (0 for none sampled).</summary>
    public decimal EventErrorRate => Sampled == 0 ? 0 : (decimal)NotSupported / Sampled;

    /// <summary>True when the projected rate is above the tolerable rate: the claim is cut.</summary>
    public bool ExceedsTolerable => ProjectedRate > TolerableRate;

    /// <summary>The reduction verified: the claim, or the claim less the projected error when that is above the tolerable rate.</summary>
    public CarbonGrams Verified => ExceedsTolerable ? Claimed - ProjectedUnsupported : Claimed;

    /// <summary>
    /// The verified part of <paramref name="filed"/> (the aggregation's figure, which late events may leave below the
    /// strata's claims): all of it, or — above the tolerable rate — less its projected share, rounded up to the milligram.
    /// </summary>
    public CarbonGrams VerifiedOf(CarbonGrams filed)
    {
        if (!ExceedsTolerable)
        {
            return filed;
        }
        var cut = Int128.DivRem((Int128)filed.Milligrams * ProjectedUnsupported.Milligrams, Claimed.Milligrams);
        return filed - CarbonGrams.FromMilligrams((long)(cut.Quotient + (cut.Remainder > 0 ? 1 : 0)));
    }

    /// <summary>Evaluates the strata of a checked sample under <paramref name="plan"/>.</summary>
    public static SampleEvaluation Of(SamplingPlan plan, IReadOnlyList<SampleStratum> strata)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(strata);
        var claimed = CarbonGrams.Zero;
        var projected = CarbonGrams.Zero;
        long sampled = 0;
        long unsupported = 0;
        foreach (var s in strata)
        {
            claimed += s.Claimed;
            projected += s.ProjectedUnsupported;
            sampled = checked(sampled + s.Sampled);
            unsupported = checked(unsupported + s.NotSupported);
        }
        return new SampleEvaluation(claimed, projected, sampled, unsupported, plan.TolerableRate);
    }
}
