using OpenEts.Application.Identity;
using OpenEts.Application.Storage;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>What a targets command runs on: the store inside the handler's transaction, who asks, and now.</summary>
public sealed class EnergyTargetsWork(IStoreSession session, Actor actor, DateTimeOffset now)
{
    public IStoreSession Session => session;

    public IEnergyTargetsData Data => session.EnergyTargets;

    public Actor Actor => actor;

    public DateTimeOffset Now => now;

    /// <summary>Appends the command's journal entry (kind <c>energy.</c> + <paramref name="what"/>).</summary>
    public Task JournalAsync(string what, string subject, object payload) =>
        session.Journal.AppendAsync(now, actor.UserName, "energy." + what, subject, Json.Object(("details", payload)));
}
