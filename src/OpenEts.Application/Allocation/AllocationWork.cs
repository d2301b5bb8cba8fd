using OpenEts.Application.Identity;
using OpenEts.Application.Storage;

namespace OpenEts.Application.Allocation;

/// <summary>What a plan command decides on: the store inside the handler's write transaction, who is asking, and now.</summary>
public sealed class AllocationWork(IStoreSession session, Actor actor, DateTimeOffset now)
{
    public IStoreSession Session => session;

    public Actor Actor => actor;

    public DateTimeOffset Now => now;

    /// <summary>The versions of plan <paramref name="planId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<StoredPlan>> VersionsAsync(string planId) =>
        [.. (await session.Allocation.ListPlansAsync().ConfigureAwait(false)).Where(p => p.PlanId == planId).OrderBy(p => p.Version)];

    /// <summary>The journal subject of a plan version: <c>guangdong-2017/v2</c>.</summary>
    public static string Subject(string planId, int version) => $"{planId}/v{version}";
}
