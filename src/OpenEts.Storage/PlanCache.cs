using System.Collections.Concurrent;
using OpenEts.Application.DualControl.Targets;

namespace OpenEts.Storage;

/// <summary>
/// Parsed energy plan versions, shared by every session of one store, so that a 晴雨表 round reads the plans' keys and
/// not their bodies. An adopted version is never updated (the storage has no update), so a (region, version, adopted at)
/// key names one body for good; a new version is a new key and is read and parsed once. Only committed versions enter:
/// a read session adds what it sees, a write session stages what it parsed and <see cref="SqlStore"/> adds it after the
/// commit, so a rolled-back adoption never reaches the cache.
/// </summary>
internal sealed class PlanCache
{
    private readonly ConcurrentDictionary<PlanKey, PlanVersion> _plans = new();

    public bool TryGet(PlanKey key, out PlanVersion plan) => _plans.TryGetValue(key, out plan!);

    /// <summary>One session's door to the cache: a read session adds at once, a write session after its commit.</summary>
    public Session Open(bool writing) => new(this, writing ? [] : null);

    internal sealed class Session(PlanCache cache, List<KeyValuePair<PlanKey, PlanVersion>>? staged)
    {
        public bool TryGet(PlanKey key, out PlanVersion plan) => cache.TryGet(key, out plan);

        public void Add(PlanKey key, PlanVersion plan)
        {
            if (staged is null)
            {
                cache._plans[key] = plan;
            }
            else
            {
                staged.Add(new(key, plan));
            }
        }

        /// <summary>Called once the write transaction has committed.</summary>
        public void Committed()
        {
            foreach (var (key, plan) in staged ?? [])
            {
                cache._plans[key] = plan;
            }
        }
    }
}

/// <summary>What names one adopted plan version's body.</summary>
internal readonly record struct PlanKey(string Region, long Version, long AdoptedAt);
