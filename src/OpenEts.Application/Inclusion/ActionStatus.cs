namespace OpenEts.Application.Inclusion;

/// <summary>What became of one action in a batch.</summary>
public enum ActionStatus
{
    /// <summary>Counted: its reduction and coins (perhaps cut by a cap) are credited.</summary>
    Counted = 1,

    /// <summary>Its source already sent this event id: nothing counted again.</summary>
    Duplicate,

    /// <summary>Refused by a rule (malformed, from the future, too old, impossible, not rewarded, a cap): nothing counted.</summary>
    Refused,

    /// <summary>Accepted into the event log (ingestion through a stream): a worker counts it, or refuses it, shortly.</summary>
    Queued,
}
