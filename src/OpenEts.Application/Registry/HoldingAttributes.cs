using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>One holding of an account with the attributes of its class, as compliance reads them.</summary>
public sealed record HoldingAttributes(Holding Holding, UnitAttributes Attributes);
