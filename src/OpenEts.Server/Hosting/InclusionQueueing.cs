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
/// Runs this server's inclusion queue worker while the server runs; after a failure (the database busy or gone) it logs
/// and starts again after a pause, and reads again whatever it had not deleted.
/// </summary>
internal sealed partial class InclusionQueueService(InclusionQueueWorker worker, ILogger<InclusionQueueService> log) : BackgroundService
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        worker.Refused += (batch, rule) => LogRefused(batch.Id, batch.Actions, batch.PartnerId, batch.Programme, rule);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await worker.RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed worker is logged and started again; the batches it had not deleted come back.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(e, Pause.TotalSeconds);
                await Task.Delay(Pause, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The inclusion queue worker stopped; starting again in {Seconds} s")]
    private partial void LogFailed(Exception e, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inclusion queue: batch {Id} ({Count} action(s) of partner {Partner} for {Programme}) refused as a whole ({Rule}); deleted")]
    private partial void LogRefused(long id, int count, long partner, string programme, string rule);
}
