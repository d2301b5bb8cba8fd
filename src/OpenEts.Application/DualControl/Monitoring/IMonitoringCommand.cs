using OpenEts.Domain.Identity;

namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>One monitoring operation as a typed request: the roles that may ask and what it does in the handler's write transaction.</summary>
public interface IMonitoringCommand
{
    /// <summary>The roles that may ask; anyone else is forbidden before anything is read.</summary>
    IReadOnlyList<Role> Roles { get; }

    /// <summary>Runs as the actor of <paramref name="work"/>, at its time. A refusal is decided before anything is written.</summary>
    Task<MonitoringCommandOutcome> ExecuteAsync(MonitoringWork work);

    /// <summary>
    /// Work that reads no stored data (hashing, grouping), done by the handler before the write transaction so that it
    /// does not hold the write lock while other requests wait. Nothing by default.
    /// </summary>
    void Prepare()
    {
    }
}
