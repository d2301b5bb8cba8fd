using OpenEts.Application.Inclusion;

namespace OpenEts.Server.Hosting;

/// <summary>
/// Carbon inclusion through the queue in the platform's own database (<c>--inclusion-queue</c>,
/// <c>OPENETS_INCLUSION_QUEUE=true</c>): the partner API stores each batch and answers <c>Queued</c> as soon as it is
/// committed (<see cref="InclusionQueue"/>), and this server records the queue in the background
/// (<see cref="InclusionQueueService"/>). With <c>--nats</c> the stream is used instead; with neither, batches are recorded
/// in the request.
/// </summary>
internal static class InclusionQueueing
{
    /// <summary>Whether the command line or the environment asks for the queue.</summary>
    public static bool Asked(IConfiguration configuration) =>
        string.Equals(configuration["inclusion-queue"], "true", StringComparison.OrdinalIgnoreCase)
        || string.Equals(configuration["OPENETS_INCLUSION_QUEUE"], "true", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Environment.GetEnvironmentVariable("OPENETS_INCLUSION_QUEUE"), "true", StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddInclusionQueue(this IServiceCollection services, bool asked)
    {
        if (!asked)
        {
            return services;
        }
        return services
            .AddSingleton<InclusionQueue>()
            .AddSingleton<IInclusionEventLog>(sp => sp.GetRequiredService<InclusionQueue>())
            .AddSingleton<InclusionQueueWorker>()
            .AddHostedService<InclusionQueueService>();
    }
}

/// <summary>
/// This server's inclusion queue worker, restarted after a failure; the batches it had claimed and not deleted are
/// claimed again once the claim runs out (at once by the same worker, which keeps its name).
/// </summary>
internal sealed partial class InclusionQueueService : RestartingWorkerService
{
    private readonly InclusionQueueWorker _worker;

    public InclusionQueueService(InclusionQueueWorker worker, ILogger<InclusionQueueService> log) : base(log)
    {
        _worker = worker;
        _worker.Refused += (batch, rule) => LogRefused(log, batch.Id, batch.Actions, batch.PartnerId, batch.Programme, rule);
    }

    protected override string Name => "inclusion queue worker";

    protected override Task RunAsync(CancellationToken ct) => _worker.RunAsync(ct);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inclusion queue: batch {Id} ({Count} action(s) of partner {Partner} for {Programme}) refused as a whole ({Rule}); deleted")]
    private static partial void LogRefused(ILogger log, long id, int count, long partner, string programme, string rule);
}
