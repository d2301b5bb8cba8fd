using System.Text.Json.Nodes;
using OpenEts.Application.Allocation;
using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.Allocation;
using OpenEts.Domain.Organisations;

namespace OpenEts.Storage.Tests;

// A what-if confirmed (ConfirmWhatIf) on every database: the changed figures become a new draft version through the
// plan's change control, exactly those figures differ from the version revised, which stays approved and unchanged, the
// revision is journalled, and nothing in the registry moves.
public abstract partial class StoreContract<TDb>
{
    private static readonly string[] WhatIfFigures = ["benchmark.cement.clinker=0.85", "free.steel=0.96"];

    private const string WhatIfSource = "粤环发〔2018〕演示 1号";

    [Fact]
    public async Task Allocation_ConfirmWhatIf_RevisesThePlanWithExactlyTheChangedFiguresAndMovesNothing()
    {
        await using var w = await AllocationWorldAsync(Db);
        await w.Plans.HandleAsync(w.Regulator, new ImportPlan(PlanJson.Shipped("guangdong-2017")), Ct);
        await w.Plans.HandleAsync(w.Regulator, new ApprovePlan("guangdong-2017", 1), Ct);
        var approvedBefore = (await w.Queries.PlanAsync("guangdong-2017", 1, Ct))!;
        var registryEntries = await w.Store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter(KindPrefix: "registry.")), Ct);
        var cementHeld = await HeldAsync(w.Registry, "GD-HOLD-CEMENT");
        var edits = WhatIfFigures.Select(f => PlanEdit.TryParse(f, "what-if", out var e, out _) ? e : null).OfType<PlanEdit>().ToList();
        var (whatIf, _) = await w.Queries.WhatIfAsync("guangdong-2017", null, 2017, edits, null, Ct);

        Assert.True(ConfirmWhatIf.TryParse(new ConfirmWhatIf.Form("guangdong-2017", whatIf!.Plan.Version, 2017, WhatIfFigures, WhatIfSource),
            out var confirm, out var errors), string.Join("; ", errors.Select(e => e.Message)));
        var outcome = await w.Plans.HandleAsync(w.Regulator, confirm, Ct);
        var stale = await w.Plans.HandleAsync(w.Regulator, confirm, Ct);
        var versions = await w.Queries.PlansAsync(Ct);
        var revisionRun = (await w.Queries.WhatIfAsync("guangdong-2017", 2, 2017, [], null, Ct)).Result!;
        var journal = await w.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: "allocation."), 0, 1), Ct);

        var revision = Assert.IsType<AllocationCommandOutcome.Completed>(outcome).Plan!;
        Assert.Equal((2, PlanStatus.Draft), (revision.Version, revision.Status));
        Assert.Equal([(1, PlanStatus.Approved), (2, PlanStatus.Draft)], versions.Select(v => (v.Version, v.Status)));
        // The version revised is as it was, and still the one that governs 2017.
        Assert.Equal(approvedBefore.Document, versions[0].Document);
        Assert.Equal(1, (await w.Queries.ApprovedVersionAsync("guangdong", 2017, Ct))!.Version);
        // Exactly the two figures differ (value, source, and the placeholder flag they no longer carry).
        Assert.True(PlanEdit.TryApply(approvedBefore.Document, edits, out _, out var figurePaths, out _));
        var changed = JsonChanges(JsonNode.Parse(versions[0].Document), JsonNode.Parse(versions[1].Document), "$").Where(p => p != "$.version").ToList();
        Assert.NotEmpty(changed);
        Assert.All(changed, p => Assert.Contains(figurePaths, f => p.StartsWith(f + ".", StringComparison.Ordinal)));
        Assert.Equal(figurePaths.Order(StringComparer.Ordinal), changed.Select(p => p[..p.LastIndexOf('.')]).Distinct().Order(StringComparer.Ordinal));
        var plan = versions[1].Plan;
        Assert.Equal((0.85m, WhatIfSource, false), (plan.SectorOf(Sector.Cement)!.Products[0].Benchmark!.Value,
            plan.SectorOf(Sector.Cement)!.Products[0].Benchmark!.Source, plan.SectorOf(Sector.Cement)!.Products[0].Benchmark!.Unconfirmed));
        Assert.Equal(0.96m, plan.SectorOf(Sector.Steel)!.FreeShare.Value);
        // The revision allocates what the what-if showed, entity by entity.
        Assert.Equal(whatIf.Rows.Select(r => (r.Changed.Code, r.Changed.Total)), revisionRun.Rows.Select(r => (r.Baseline.Code, r.Baseline.Total)));
        // Nothing in the registry moved; the revision is journalled with the what-if's year and the changes.
        Assert.Equal(registryEntries, await w.Store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter(KindPrefix: "registry.")), Ct));
        Assert.Equal(cementHeld, await HeldAsync(w.Registry, "GD-HOLD-CEMENT"));
        var entry = Assert.Single(journal);
        Assert.Equal(("allocation.plan.revised", "guangdong-2017/v2", "regulator"), (entry.Kind, entry.Subject, entry.Actor));
        var payload = JsonNode.Parse(entry.Payload)!;
        Assert.Equal((1, 2017), (payload["revises"]!.GetValue<int>(), payload["whatIf"]!["year"]!.GetValue<int>()));
        Assert.Equal(["benchmark.cement.clinker", "free.steel"], payload["changes"]!.AsArray().Select(c => c!["path"]!.GetValue<string>()));
        // Confirming the same what-if again (on v1, no longer the newest) is refused: run it on v2.
        Assert.Equal(("NotNewest", Application.Registry.RefusalKind.Conflict),
            (Assert.IsType<AllocationCommandOutcome.Refused>(stale).Rule, ((AllocationCommandOutcome.Refused)stale).Kind));
    }

    [Fact]
    public async Task Allocation_ConfirmWhatIf_ByACompanyOrWithoutASource_IsRefusedAndStoresNothing()
    {
        await using var w = await AllocationWorldAsync(Db);
        await w.Plans.HandleAsync(w.Regulator, new ImportPlan(PlanJson.Shipped("guangdong-2017")), Ct);
        var company = new Actor(99, "cement-a", Domain.Identity.Role.CompanyRepresentative, null);

        var forbidden = await w.Plans.HandleAsync(company, new ConfirmWhatIf("guangdong-2017", 1, 2017,
            [new PlanEdit("benchmark.cement.clinker", 0.85m, WhatIfSource)], WhatIfSource), Ct);
        var parsed = ConfirmWhatIf.TryParse(new ConfirmWhatIf.Form("guangdong-2017", 1, 2017, WhatIfFigures, " "), out _, out var errors);
        var wrongYear = await w.Plans.HandleAsync(w.Regulator, new ConfirmWhatIf("guangdong-2017", 1, 2019,
            [new PlanEdit("benchmark.cement.clinker", 0.85m, WhatIfSource)], WhatIfSource), Ct);
        var unknownPlan = await w.Plans.HandleAsync(w.Regulator, new ConfirmWhatIf("guangdong-2099", null, 2017,
            [new PlanEdit("benchmark.cement.clinker", 0.85m, WhatIfSource)], WhatIfSource), Ct);

        Assert.IsType<AllocationCommandOutcome.Forbidden>(forbidden);
        Assert.False(parsed);
        Assert.Equal(("source", "SourceRequired"), (Assert.Single(errors).Field, errors[0].Rule));
        Assert.Equal("PlanYear", Assert.Single(Assert.IsType<AllocationCommandOutcome.Invalid>(wrongYear).Errors).Rule);
        Assert.IsType<AllocationCommandOutcome.NotFound>(unknownPlan);
        Assert.Single(await w.Queries.PlansAsync(Ct));
    }

    // Every leaf path whose value differs between two JSON documents (added and removed included).
    private static List<string> JsonChanges(JsonNode? a, JsonNode? b, string path)
    {
        if (a is JsonObject oa && b is JsonObject ob)
        {
            return oa.Select(p => p.Key).Union(ob.Select(p => p.Key)).SelectMany(k => JsonChanges(oa[k], ob[k], path + "." + k)).ToList();
        }
        if (a is JsonArray aa && b is JsonArray ab)
        {
            return Enumerable.Range(0, Math.Max(aa.Count, ab.Count))
                .SelectMany(i => JsonChanges(i < aa.Count ? aa[i] : null, i < ab.Count ? ab[i] : null, $"{path}[{i}]")).ToList();
        }
        return JsonNode.DeepEquals(a, b) ? [] : [path];
    }
}
