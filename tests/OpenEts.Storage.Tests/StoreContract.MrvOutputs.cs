using OpenEts.Application.Mrv;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Storage.Tests;

// The verifier's adjustment of a production output, on every database: what allocation's true-up reads is the verified
// output, and the reported one stays on record beside it.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task Issue_9_VerifierAdjustsTheClinkerOutput_ApprovedEmissionsCarryTheVerifiedOutput()
    {
        var (store, actorOf) = await MrvMarketAsync(Db);
        await using var _ = store;
        var handler = new MrvCommandHandler(store, new FixedClock(new DateTimeOffset(2018, 3, 10, 2, 0, 0, TimeSpan.Zero)));
        var cement = await actorOf("cement-a");
        var regulator = await actorOf("regulator");
        var verifier = await actorOf("verifier");
        var id = ((MrvCommandOutcome.Completed)await handler.HandleAsync(cement, Draft(2017, 1000m), Ct)).Report!.Id;
        await handler.HandleAsync(cement, new SubmitReport(id), Ct);
        await handler.HandleAsync(regulator, new AssignVerifier(id, CreditCode.Parse(Code(VerifierCode)).Code, ConflictDeclaration.None), Ct);

        var unknown = await handler.HandleAsync(verifier, new RecordVerification(id, [], [], "ok")
        {
            OutputAdjustments = [new OutputAdjustment(3, 2_800m, "kiln log", "DCS export")],
        }, Ct);
        var verified = await handler.HandleAsync(verifier, new RecordVerification(id, [], [], "clinker corrected to the kiln log")
        {
            OutputAdjustments = [new OutputAdjustment(0, 2_800m, "clinker from the kiln log, not the silo estimate", "DCS export 2017")],
        }, Ct);
        await handler.HandleAsync(regulator, new ApproveReport(id), Ct);
        var emissions = await new MrvQueries(store).ApprovedEmissionsAsync(CreditCode.Parse(Code(CementCode)).Code, 2017, Ct);
        var stored = await store.ReadAsync(s => s.Mrv.FindReportAsync(id), Ct);

        Assert.Equal("UnknownOutput", Assert.Single(Assert.IsType<MrvCommandOutcome.Invalid>(unknown).Errors).Rule);
        Assert.IsType<MrvCommandOutcome.Completed>(verified);
        Assert.Equal(2_800m, Assert.Single(emissions!.Outputs).Amount);
        Assert.Equal(3_000m, Assert.Single(stored!.Outputs).Amount);
        Assert.Equal("DCS export 2017", Assert.Single(stored.Verification!.OutputAdjustments).Evidence);
        // The emissions do not depend on the output: 1000 t coal and 50 × 10⁴Nm³ gas as reported, 2981.393 t.
        Assert.Equal(2_981.393m, emissions.Approved.Value);
    }
}
