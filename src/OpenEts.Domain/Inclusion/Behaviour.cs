namespace OpenEts.Domain.Inclusion;

/// <summary>A low-carbon behaviour (低碳行为) a programme may reward. Each is measured in its own unit (<see cref="Behaviours.UnitOf"/>).</summary>
public enum Behaviour
{
    /// <summary>地铁出行: a metro trip; measured in km travelled (or one trip for per-trip methodologies).</summary>
    Metro = 1,

    /// <summary>公交出行: a bus ride; km travelled.</summary>
    Bus,

    /// <summary>共享单车/公共自行车: a bike ride; km travelled, with its minutes.</summary>
    Bike,

    /// <summary>步行: a day's steps.</summary>
    Walk,

    /// <summary>网上预约挂号: an online hospital booking; one per action.</summary>
    HospitalBooking,

    /// <summary>垃圾分类: one waste-sorting drop.</summary>
    WasteSorting,

    /// <summary>家庭节电: a day's household electricity use, kWh.</summary>
    Electricity,

    /// <summary>分布式光伏: a day's generation of a household PV system, kWh.</summary>
    SolarPv,
}
