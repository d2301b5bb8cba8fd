using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>A registry event as journalled: its journal sequence number and the event.</summary>
public sealed record RegistryRecord(long Sequence, RegistryEvent Event);
