namespace OpenEts.Domain.DualControl.Cards;

/// <summary>What a recorded environmental violation is; the jurisdiction's <see cref="CardRules"/> say which card it earns.</summary>
public enum ViolationKind
{
    /// <summary>超标排放: a measured concentration over its limit.</summary>
    ConcentrationExceedance = 0,

    /// <summary>超总量排放: a total load over the permitted total.</summary>
    TotalLoadExceedance,

    /// <summary>未批先建: built without EIA approval (fined; the fine picks the card).</summary>
    BuiltWithoutEia,

    /// <summary>未验先投: operating before acceptance (fined; the fine picks the card).</summary>
    OperatingBeforeAcceptance,

    /// <summary>未依法公开信息: failing to disclose environmental information.</summary>
    FailureToDisclose,

    /// <summary>责令停业、关闭: ordered to stop or close.</summary>
    OrderedToStopOrClose,

    /// <summary>区域总量限批: the company's area is under a regional approval freeze.</summary>
    RegionalApprovalFreeze,
}
