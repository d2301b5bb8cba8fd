using OpenEts.Application.Identity;
using OpenEts.Application.Storage;

namespace OpenEts.Application.Inclusion;

/// <summary>What an inclusion command runs on: the store inside the handler's transaction, who asks, now, and the programmes.</summary>
public sealed class InclusionWork(IStoreSession session, Actor actor, DateTimeOffset now, InclusionProgrammes programmes)
{
    public IStoreSession Session => session;

    public Actor Actor => actor;

    public DateTimeOffset Now => now;

    /// <summary>Today in Beijing.</summary>
    public DateOnly Today => InclusionTime.DayOf(now);

    public InclusionProgrammes Programmes => programmes;

    /// <summary>Appends the command's journal entry (kind <c>inclusion.</c> + <paramref name="what"/>).</summary>
    public Task JournalAsync(string what, string subject, object payload) =>
        session.Journal.AppendAsync(now, actor.UserName, "inclusion." + what, subject, Json.Object(("details", payload)));
}
