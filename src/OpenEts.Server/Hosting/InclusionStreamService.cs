using OpenEts.Streaming.Inclusion;

namespace OpenEts.Server.Hosting;

/// <summary>This server's inclusion stream worker, restarted after a failure; what it had not acknowledged is delivered again.</summary>
internal sealed class InclusionStreamService(InclusionStreamWorker worker, ILogger<InclusionStreamService> log) : RestartingWorkerService(log)
{
    protected override string Name => "inclusion stream worker";

    protected override Task RunAsync(CancellationToken ct) => worker.RunAsync(ct);
}
