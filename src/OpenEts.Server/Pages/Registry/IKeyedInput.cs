namespace OpenEts.Server.Pages.Registry;

/// <summary>A bound form that carries its idempotency key in a hidden field.</summary>
public interface IKeyedInput
{
    /// <summary>The key made when the form was shown; replaced by a fresh one when it was bad.</summary>
    string? Key { get; set; }
}
