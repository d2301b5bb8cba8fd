namespace OpenEts.Application.Forms;

/// <summary>Where a fresh idempotency key is made for a request (<see cref="IdempotencyKeys.New"/>): a page's form or a CLI verb.</summary>
public enum KeyOrigin
{
    /// <summary>A form on a page, its key made when the form is shown: <c>web-…</c>.</summary>
    Web,

    /// <summary>A CLI verb run without <c>--key</c>: <c>cli-…</c>.</summary>
    Cli,
}
