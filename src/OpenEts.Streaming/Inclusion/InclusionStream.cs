using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace OpenEts.Streaming.Inclusion;

/// <summary>
/// The JetStream stream partners' events land in: file storage, subjects <c>inclusion.events.*</c> (one per shard),
/// limits retention (a replayable log kept <see cref="InclusionStreamOptions.MaxAge"/>), message ids de-duplicated over
/// <see cref="InclusionStreamOptions.DuplicateWindow"/>. Created on first use, by whichever publisher or worker comes first.
/// </summary>
public sealed class InclusionStream(INatsJSContext js, InclusionStreamOptions options)
{
    private Task? _ensured;

    public INatsJSContext JetStream => js;

    public InclusionStreamOptions Options => options;

    /// <summary>Creates the stream, or updates its settings, once per process.</summary>
    public Task EnsureAsync(CancellationToken ct)
    {
        var ensured = _ensured;
        if (ensured is { IsCompletedSuccessfully: true })
        {
            return ensured;
        }
        return _ensured = CreateAsync(ct);
    }

    private async Task CreateAsync(CancellationToken ct) =>
        await js.CreateOrUpdateStreamAsync(new StreamConfig(options.Stream, [options.SubjectPrefix + ".*"])
        {
            Storage = StreamConfigStorage.File,
            Retention = StreamConfigRetention.Limits,
            DuplicateWindow = options.DuplicateWindow,
            MaxAge = options.MaxAge,
        }, ct).ConfigureAwait(false);
}
