namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>
/// One reading as stored, compactly: the meter, its slot (Unix seconds of the interval's start), the energy used in the
/// interval in thousandths of the meter's unit, and how far the sender's stamp was off the slot (seconds).
/// The table is keyed (meter, slot).
/// </summary>
public readonly record struct StoredReading(long MeterId, long SlotSeconds, long ValueMilli, int OffsetSeconds);
